/// Which configuration a webhook belongs to.
public enum WebhookType: String, Sendable, Hashable {
    /// `MutatingWebhookConfiguration` (`kruise-mutating-webhook-configuration`).
    case mutating
    /// `ValidatingWebhookConfiguration` (`kruise-validating-webhook-configuration`).
    case validating
}
