public import KubeJSON

/// rbac.authorization.k8s.io/v1 RoleBinding: grants a Role or ClusterRole to subjects in a namespace.
public struct RoleBinding: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `roleRef` (`apiGroup`, `kind`, `name`).
    public var roleRef: JSONValue? { self.object["roleRef"] }

    /// `subjects`, kept as JSON.
    public var subjects: [JSONValue] { self.object["subjects"]?.arrayValue ?? [] }
}
