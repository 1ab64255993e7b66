public import KubeJSON

/// apps/v1 DaemonSetStatus.
public struct DaemonSetStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var desiredNumberScheduled: Int32 {
        get { self.value("desiredNumberScheduled") ?? 0 }
        set { self.setValue("desiredNumberScheduled", newValue) }
    }

    public var currentNumberScheduled: Int32 {
        get { self.value("currentNumberScheduled") ?? 0 }
        set { self.setValue("currentNumberScheduled", newValue) }
    }

    public var numberReady: Int32 {
        get { self.value("numberReady") ?? 0 }
        set { self.setValue("numberReady", newValue) }
    }

    public var numberAvailable: Int32 {
        get { self.value("numberAvailable") ?? 0 }
        set { self.setValue("numberAvailable", newValue) }
    }

    public var updatedNumberScheduled: Int32 {
        get { self.value("updatedNumberScheduled") ?? 0 }
        set { self.setValue("updatedNumberScheduled", newValue) }
    }

    public var numberMisscheduled: Int32 {
        get { self.value("numberMisscheduled") ?? 0 }
        set { self.setValue("numberMisscheduled", newValue) }
    }

    public var observedGeneration: Int64? {
        get { self.value("observedGeneration") }
        set { self.setValue("observedGeneration", newValue) }
    }
}
