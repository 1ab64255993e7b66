public import KubeJSON

/// apps/v1 DeploymentStatus.
public struct DeploymentStatus: ReplicatedStatus {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var unavailableReplicas: Int32 {
        get { self.value("unavailableReplicas") ?? 0 }
        set { self.setValue("unavailableReplicas", newValue) }
    }

    public var collisionCount: Int32? {
        get { self.value("collisionCount") }
        set { self.setValue("collisionCount", newValue) }
    }
}
