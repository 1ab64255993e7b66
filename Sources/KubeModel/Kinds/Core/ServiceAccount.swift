public import KubeJSON

/// core/v1 ServiceAccount: the identity pods run as (`kubectl create serviceaccount`).
public struct ServiceAccount: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "", version: "v1", kind: "ServiceAccount")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `imagePullSecrets[].name`.
    public var imagePullSecrets: [String] {
        get {
            guard case .array(let references)? = self.object["imagePullSecrets"] else { return [] }
            return references.compactMap { $0["name"]?.stringValue }
        }
        set {
            self.object["imagePullSecrets"] = newValue.isEmpty ? nil : .array(newValue.map { ["name": .string($0)] })
        }
    }

    public var automountServiceAccountToken: Bool? {
        get { self.value("automountServiceAccountToken") }
        set { self.setValue("automountServiceAccountToken", newValue) }
    }
}
