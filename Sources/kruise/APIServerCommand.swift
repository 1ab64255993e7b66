import ArgumentParser
import Logging
import LocalCluster

/// `kruise apiserver`: the embedded Kubernetes API server alone.
struct APIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Run the embedded Kubernetes API server (HTTPS on 127.0.0.1, bearer token, kubeconfig written when ready)."
    )

    @OptionGroup var options: APIServerOptions

    func run() async throws {
        let logger = Logger(label: "kruise.apiserver")
        let server = try await EmbeddedAPIServer.start(options: self.options, logger: logger)
        try await server.run()
    }
}

/// The flags `kruise apiserver` and `kruise local` share.
struct APIServerOptions: ParsableArguments {
    @Option(name: .long, help: "Directory for certificates, the token, the kubeconfig and the object store.")
    var dataDir: String = "./kruise-data"

    @Option(name: .long, help: "HTTPS port on 127.0.0.1; 0 picks a free port.")
    var port: Int = 6443

    @Option(name: .long, help: "Where to write the kubeconfig (default: DATA_DIR/kubeconfig).")
    var kubeconfig: String?

    @Flag(name: .long, help: "Keep objects in memory only (nothing survives a restart).")
    var inMemory: Bool = false

    func validate() throws {
        guard (0...65535).contains(self.port) else {
            throw ValidationError("--port: must be between 0 and 65535")
        }
    }
}
