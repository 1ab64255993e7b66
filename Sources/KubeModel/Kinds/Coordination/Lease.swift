public import KubeJSON

/// coordination.k8s.io/v1 Lease: node heartbeats and leader election.
public struct Lease: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "coordination.k8s.io", version: "v1", kind: "Lease")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: LeaseSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }
}
