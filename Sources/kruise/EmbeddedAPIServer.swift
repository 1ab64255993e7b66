import Logging
import LocalCluster

/// The API server as the CLI runs it: data directory, certificates, token, store, HTTPS listener, and the
/// kubeconfig written once the listener is ready.
struct EmbeddedAPIServer {
    let http: APIHTTPServer
    let kubeconfigPath: String
    let logger: Logger

    static func start(options: APIServerOptions, logger: Logger) async throws -> EmbeddedAPIServer {
        let directory = try DataDirectory(path: options.dataDir)
        let certificates = try ServingCertificates.loadOrCreate(in: directory.subdirectory("pki"))
        let token = try BearerToken.loadOrCreate(in: directory)
        let store: ObjectStore
        if options.inMemory {
            store = ObjectStore()
        } else {
            store = try ObjectStore(directory: directory.file("store"))
            logger.info("object store recovered", metadata: ["objects": "\(store.recovery.objectCount)", "resourceVersion": "\(store.recovery.resourceVersion)"])
        }
        let apiServer = APIServer(store: store)
        await apiServer.bootstrap()
        let http = APIHTTPServer(apiServer: apiServer, certificates: certificates, token: token, port: options.port, logger: logger)
        return EmbeddedAPIServer(http: http, kubeconfigPath: options.kubeconfig ?? directory.file("kubeconfig"), logger: logger)
    }

    /// Serves until SIGTERM or SIGINT; `onReady` runs once the kubeconfig is written (with the server URL).
    func run(onReady: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let http = self.http
        let path = self.kubeconfigPath
        let logger = self.logger
        try await http.run { port in
            http.apiServer.setServerAddress("127.0.0.1:\(port)")
            let kubeconfig = LocalKubeconfig(
                serverURL: "https://127.0.0.1:\(port)",
                caCertificatePEM: http.certificates.caCertificatePEM,
                token: http.token
            )
            do {
                try KubeconfigFile.write(kubeconfig, to: path)
                logger.info("API server ready; kubeconfig written to \(path)", metadata: ["url": "https://127.0.0.1:\(port)"])
            } catch {
                logger.error("could not write the kubeconfig to \(path): \(error)")
                return
            }
            await onReady("https://127.0.0.1:\(port)")
        }
    }
}
