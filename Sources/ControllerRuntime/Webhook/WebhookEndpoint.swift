public import KubeJSON

/// How the API server reaches one webhook server: the webhooks whose `clientConfig` points there are the ones
/// whose `caBundle` that server's manager may set. Two managers sharing configuration names (a `kruise local`
/// serving by URL and a `kruise manager` serving through a Service) must not overwrite each other's CA.
public enum WebhookEndpoint: Sendable, Hashable {
    /// Through a Service (`clientConfig.service`).
    case service(namespace: String, name: String)
    /// By URL (`clientConfig.url`) on `host`, any port.
    case url(host: String)

    /// `true` when the webhook's `clientConfig` points at this endpoint.
    public func matches(clientConfig: JSONObject) -> Bool {
        switch self {
        case .service(let namespace, let name):
            guard let service = clientConfig["service"]?.objectValue else { return false }
            return service["namespace"]?.stringValue == namespace && service["name"]?.stringValue == name
        case .url(let host):
            guard let url = clientConfig["url"]?.stringValue else { return false }
            return url.hasPrefix("https://\(host):") || url.hasPrefix("https://\(host)/")
        }
    }
}
