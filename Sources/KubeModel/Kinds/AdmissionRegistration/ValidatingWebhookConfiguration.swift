public import KubeJSON

/// admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration (cluster-scoped).
public struct ValidatingWebhookConfiguration: WebhookConfiguration {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingWebhookConfiguration")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }
}
