public import KubeJSON

/// apps/v1 StatefulSet.
public struct StatefulSet: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "apps", version: "v1", kind: "StatefulSet") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: StatefulSetSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: StatefulSetStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
