public import KubeJSON

/// apps/v1 DaemonSet.
public struct DaemonSet: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "apps", version: "v1", kind: "DaemonSet") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: DaemonSetSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: DaemonSetStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
