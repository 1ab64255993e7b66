import Foundation

extension ClientConfiguration {
    /// The configuration client-go's loading rules pick: the explicit kubeconfig path, then `$KUBECONFIG`
    /// (the first file of the list), then the in-cluster configuration when running in a pod, then
    /// `~/.kube/config`.
    /// - Parameters:
    ///   - kubeconfigPath: `--kubeconfig`, if given.
    ///   - context: `--context`, if given; otherwise the kubeconfig's current context.
    public static func load(
        kubeconfigPath: String? = nil,
        context: String? = nil,
        environment: [String: String]? = nil
    ) throws(KubeconfigError) -> ClientConfiguration {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let path = kubeconfigPath, !path.isEmpty {
            return try Self.kubeconfig(at: path, context: context)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            let paths = list.split(separator: ":").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }
            if let first = paths.first { return try Self.kubeconfig(at: first, context: context) }
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil, environment["KUBERNETES_SERVICE_PORT"] != nil {
            return try Self.inCluster(environment: environment)
        }
        if let home = environment["HOME"], FileManager.default.fileExists(atPath: home + "/.kube/config") {
            return try Self.kubeconfig(at: home + "/.kube/config", context: context)
        }
        throw KubeconfigError("no configuration: pass --kubeconfig, set KUBECONFIG, or run in a pod")
    }

    /// The configuration of a context in a kubeconfig file; relative file references resolve against the
    /// kubeconfig's directory, as client-go resolves them.
    public static func kubeconfig(at path: String, context: String? = nil) throws(KubeconfigError) -> ClientConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KubeconfigError("cannot read kubeconfig \(path): \(error.localizedDescription)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try Self.kubeconfig(Kubeconfig(yaml: text), context: context, baseDirectory: directory)
    }

    /// The configuration of a context of a parsed kubeconfig.
    public static func kubeconfig(
        _ config: Kubeconfig,
        context requested: String? = nil,
        baseDirectory: String = "."
    ) throws(KubeconfigError) -> ClientConfiguration {
        guard let contextName = requested ?? config.currentContext else {
            throw KubeconfigError("kubeconfig has no current-context; pass --context")
        }
        guard let context = config.contexts[contextName] else {
            throw KubeconfigError("context \"\(contextName)\" does not exist")
        }
        guard let cluster = config.clusters[context.cluster] else {
            throw KubeconfigError("context \"\(contextName)\": cluster \"\(context.cluster)\" does not exist")
        }
        let user = config.users[context.user]
        func resolve(_ file: String) -> String { file.hasPrefix("/") ? file : baseDirectory + "/" + file }
        func read(_ file: String?, field: String) throws(KubeconfigError) -> [UInt8]? {
            guard let file, !file.isEmpty else { return nil }
            guard let data = FileManager.default.contents(atPath: resolve(file)) else {
                throw KubeconfigError("\(field): cannot read \(resolve(file))")
            }
            return [UInt8](data)
        }

        var credentials = CredentialSource.none
        if let token = user?.token, !token.isEmpty {
            credentials = .token(token)
        } else if let file = user?.tokenFile, !file.isEmpty {
            credentials = .tokenFile(resolve(file))
        } else if let exec = user?.exec {
            credentials = .exec(exec)
        }
        var certificateAuthority = cluster.certificateAuthorityData
        if certificateAuthority == nil { certificateAuthority = try read(cluster.certificateAuthority, field: "certificate-authority") }
        var clientCertificate = user?.clientCertificateData
        if clientCertificate == nil { clientCertificate = try read(user?.clientCertificate, field: "client-certificate") }
        var clientKey = user?.clientKeyData
        if clientKey == nil { clientKey = try read(user?.clientKey, field: "client-key") }
        return ClientConfiguration(
            server: cluster.server,
            certificateAuthorityPEM: certificateAuthority,
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
            tlsServerName: cluster.tlsServerName,
            clientCertificatePEM: clientCertificate,
            clientKeyPEM: clientKey,
            credentials: credentials,
            namespace: context.namespace ?? "default"
        )
    }

    /// The in-cluster configuration: `https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT`, the
    /// service-account CA, the service-account token file (re-read when rotated) and the pod's namespace.
    public static func inCluster(
        environment: [String: String]? = nil,
        serviceAccountDirectory: String = "/var/run/secrets/kubernetes.io/serviceaccount"
    ) throws(KubeconfigError) -> ClientConfiguration {
        let environment = environment ?? ProcessInfo.processInfo.environment
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeconfigError("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")
        }
        let tokenPath = serviceAccountDirectory + "/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw KubeconfigError("in-cluster token \(tokenPath) is not readable")
        }
        let ca = FileManager.default.contents(atPath: serviceAccountDirectory + "/ca.crt").map { [UInt8]($0) }
        let namespace = FileManager.default.contents(atPath: serviceAccountDirectory + "/namespace")
            .flatMap { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        // An IPv6 service host needs brackets in the URL.
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return ClientConfiguration(
            server: "https://\(hostPart):\(port)",
            certificateAuthorityPEM: ca,
            credentials: .tokenFile(tokenPath),
            namespace: (namespace?.isEmpty ?? true) ? "default" : namespace!
        )
    }
}
