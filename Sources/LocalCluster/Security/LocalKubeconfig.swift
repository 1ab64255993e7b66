public import KubeJSON

/// The kubeconfig `kruise apiserver` and `kruise local` write for kubectl and client libraries: one cluster
/// (server URL and CA data), one user (the bearer token) and one current context.
public struct LocalKubeconfig: Sendable {
    /// The name used for the cluster, user and context entries.
    public static let contextName = "kruise-local"

    public var serverURL: String
    public var caCertificatePEM: String
    public var token: BearerToken

    public init(serverURL: String, caCertificatePEM: String, token: BearerToken) {
        self.serverURL = serverURL
        self.caCertificatePEM = caCertificatePEM
        self.token = token
    }

    /// The kubeconfig document.
    public var document: JSONValue {
        [
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [
                [
                    "name": .string(Self.contextName),
                    "cluster": [
                        "server": .string(self.serverURL),
                        "certificate-authority-data": .string(Base64.encode(Array(self.caCertificatePEM.utf8))),
                    ],
                ]
            ],
            "users": [["name": .string(Self.contextName), "user": ["token": .string(self.token.value)]]],
            "contexts": [
                [
                    "name": .string(Self.contextName),
                    "context": [
                        "cluster": .string(Self.contextName), "user": .string(Self.contextName), "namespace": "default",
                    ],
                ]
            ],
            "current-context": .string(Self.contextName),
            "preferences": [:],
        ]
    }

    /// The kubeconfig as YAML text.
    public var yaml: String { YAMLWriter.string(for: self.document) }
}
