public import KubeJSON
public import KubeModel

/// One webhook as it is registered with the API server: name, path, rules and selectors, independent of how
/// the API server reaches the server (``WebhookClientConfig``).
public struct KruiseWebhookRegistration: Sendable, Hashable {
    /// `vnamespace.kb.io`, ... (upstream's names).
    public var name: String
    public var type: WebhookType
    /// The URL path on the webhook server (`/validate-namespace`).
    public var path: String
    public var rules: [WebhookRule]
    /// `Fail` or `Ignore`.
    public var failurePolicy: String
    public var sideEffects: String
    public var timeoutSeconds: Int
    public var admissionReviewVersions: [String]
    public var namespaceSelector: LabelSelector?
    public var objectSelector: LabelSelector?
    /// The feature gate without which the webhook is not registered (``KruiseWebhookRegistrations/enabled(by:)``).
    public var featureGate: String?

    public init(
        name: String,
        type: WebhookType,
        path: String,
        rules: [WebhookRule],
        failurePolicy: String = "Fail",
        sideEffects: String = "None",
        timeoutSeconds: Int = 30,
        admissionReviewVersions: [String] = ["v1"],
        namespaceSelector: LabelSelector? = nil,
        objectSelector: LabelSelector? = nil,
        featureGate: String? = nil
    ) {
        self.name = name
        self.type = type
        self.path = path
        self.rules = rules
        self.failurePolicy = failurePolicy
        self.sideEffects = sideEffects
        self.timeoutSeconds = timeoutSeconds
        self.admissionReviewVersions = admissionReviewVersions
        self.namespaceSelector = namespaceSelector
        self.objectSelector = objectSelector
        self.featureGate = featureGate
    }

    /// The `webhooks[]` entry, in the API's field order.
    public func json(clientConfig: WebhookClientConfig, caBundle: String = "") -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(self.name)
        object["clientConfig"] = clientConfig.json(path: self.path, caBundle: caBundle)
        object["rules"] = .array(self.rules.map(\.json))
        object["failurePolicy"] = .string(self.failurePolicy)
        if let namespaceSelector = self.namespaceSelector { object["namespaceSelector"] = namespaceSelector.json }
        if let objectSelector = self.objectSelector { object["objectSelector"] = objectSelector.json }
        object["sideEffects"] = .string(self.sideEffects)
        object["timeoutSeconds"] = .int(Int64(self.timeoutSeconds))
        object["admissionReviewVersions"] = .array(self.admissionReviewVersions.map { .string($0) })
        return .object(object)
    }
}
