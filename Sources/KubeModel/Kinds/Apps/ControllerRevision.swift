public import KubeJSON

/// apps/v1 ControllerRevision: an immutable snapshot of a workload's template.
public struct ControllerRevision: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps", version: "v1", kind: "ControllerRevision")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// The snapshot (for Kruise workloads, a patch holding `spec.template`), as JSON.
    public var data: JSONValue? {
        get { self.object["data"] }
        set { self.object["data"] = newValue }
    }

    public var revision: Int64 {
        get { self.value("revision") ?? 0 }
        set { self.setValue("revision", newValue) }
    }
}
