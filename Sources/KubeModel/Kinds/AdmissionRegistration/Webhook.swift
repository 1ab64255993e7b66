public import KubeJSON

/// One webhook of a webhook configuration (MutatingWebhook / ValidatingWebhook).
public struct Webhook: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    /// `clientConfig.url`, when the webhook is called by URL.
    public var url: String? {
        get { self.object["clientConfig"]?["url"]?.stringValue }
        set { self.updateClientConfig { $0["url"] = newValue.map { .string($0) } } }
    }

    /// `clientConfig.service` (`namespace`, `name`, `path`, `port`), kept as JSON.
    public var service: JSONValue? {
        get { self.object["clientConfig"]?["service"] }
        set { self.updateClientConfig { $0["service"] = newValue } }
    }

    /// `clientConfig.caBundle`: base64 of the PEM CA certificates, as on the wire.
    public var caBundle: String? {
        get { self.object["clientConfig"]?["caBundle"]?.stringValue }
        set { self.updateClientConfig { $0["caBundle"] = newValue.map { .string($0) } } }
    }

    /// `rules[]` (operations, apiGroups, apiVersions, resources, scope), kept as JSON.
    public var rules: [JSONValue] {
        get { self.value("rules") ?? [] }
        set { self.setValue("rules", newValue.isEmpty ? nil : newValue) }
    }

    /// `Fail` (the default) or `Ignore`.
    public var failurePolicy: String? {
        get { self.value("failurePolicy") }
        set { self.setValue("failurePolicy", newValue) }
    }

    public var sideEffects: String? {
        get { self.value("sideEffects") }
        set { self.setValue("sideEffects", newValue) }
    }

    public var namespaceSelector: LabelSelector? {
        get { self.value("namespaceSelector") }
        set { self.setValue("namespaceSelector", newValue) }
    }

    public var objectSelector: LabelSelector? {
        get { self.value("objectSelector") }
        set { self.setValue("objectSelector", newValue) }
    }

    public var timeoutSeconds: Int32? {
        get { self.value("timeoutSeconds") }
        set { self.setValue("timeoutSeconds", newValue) }
    }

    public var admissionReviewVersions: [String] {
        get { self.value("admissionReviewVersions") ?? [] }
        set { self.setValue("admissionReviewVersions", newValue.isEmpty ? nil : newValue) }
    }

    private mutating func updateClientConfig(_ body: (inout JSONValue) -> Void) {
        var config = self.object["clientConfig"] ?? .emptyObject
        body(&config)
        self.object["clientConfig"] = config
    }
}
