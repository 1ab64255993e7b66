public import KubeJSON

/// networking.k8s.io/v1 Ingress. The spec (rules, TLS, backends) is kept as JSON: SwiftKruise only protects
/// Ingresses from deletion and never rewrites their routing.
public struct Ingress: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "networking.k8s.io", version: "v1", kind: "Ingress")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var ingressClassName: String? {
        get { self.object["spec"]?["ingressClassName"]?.stringValue }
        set {
            var spec = self.object["spec"] ?? .emptyObject
            spec["ingressClassName"] = newValue.map { .string($0) }
            self.object["spec"] = spec
        }
    }

    /// `spec.rules[]`, kept as JSON.
    public var rules: [JSONValue] { self.object["spec"]?["rules"]?.arrayValue ?? [] }
}
