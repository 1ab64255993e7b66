import ArgumentParser
import Logging

/// `kruise local`: the embedded default, a cluster in one process. Today it runs the embedded API server
/// (durable in `--data-dir`); simulated nodes, the built-in controllers and the Kruise manager join it as
/// their issues land.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run a local cluster in this process and write a kubeconfig for kubectl."
    )

    @OptionGroup var options: APIServerOptions

    func run() async throws {
        let logger = Logger(label: "kruise.local")
        let server = try await EmbeddedAPIServer.start(options: self.options, logger: logger)
        logger.info("use it with: export KUBECONFIG=\(server.kubeconfigPath)")
        try await server.run()
    }
}
