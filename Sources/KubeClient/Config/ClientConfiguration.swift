/// Everything the client needs to reach one API server: the URL, TLS material, credentials, the default
/// namespace, and client-side limits.
public struct ClientConfiguration: Sendable {
    /// The server's base URL (`https://127.0.0.1:6443`), without a trailing slash.
    public var server: String
    /// PEM certificates to trust; `nil` trusts the system roots.
    public var certificateAuthorityPEM: [UInt8]?
    /// Skips server certificate verification (`insecure-skip-tls-verify`).
    public var insecureSkipTLSVerify: Bool
    /// The name to verify the server certificate against, when it differs from the URL's host.
    public var tlsServerName: String?
    /// A PEM client certificate chain and key for mutual TLS.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    /// How requests are authenticated.
    public var credentials: CredentialSource
    /// The namespace of the current context (`default` when none is set).
    public var namespace: String
    /// Client-side rate limit: sustained requests per second (kruise-manager's default is 30).
    public var qps: Double
    /// Client-side rate limit: burst size (kruise-manager's default is 50).
    public var burst: Int
    /// The `User-Agent` header.
    public var userAgent: String
    /// Timeout for requests other than watches.
    public var requestTimeout: Duration
    /// How many times a request answered 429 or 5xx (or not answered at all, for reads) is retried.
    public var maximumRetries: Int
    /// HTTP/1.1 connections kept per host; every open watch holds one.
    public var connectionsPerHost: Int

    public init(
        server: String,
        certificateAuthorityPEM: [UInt8]? = nil,
        insecureSkipTLSVerify: Bool = false,
        tlsServerName: String? = nil,
        clientCertificatePEM: [UInt8]? = nil,
        clientKeyPEM: [UInt8]? = nil,
        credentials: CredentialSource = .none,
        namespace: String = "default",
        qps: Double = 30,
        burst: Int = 50,
        userAgent: String = "kruise",
        requestTimeout: Duration = .seconds(60),
        maximumRetries: Int = 5,
        connectionsPerHost: Int = 64
    ) {
        var server = server
        while server.hasSuffix("/") { server.removeLast() }
        self.server = server
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.credentials = credentials
        self.namespace = namespace
        self.qps = qps
        self.burst = burst
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.maximumRetries = maximumRetries
        self.connectionsPerHost = connectionsPerHost
    }
}
