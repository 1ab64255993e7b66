public import KubeJSON

/// The status counters the replicated workloads share.
public protocol ReplicatedStatus: JSONObjectView {}

extension ReplicatedStatus {
    public var observedGeneration: Int64? {
        get { self.value("observedGeneration") }
        set { self.setValue("observedGeneration", newValue) }
    }

    public var replicas: Int32 {
        get { self.value("replicas") ?? 0 }
        set { self.setValue("replicas", newValue) }
    }

    public var readyReplicas: Int32 {
        get { self.value("readyReplicas") ?? 0 }
        set { self.setValue("readyReplicas", newValue) }
    }

    public var availableReplicas: Int32 {
        get { self.value("availableReplicas") ?? 0 }
        set { self.setValue("availableReplicas", newValue) }
    }

    public var updatedReplicas: Int32 {
        get { self.value("updatedReplicas") ?? 0 }
        set { self.setValue("updatedReplicas", newValue) }
    }

    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }
}
