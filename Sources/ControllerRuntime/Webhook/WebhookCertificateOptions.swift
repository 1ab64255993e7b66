/// Where the webhook server's certificates live and which webhook configurations trust them.
public struct WebhookCertificateOptions: Sendable, Hashable {
    /// Names and addresses the serving certificate covers: the webhook Service's DNS names in a cluster
    /// (`kruise-webhook-service.kruise-system.svc`), or the `--webhook-host` address outside one.
    public var hosts: [String]
    /// Keep the certificates in this directory instead of a Secret (`--webhook-cert-dir`).
    public var directory: String?
    /// The Secret holding them (upstream's `kruise-webhook-certs` in the manager's namespace).
    public var secretNamespace: String
    public var secretName: String
    /// Mutating and validating webhook configurations whose `caBundle` the manager keeps current.
    public var mutatingConfigurations: [String]
    public var validatingConfigurations: [String]
    /// Only webhooks pointing here get the `caBundle`; `nil`: every webhook of those configurations.
    public var endpoint: WebhookEndpoint?
    /// Renew the serving certificate when it has less than this left.
    public var renewBefore: Duration
    /// How long a new serving certificate is valid.
    public var validityDays: Int

    public init(
        hosts: [String],
        directory: String? = nil,
        secretNamespace: String = "kruise-system",
        secretName: String = "kruise-webhook-certs",
        mutatingConfigurations: [String] = ["kruise-mutating-webhook-configuration"],
        validatingConfigurations: [String] = ["kruise-validating-webhook-configuration"],
        endpoint: WebhookEndpoint? = nil,
        renewBefore: Duration = .seconds(30 * 24 * 3600),
        validityDays: Int = 365
    ) {
        self.hosts = hosts
        self.directory = directory
        self.secretNamespace = secretNamespace
        self.secretName = secretName
        self.mutatingConfigurations = mutatingConfigurations
        self.validatingConfigurations = validatingConfigurations
        self.endpoint = endpoint
        self.renewBefore = renewBefore
        self.validityDays = validityDays
    }

    /// The Secret's data keys, as upstream names them.
    static let caCertificateKey = "ca-cert.pem"
    static let caKeyKey = "ca-key.pem"
    static let certificateKey = "cert.pem"
    static let keyKey = "key.pem"
}
