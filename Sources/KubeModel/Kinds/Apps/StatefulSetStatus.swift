public import KubeJSON

/// apps/v1 StatefulSetStatus.
public struct StatefulSetStatus: ReplicatedStatus {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var currentReplicas: Int32 {
        get { self.value("currentReplicas") ?? 0 }
        set { self.setValue("currentReplicas", newValue) }
    }

    public var currentRevision: String? {
        get { self.value("currentRevision") }
        set { self.setValue("currentRevision", newValue) }
    }

    public var updateRevision: String? {
        get { self.value("updateRevision") }
        set { self.setValue("updateRevision", newValue) }
    }

    public var collisionCount: Int32? {
        get { self.value("collisionCount") }
        set { self.setValue("collisionCount", newValue) }
    }
}
