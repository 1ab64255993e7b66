public import KubeJSON

/// A kubeconfig file (`clientcmd/api/v1` Config): clusters, users and contexts by name, and the current context.
///
/// Only the members SwiftKruise uses are modelled; the rest of the document is ignored, as client-go ignores it.
public struct Kubeconfig: Sendable, Hashable {
    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable, Hashable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify: Bool
        public var tlsServerName: String?
    }

    /// A `users[].user` entry.
    public struct User: Sendable, Hashable {
        public var token: String?
        public var tokenFile: String?
        public var clientCertificate: String?
        public var clientCertificateData: [UInt8]?
        public var clientKey: String?
        public var clientKeyData: [UInt8]?
        public var exec: ExecConfig?
    }

    /// A `users[].user.exec` entry: an exec credential plugin (client.authentication.k8s.io).
    public struct ExecConfig: Sendable, Hashable {
        public var command: String
        public var args: [String]
        public var env: [(name: String, value: String)]
        public var apiVersion: String
        public var interactiveMode: String?

        public static func == (lhs: ExecConfig, rhs: ExecConfig) -> Bool {
            lhs.command == rhs.command && lhs.args == rhs.args && lhs.apiVersion == rhs.apiVersion
                && lhs.env.map(\.name) == rhs.env.map(\.name) && lhs.env.map(\.value) == rhs.env.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(self.command)
            hasher.combine(self.args)
        }
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable, Hashable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public var clusters: [String: Cluster]
    public var users: [String: User]
    public var contexts: [String: Context]
    public var currentContext: String?

    /// Parses a kubeconfig document (YAML or JSON).
    /// - Throws: ``KubeconfigError`` naming the member that is malformed.
    public init(yaml text: String) throws(KubeconfigError) {
        let document: JSONValue
        do {
            document = try YAMLReader().read(text)
        } catch {
            throw KubeconfigError("kubeconfig is not valid YAML: \(error)")
        }
        try self.init(document: document)
    }

    /// Reads the members of a parsed kubeconfig document.
    public init(document: JSONValue) throws(KubeconfigError) {
        guard case .object = document else { throw KubeconfigError("kubeconfig must be a mapping") }
        self.clusters = [:]
        self.users = [:]
        self.contexts = [:]
        self.currentContext = document["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }

        for (index, entry) in (document["clusters"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue, let cluster = entry["cluster"] else {
                throw KubeconfigError("clusters[\(index)]: needs name and cluster")
            }
            guard let server = cluster["server"]?.stringValue, !server.isEmpty else {
                throw KubeconfigError("clusters[\(index)].cluster.server: required")
            }
            self.clusters[name] = Cluster(
                server: server,
                certificateAuthority: cluster["certificate-authority"]?.stringValue,
                certificateAuthorityData: try Self.base64(cluster["certificate-authority-data"], field: "clusters[\(index)].cluster.certificate-authority-data"),
                insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"]?.boolValue ?? false,
                tlsServerName: cluster["tls-server-name"]?.stringValue
            )
        }
        for (index, entry) in (document["users"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue else { throw KubeconfigError("users[\(index)].name: required") }
            let user = entry["user"] ?? .emptyObject
            var exec: ExecConfig?
            if let execEntry = user["exec"], case .object = execEntry {
                guard let command = execEntry["command"]?.stringValue, !command.isEmpty else {
                    throw KubeconfigError("users[\(index)].user.exec.command: required")
                }
                exec = ExecConfig(
                    command: command,
                    args: (execEntry["args"]?.arrayValue ?? []).compactMap(\.stringValue),
                    env: (execEntry["env"]?.arrayValue ?? []).compactMap { variable in
                        guard let name = variable["name"]?.stringValue else { return nil }
                        return (name, variable["value"]?.stringValue ?? "")
                    },
                    apiVersion: execEntry["apiVersion"]?.stringValue ?? "client.authentication.k8s.io/v1",
                    interactiveMode: execEntry["interactiveMode"]?.stringValue
                )
            }
            self.users[name] = User(
                token: user["token"]?.stringValue,
                tokenFile: user["tokenFile"]?.stringValue,
                clientCertificate: user["client-certificate"]?.stringValue,
                clientCertificateData: try Self.base64(user["client-certificate-data"], field: "users[\(index)].user.client-certificate-data"),
                clientKey: user["client-key"]?.stringValue,
                clientKeyData: try Self.base64(user["client-key-data"], field: "users[\(index)].user.client-key-data"),
                exec: exec
            )
        }
        for (index, entry) in (document["contexts"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue, let context = entry["context"] else {
                throw KubeconfigError("contexts[\(index)]: needs name and context")
            }
            self.contexts[name] = Context(
                cluster: context["cluster"]?.stringValue ?? "",
                user: context["user"]?.stringValue ?? "",
                namespace: context["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            )
        }
    }

    private static func base64(_ value: JSONValue?, field: String) throws(KubeconfigError) -> [UInt8]? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        guard let bytes = Base64.decode(text) else { throw KubeconfigError("\(field): not valid base64") }
        return bytes
    }
}
