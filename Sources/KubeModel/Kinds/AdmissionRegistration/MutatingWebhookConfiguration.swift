public import KubeJSON

/// admissionregistration.k8s.io/v1 MutatingWebhookConfiguration (cluster-scoped).
public struct MutatingWebhookConfiguration: WebhookConfiguration {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "admissionregistration.k8s.io", version: "v1", kind: "MutatingWebhookConfiguration")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }
}
