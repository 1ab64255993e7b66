import ArgumentParser
import ControllerRuntime
import Foundation
import KruiseControllers
import KubeClient
import Logging
import ServiceLifecycle
import UnixSignals

/// `kruise manager`: the Kruise controllers and webhooks against any API server (in-cluster configuration
/// or a kubeconfig), with Lease-based leader election and the `/metrics`, `/healthz` and `/readyz`
/// endpoints. Graceful shutdown on SIGTERM: in-flight reconciles finish, then the lease is released.
struct ManagerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager",
        abstract: "Run the Kruise controller manager against a Kubernetes API server."
    )

    @Option(name: .long, help: "Path to a kubeconfig; default: $KUBECONFIG, the in-cluster configuration, then ~/.kube/config.")
    var kubeconfig: String?

    @Option(name: .long, help: "The kubeconfig context to use.")
    var context: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Elect a leader through the kruise-manager Lease; only the leader runs controllers.")
    var leaderElect: Bool = true

    @Option(name: .long, help: "Namespace of the leader-election Lease.")
    var leaderElectionNamespace: String = "kruise-system"

    @Option(name: .long, help: "Address of /metrics, /healthz and /readyz (host:port).")
    var healthAddr: String = "0.0.0.0:8000"

    @Option(name: .long, help: "Client-side request rate limit (queries per second).")
    var kubeApiQps: Double = 30

    @Option(name: .long, help: "Client-side burst.")
    var kubeApiBurst: Int = 50

    @Option(name: .long, help: "Log format: text or json.")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevel = .info

    @Option(name: .long, help: "Feature gates, as A=true,B=false (defaults are OpenKruise v1.6's).")
    var featureGates: String = ""

    @Option(name: .long, help: "Port of the admission webhook server (HTTPS).")
    var webhookPort: Int = 9876

    @Option(name: .long, help: "Serve webhooks to the API server at https://HOST:PORT (registered by URL) instead of through the kruise-webhook-service Service.")
    var webhookHost: String?

    @Option(name: .long, help: "Keep the webhook certificates in this directory instead of Secret kruise-webhook-certs.")
    var webhookCertDir: String?

    @Option(name: .long, help: "Address of /metrics alone (host:port); default: served with the health endpoints on --health-addr.")
    var metricsAddr: String?

    @Option(name: .long, help: "Controllers to run (comma-separated); default: all (\(KruiseControllerSet.names.joined(separator: ", "))).")
    var controllers: String?

    @Option(name: .long, help: "Seconds a Node must be Ready before it gets its NodeImage.")
    var nodeimageCreationDelay: Int = 30

    @Option(name: .long, help: "Seconds between the re-pulls of an ImagePullJob with completionPolicy Never.")
    var imageRepullPeriod: Int32 = 86_400

    @Option(name: .long, help: "Namespace of the webhook Service and certificate Secret.")
    var namespace: String = ProcessInfo.processInfo.environment["POD_NAMESPACE"] ?? "kruise-system"

    /// `--controllers` as a set; `nil` for all.
    var enabledControllers: Set<String>? {
        self.controllers.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }
    }

    func validate() throws {
        if let unknown = self.enabledControllers?.subtracting(KruiseControllerSet.names).sorted(), !unknown.isEmpty {
            throw ValidationError("--controllers: unknown \(unknown.joined(separator: ", ")); known: \(KruiseControllerSet.names.joined(separator: ", "))")
        }
        if let metricsAddr { _ = try Self.split(address: metricsAddr, option: "--metrics-addr") }
        guard self.nodeimageCreationDelay >= 0 else { throw ValidationError("--nodeimage-creation-delay: must not be negative") }
        guard self.imageRepullPeriod > 0 else { throw ValidationError("--image-repull-period: must be positive") }
        var gates = KruiseFeatures.managerDefaults()
        do {
            try gates.apply(self.featureGates)
        } catch {
            throw ValidationError("--feature-gates: \(error)")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrapOnce(format: self.logFormat)
        let logger = self.logLevel.logger(label: "kruise-manager")
        var gates = KruiseFeatures.managerDefaults()
        try gates.apply(self.featureGates)
        logger.info("feature gates", metadata: ["enabled": "\(gates.effective.filter(\.enabled).map(\.name).joined(separator: ","))"])
        var configuration = try ClientConfiguration.load(kubeconfigPath: self.kubeconfig, context: self.context)
        configuration.qps = self.kubeApiQps
        configuration.burst = self.kubeApiBurst
        configuration.userAgent = "kruise-manager/\(KruiseVersion.current.version)"
        let metrics = MetricsRegistry()
        let client = try KubeClient(configuration: configuration, observer: ClientMetrics(registry: metrics))
        let (host, port) = try Self.split(address: self.healthAddr, option: "--health-addr")
        let metricsAddress: (host: String, port: Int?) = try self.metricsAddr.map { address in
            let (host, port) = try Self.split(address: address, option: "--metrics-addr")
            return (host, port)
        } ?? ("127.0.0.1", nil)
        let identity = (ProcessInfo.processInfo.environment["POD_NAME"] ?? ProcessInfo.processInfo.hostName) + "_" + UUID().uuidString
        let election = self.leaderElect
            ? LeaderElectionConfiguration(
                namespace: self.leaderElectionNamespace,
                identity: identity
            )
            : nil
        let manager = Manager(
            client: client,
            metrics: metrics,
            options: ManagerOptions(
                leaderElection: election, healthHost: host, healthPort: port, metricsHost: metricsAddress.host,
                metricsPort: metricsAddress.port),
            logger: logger
        )
        let environment = ProcessInfo.processInfo.environment
        let imagePull = ImagePullControllerOptions(
            nodeImageCreationDelay: .seconds(self.nodeimageCreationDelay), timings: .repullingEvery(self.imageRepullPeriod),
            daemonConfigNamespace: environment["KRUISE_DAEMON_CONFIG_NS"].flatMap { $0.isEmpty ? nil : $0 }
                ?? KruiseControllerSet.defaultDaemonConfigNamespace)
        KruiseControllerSet.register(on: manager, gates: gates, enabled: self.enabledControllers, imagePull: imagePull)
        // Every replica serves webhooks (only the leader runs controllers).
        let reachability: KruiseWebhookHost.Reachability = self.webhookHost.map { .url(host: $0) }
            ?? .service(namespace: self.namespace, name: "kruise-webhook-service")
        var webhooks = try await KruiseWebhookHost.prepare(
            manager: manager,
            gates: gates,
            reachability: reachability,
            bindHost: self.webhookHost == nil ? "0.0.0.0" : (self.webhookHost ?? "0.0.0.0"),
            port: self.webhookPort,
            certificateDirectory: self.webhookCertDir,
            secretNamespace: self.namespace,
            logger: logger
        )
        // From outside the cluster (--webhook-host) the manager registered the configurations itself: it removes
        // them when it stops, so the cluster is not left refusing pod creations while it is gone.
        webhooks.deregistersOnShutdown = self.webhookHost != nil
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: manager), .init(service: WebhookService(host: webhooks))],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    static func split(address: String, option: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw ValidationError("\(option): expected host:port, got \"\(address)\"") }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}

/// The webhook host as a ServiceLifecycle service: it stops on graceful shutdown.
struct WebhookService: Service {
    let host: KruiseWebhookHost

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await self.host.run()
        }
    }
}

/// How logs are written.
enum LogFormat: String, ExpressibleByArgument, Sendable {
    case text
    case json
}
