public import KubeJSON

/// apps/v1 ReplicaSetSpec.
public struct ReplicaSetSpec: PodTemplatedSpec {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }
}
