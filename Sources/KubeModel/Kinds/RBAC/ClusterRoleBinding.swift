public import KubeJSON

/// rbac.authorization.k8s.io/v1 ClusterRoleBinding: grants a ClusterRole to subjects cluster-wide.
public struct ClusterRoleBinding: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `roleRef` (`apiGroup`, `kind`, `name`).
    public var roleRef: JSONValue? { self.object["roleRef"] }

    /// `subjects`, kept as JSON.
    public var subjects: [JSONValue] { self.object["subjects"]?.arrayValue ?? [] }
}
