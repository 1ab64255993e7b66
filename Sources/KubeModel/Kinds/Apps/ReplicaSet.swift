public import KubeJSON

/// apps/v1 ReplicaSet.
public struct ReplicaSet: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "apps", version: "v1", kind: "ReplicaSet") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: ReplicaSetSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: ReplicaSetStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
