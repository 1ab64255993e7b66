public import KubeJSON

/// What Mutating- and ValidatingWebhookConfiguration share: a list of webhooks.
public protocol WebhookConfiguration: KubeObject {}

extension WebhookConfiguration {
    public var webhooks: [Webhook] {
        get { self.views("webhooks") }
        set { self.setViews("webhooks", newValue) }
    }
}
