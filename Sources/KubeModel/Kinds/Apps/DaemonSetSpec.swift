public import KubeJSON

/// apps/v1 DaemonSetSpec (no `replicas`: one pod per eligible node).
public struct DaemonSetSpec: PodTemplatedSpec {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }
}
