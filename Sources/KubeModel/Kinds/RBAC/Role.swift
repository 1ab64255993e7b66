public import KubeJSON

/// rbac.authorization.k8s.io/v1 Role: namespaced permissions (`rules`).
public struct Role: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `rules`, kept as JSON (the API server stores RBAC objects; it does not authorize with them).
    public var rules: [JSONValue] {
        get { self.object["rules"]?.arrayValue ?? [] }
        set { self.object["rules"] = newValue.isEmpty ? nil : .array(newValue) }
    }
}
