import KubeJSON
public import KubeModel

/// The registry credentials of a pod's pull secrets: the `auths` of `kubernetes.io/dockerconfigjson` Secrets
/// (`.dockerconfigjson`) and legacy `kubernetes.io/dockercfg` ones (`.dockercfg`), by registry host, in the
/// order of `spec.imagePullSecrets` (the first secret naming a registry wins, as the kubelet's keyring
/// tries them in order).
public struct PullSecretCredentials: Sendable, Hashable {
    /// Registry host (`docker.io`, `registry.example.com:5000`) → credential.
    public private(set) var byRegistry: [String: RegistryCredential] = [:]

    /// No credentials.
    public init() {}

    /// Adds the credentials `secret` holds; other secret types add nothing.
    public mutating func add(_ secret: Secret) {
        let auths: JSONValue?
        switch secret.type {
        case "kubernetes.io/dockerconfigjson":
            auths = Self.decodedJSON(secret.data[".dockerconfigjson"])?["auths"]
        case "kubernetes.io/dockercfg":
            auths = Self.decodedJSON(secret.data[".dockercfg"])
        default:
            auths = nil
        }
        guard let entries = auths?.objectValue else { return }
        for member in entries {
            let host = Self.registryHost(member.key)
            guard self.byRegistry[host] == nil, let credential = Self.credential(member.value) else { continue }
            self.byRegistry[host] = credential
        }
    }

    /// The credential for `reference` (by its normalised registry host), if any.
    public func credential(for reference: String) -> RegistryCredential? {
        // Most pods have no pull secrets: nothing to parse for those.
        guard !self.byRegistry.isEmpty, let parsed = try? ImageReferenceCache.shared.reference(reference) else { return nil }
        return self.byRegistry[parsed.domain]
    }

    /// `https://index.docker.io/v1/` → `docker.io`; `registry.example.com:5000/v2` → `registry.example.com:5000`.
    public static func registryHost(_ server: String) -> String {
        var text = Substring(server)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        let host = String(text.split(separator: "/", maxSplits: 1).first ?? "")
        switch host {
        case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com": return "docker.io"
        default: return host
        }
    }

    private static func credential(_ entry: JSONValue) -> RegistryCredential? {
        if let username = entry["username"]?.stringValue, let password = entry["password"]?.stringValue {
            return RegistryCredential(username: username, password: password)
        }
        guard let auth = entry["auth"]?.stringValue, let bytes = Base64.decode(auth) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return RegistryCredential(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }

    private static func decodedJSON(_ base64: String?) -> JSONValue? {
        guard let base64, let bytes = Base64.decode(base64) else { return nil }
        return try? JSONValue(parsing: bytes)
    }
}
