import KubeJSON
public import KubeModel

/// Where and how to call one webhook: the TCP address to connect to, the HTTP request target, the name the
/// server certificate must be valid for, the CA to verify it with and the time allowed.
public struct AdmissionWebhookEndpoint: Sendable, Hashable {
    /// The host to connect to (a name or an IP address literal).
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The request target: path and query (`/mutate?timeout=10s`).
    public var target: String
    /// The name the certificate must carry; an IP literal is checked against the certificate's IP addresses.
    public var serverName: String
    /// The PEM CA certificates from `caBundle`; `nil` trusts the system roots.
    public var caBundlePEM: [UInt8]?
    /// `timeoutSeconds` (default 10).
    public var timeoutSeconds: Int
    /// The URL as kube's errors quote it (`https://name.ns.svc:443/path?timeout=10s`).
    public var url: String

    public init(
        host: String,
        port: Int,
        target: String,
        serverName: String,
        caBundlePEM: [UInt8]?,
        timeoutSeconds: Int,
        url: String
    ) {
        self.host = host
        self.port = port
        self.target = target
        self.serverName = serverName
        self.caBundlePEM = caBundlePEM
        self.timeoutSeconds = timeoutSeconds
        self.url = url
    }

    /// The endpoint of `webhook`'s `clientConfig`.
    ///
    /// `url` is used as written (it must be `https`). A `service` {namespace, name, port (default 443),
    /// path} has no cluster network to live in, so it resolves to a local address: `serviceAddress` is asked
    /// for the address of the Service (the API server answers with the Service's `spec.clusterIP` when that is
    /// a loopback address, else `127.0.0.1`), the port is the webhook's service port, and the certificate
    /// must be valid for `NAME.NAMESPACE.svc`, as in a cluster.
    /// - Throws: ``AdmissionWebhookError`` when the client configuration is unusable.
    public static func resolve(
        _ webhook: Webhook,
        serviceAddress: (_ namespace: String, _ name: String) -> String
    ) throws(AdmissionWebhookError) -> AdmissionWebhookEndpoint {
        let timeout = Int(webhook.timeoutSeconds ?? 10)
        var caBundle: [UInt8]?
        if let text = webhook.caBundle, !text.isEmpty {
            guard let decoded = Base64.decode(text) else { throw AdmissionWebhookError("invalid caBundle: illegal base64 data") }
            caBundle = decoded
        }
        let query = "timeout=\(timeout)s"
        if let service = webhook.service, service.objectValue != nil {
            let namespace = service["namespace"]?.stringValue ?? ""
            let name = service["name"]?.stringValue ?? ""
            guard !namespace.isEmpty, !name.isEmpty else {
                throw AdmissionWebhookError("invalid clientConfig.service: name and namespace are required")
            }
            let port = service["port"]?.intValue ?? 443
            var path = service["path"]?.stringValue ?? "/"
            if !path.hasPrefix("/") { path = "/" + path }
            let serverName = "\(name).\(namespace).svc"
            return AdmissionWebhookEndpoint(
                host: serviceAddress(namespace, name),
                port: port,
                target: "\(path)?\(query)",
                serverName: serverName,
                caBundlePEM: caBundle,
                timeoutSeconds: timeout,
                url: "https://\(serverName):\(port)\(path)?\(query)"
            )
        }
        guard let url = webhook.url, !url.isEmpty else {
            throw AdmissionWebhookError("invalid clientConfig: one of url or service is required")
        }
        let parsed = try Self.parse(url)
        let separator = parsed.target.contains("?") ? "&" : "?"
        let target = parsed.target + separator + query
        return AdmissionWebhookEndpoint(
            host: parsed.host,
            port: parsed.port,
            target: target,
            serverName: parsed.host,
            caBundlePEM: caBundle,
            timeoutSeconds: timeout,
            url: url + separator + query
        )
    }

    /// Splits `https://host[:port][/path][?query]`; IPv6 literals are bracketed.
    static func parse(_ url: String) throws(AdmissionWebhookError) -> (host: String, port: Int, target: String) {
        let prefix = "https://"
        guard url.hasPrefix(prefix) else { throw AdmissionWebhookError("invalid clientConfig.url \(GoQuote.quote(url)): scheme must be https") }
        let rest = url.dropFirst(prefix.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        if host.isEmpty { throw AdmissionWebhookError("invalid clientConfig.url \(GoQuote.quote(url)): missing host") }
        var port = 443
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw AdmissionWebhookError("invalid clientConfig.url \(GoQuote.quote(url)): invalid port")
            }
            port = value
        }
        return (String(host), port, target)
    }
}
