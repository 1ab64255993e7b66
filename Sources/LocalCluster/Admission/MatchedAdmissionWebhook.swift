import KubeJSON
public import KubeModel

/// A webhook that applies to a request, with where it came from and the version it sees the resource at.
public struct MatchedAdmissionWebhook: Sendable {
    /// The name of the Mutating- or ValidatingWebhookConfiguration.
    public var configurationName: String
    /// The webhook.
    public var webhook: Webhook
    /// The version of the resource the webhook's rules matched: the request's own version, or with
    /// `matchPolicy: Equivalent` another version the resource is served at.
    public var version: String

    public init(configurationName: String, webhook: Webhook, version: String) {
        self.configurationName = configurationName
        self.webhook = webhook
        self.version = version
    }

    /// `reinvocationPolicy: IfNeeded`.
    public var reinvokesIfNeeded: Bool {
        self.webhook.object["reinvocationPolicy"]?.stringValue == "IfNeeded"
    }

    /// `failurePolicy: Ignore`; any other value (and the v1 default) is `Fail`.
    public var ignoresFailures: Bool { self.webhook.failurePolicy == "Ignore" }

    /// `sideEffects` is `None` or `NoneOnDryRun`, so the webhook may see dry-run requests.
    public var supportsDryRun: Bool { self.webhook.sideEffects == "None" || self.webhook.sideEffects == "NoneOnDryRun" }
}
