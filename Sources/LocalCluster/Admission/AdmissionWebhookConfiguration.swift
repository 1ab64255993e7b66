import KubeJSON
public import KubeModel

/// One Mutating- or ValidatingWebhookConfiguration as admission reads it: its webhooks in written order,
/// each with its rules parsed once. Every write of every object is matched against every webhook, so the
/// API server keeps these per stored version of the configurations instead of reading the rules' JSON on
/// each request.
public struct AdmissionWebhookConfiguration: Sendable {
    /// A webhook and what matching reads of it.
    public struct Entry: Sendable {
        public var webhook: Webhook
        public var rules: [AdmissionRule]
        /// `matchPolicy: Exact` (the default is Equivalent).
        public var exactMatchPolicy: Bool

        public init(_ webhook: Webhook) {
            self.webhook = webhook
            self.rules = webhook.rules.map(AdmissionRule.init(json:))
            self.exactMatchPolicy = webhook.object["matchPolicy"]?.stringValue == "Exact"
        }
    }

    /// The configuration's `metadata.name`.
    public var name: String
    public var entries: [Entry]

    public init(name: String, webhooks: [Webhook]) {
        self.name = name
        self.entries = webhooks.map(Entry.init)
    }
}
