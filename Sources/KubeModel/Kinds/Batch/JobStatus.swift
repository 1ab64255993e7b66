public import KubeJSON

/// batch/v1 JobStatus.
public struct JobStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var active: Int32 {
        get { self.value("active") ?? 0 }
        set { self.setValue("active", newValue == 0 ? nil : newValue) }
    }

    public var succeeded: Int32 {
        get { self.value("succeeded") ?? 0 }
        set { self.setValue("succeeded", newValue == 0 ? nil : newValue) }
    }

    public var failed: Int32 {
        get { self.value("failed") ?? 0 }
        set { self.setValue("failed", newValue == 0 ? nil : newValue) }
    }

    public var startTime: KubeTime? {
        get { self.value("startTime") }
        set { self.setValue("startTime", newValue) }
    }

    public var completionTime: KubeTime? {
        get { self.value("completionTime") }
        set { self.setValue("completionTime", newValue) }
    }

    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }
}
