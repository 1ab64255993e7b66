import ArgumentParser
import ControllerRuntime
import Foundation
import KruiseDaemon
import KubeClient
import Logging
import NodeSimulation
import ServiceLifecycle
import UnixSignals

/// `kruise nodes`: simulated nodes on any API server (KWOK's use case): the nodes with their Leases and
/// heartbeats, a kubelet and container runtime for each, for pods bound to them by the cluster's own scheduler
/// (or, with `--schedule`, by ours). Only pods on simulated nodes (by node name) are ever touched; real nodes and
/// their pods are left alone. The cluster's kube-controller-manager keeps its node lifecycle role.
struct NodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes",
        abstract: "Run simulated nodes (kubelets and container runtimes) against any Kubernetes API server."
    )

    @Option(name: .long, help: "Path to a kubeconfig; default: $KUBECONFIG, the in-cluster configuration, then ~/.kube/config.")
    var kubeconfig: String?

    @Option(name: .long, help: "The kubeconfig context to use.")
    var context: String?

    @Option(name: .long, help: "Number of simulated nodes.")
    var count: Int = 3

    @Option(name: .long, help: "Zones assigned to the nodes round-robin (comma-separated).")
    var zones: String = "zone-a,zone-b,zone-c"

    @Option(name: .long, help: "YAML file with node labels, taints and capacity (defaults and per node).")
    var nodeConfig: String?

    @Flag(name: .long, help: "Near-zero image pulls, container starts and readiness delays.")
    var fast: Bool = false

    @Flag(name: .long, help: "Also bind pending pods to the simulated nodes (for API servers without a scheduler).")
    var schedule: Bool = false

    @Flag(name: .long, help: "Also run kruise-daemon's image puller for each simulated node (needs the NodeImage CRD).")
    var daemon: Bool = false

    @Option(name: .long, help: "Client-side request rate limit (queries per second; 0: none).")
    var kubeApiQps: Double = 0

    @Option(name: .long, help: "Client-side burst.")
    var kubeApiBurst: Int = 0

    @Option(name: .long, help: "Address of /metrics, /healthz and /readyz (host:port).")
    var healthAddr: String = "127.0.0.1:0"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevel = .info

    @Option(name: .long, help: "Log format: text or json.")
    var logFormat: LogFormat = .text

    func validate() throws {
        guard (0...5000).contains(self.count) else { throw ValidationError("--count: must be between 0 and 5000") }
        _ = try ManagerCommand.split(address: self.healthAddr, option: "--health-addr")
    }

    func run() async throws {
        LoggingSystem.bootstrapOnce(format: self.logFormat)
        let logger = self.logLevel.logger(label: "kruise-nodes")
        let fleet = try LocalClusterOptions.fleet(count: self.count, zones: self.zones, nodeConfig: self.nodeConfig)
        var configuration = try ClientConfiguration.load(kubeconfigPath: self.kubeconfig, context: self.context)
        configuration.qps = self.kubeApiQps
        configuration.burst = self.kubeApiBurst
        configuration.userAgent = "kruise-nodes/\(KruiseVersion.current.version)"
        let metrics = MetricsRegistry()
        let client = try KubeClient(configuration: configuration, observer: ClientMetrics(registry: metrics))
        let (host, port) = try ManagerCommand.split(address: self.healthAddr, option: "--health-addr")
        let manager = Manager(
            client: client, metrics: metrics,
            options: ManagerOptions(leaderElection: nil, healthHost: host, healthPort: port), logger: logger)
        let nodes = await SimulatedNodes(
            client: client, manager: manager, fleet: fleet, timings: self.fast ? .fast : .realistic,
            scheduling: self.schedule, nodeLifecycle: false, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: manager)]
        if self.daemon {
            let daemon = KruiseDaemonSet.register(on: manager, imageServices: { nodes.imageService(forNode: $0) })
            services.append(.init(service: ImagePullDaemonService(daemon: daemon)))
        }
        logger.info(
            "simulated nodes starting",
            metadata: ["nodes": "\(self.count)", "scheduling": "\(self.schedule)", "daemon": "\(self.daemon)"])
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
