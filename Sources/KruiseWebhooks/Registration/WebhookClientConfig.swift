public import KubeJSON

/// How the API server reaches the webhook server.
public enum WebhookClientConfig: Sendable, Hashable {
    /// In a cluster: through a Service (`kruise-webhook-service` in `kruise-system`, port 443).
    case service(namespace: String, name: String, port: Int)
    /// Outside one (`kruise local`, `--webhook-host`): `https://HOST:PORT/path`.
    case url(host: String, port: Int)

    /// The in-cluster default.
    public static let inCluster = WebhookClientConfig.service(namespace: "kruise-system", name: "kruise-webhook-service", port: 443)

    /// The `clientConfig` of a webhook served at `path`; `caBundle` is base64 of the PEM CA (empty until the
    /// manager publishes its CA).
    public func json(path: String, caBundle: String) -> JSONValue {
        var config = JSONObject()
        switch self {
        case .service(let namespace, let name, let port):
            config["service"] = [
                "namespace": .string(namespace),
                "name": .string(name),
                "path": .string(path),
                "port": .int(Int64(port)),
            ]
        case .url(let host, let port):
            config["url"] = .string(Self.url(host: host, port: port, path: path))
        }
        config["caBundle"] = .string(caBundle)
        return .object(config)
    }

    /// `https://host:port/path`, with an IPv6 host in brackets.
    public static func url(host: String, port: Int, path: String) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "https://\(bracketed):\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }
}
