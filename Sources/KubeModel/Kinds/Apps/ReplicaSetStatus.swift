public import KubeJSON

/// apps/v1 ReplicaSetStatus.
public struct ReplicaSetStatus: ReplicatedStatus {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var fullyLabeledReplicas: Int32 {
        get { self.value("fullyLabeledReplicas") ?? 0 }
        set { self.setValue("fullyLabeledReplicas", newValue) }
    }
}
