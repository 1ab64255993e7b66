import ArgumentParser
import Foundation
import BuiltinControllers
import ControllerRuntime
import KruiseControllers
import KruiseDaemon
import KubeClient
import LocalCluster
import Logging
import NodeSimulation

/// `kruise local`: the embedded default, a cluster in one process: the API server (durable in
/// `--data-dir`), the built-in controllers Kruise relies on, and (as their issues land) simulated nodes and
/// the Kruise manager, all talking to the API server over HTTPS like any client.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run a local cluster in this process and write a kubeconfig for kubectl."
    )

    @OptionGroup var options: APIServerOptions
    @OptionGroup var cluster: LocalClusterOptions

    func run() async throws {
        let logger = self.cluster.logLevel.logger(label: "kruise.local")
        let server = try await EmbeddedAPIServer.start(options: self.options, logger: logger)
        let kubeconfigPath = server.kubeconfigPath
        let dataDirectory = self.options.dataDir
        let cluster = self.cluster
        let (ready, readySignal) = AsyncStream<Void>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { _ in
                    print(LocalCommand.quickStart(kubeconfigPath: kubeconfigPath))
                    readySignal.yield()
                    readySignal.finish()
                }
            }
            group.addTask {
                for await _ in ready { break }
                let transport: (any KubeTransport)? = cluster.componentTransport == .inProcess
                    ? InProcessAPITransport(apiServer: server.http.apiServer, token: server.http.token) : nil
                try await LocalComponents.run(
                    kubeconfigPath: kubeconfigPath, dataDirectory: dataDirectory, options: cluster, transport: transport,
                    logger: logger
                )
            }
            // The API server returns on SIGTERM/SIGINT: stop the components with it.
            try await group.next()
            group.cancelAll()
        }
    }
}

extension LocalCommand {
    /// What `kruise local` prints once the cluster answers.
    static func quickStart(kubeconfigPath: String) -> String {
        """

        The local cluster is ready. In another shell:

            export KUBECONFIG=\(kubeconfigPath)
            kubectl get nodes
            kubectl create deployment web --image=nginx --replicas=3
            kubectl rollout status deployment/web

        Press Ctrl-C to stop; start again with the same --data-dir to resume.

        """
    }
}

/// The flags of `kruise local` beyond the API server's.
struct LocalClusterOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevel = .info

    @Option(name: .long, help: "Number of simulated nodes.")
    var nodes: Int = 3

    @Option(name: .long, help: "Zones assigned to the nodes round-robin (comma-separated).")
    var zones: String = "zone-a,zone-b,zone-c"

    @Option(name: .long, help: "YAML file with node labels, taints and capacity (defaults and per node).")
    var nodeConfig: String?

    @Flag(name: .long, help: "Near-zero image pulls, container starts and readiness delays (for tests).")
    var fast: Bool = false

    @Option(name: .long, help: "Seconds without a heartbeat before a node is marked NotReady (kube-controller-manager's --node-monitor-grace-period).")
    var nodeMonitorGracePeriod: Int = 40

    @Option(name: .long, help: "Feature gates, as A=true,B=false; in the local cluster every gate starts on.")
    var featureGates: String = ""

    @Option(name: .long, help: "Seconds between the re-pulls of an ImagePullJob with completionPolicy Never (upstream: a day).")
    var imageRepullPeriod: Int32 = 86_400

    @Option(name: .long, help: "Concurrent image pulls of each node's daemon (--max-workers-for-pull-image; -1: unlimited).")
    var maxWorkersForPullImage: Int = 2

    /// Every gate on, then the flag.
    func gates() throws -> FeatureGates {
        var gates = KruiseFeatures.localDefaults()
        do {
            try gates.apply(self.featureGates)
        } catch {
            throw ValidationError("--feature-gates: \(error)")
        }
        return gates
    }

    @Option(name: .long, help: "How the controllers, scheduler, kubelets and daemons in this process reach the API server: in-process (direct calls, no TLS) or https (over loopback, as any client).")
    var componentTransport: ComponentTransport = .inProcess

    @Option(name: .long, help: "Controllers to run (comma-separated); default: all (\((BuiltinControllerSet.names + KruiseControllerSet.names).joined(separator: ", "))).")
    var controllers: String?

    func validate() throws {
        guard (0...5000).contains(self.nodes) else { throw ValidationError("--nodes: must be between 0 and 5000") }
        guard self.nodeMonitorGracePeriod > 0 else { throw ValidationError("--node-monitor-grace-period: must be positive") }
        guard self.imageRepullPeriod > 0 else { throw ValidationError("--image-repull-period: must be positive") }
        guard self.maxWorkersForPullImage != 0 else { throw ValidationError("--max-workers-for-pull-image: must be positive or -1") }
        _ = try self.gates()
    }

    /// The fleet the flags describe.
    func fleet() throws -> NodeFleetOptions {
        try Self.fleet(count: self.nodes, zones: self.zones, nodeConfig: self.nodeConfig)
    }

    /// A fleet of `count` nodes over the comma-separated `zones`, with the YAML file `nodeConfig` (`kruise local`
    /// and `kruise nodes`).
    static func fleet(count: Int, zones: String, nodeConfig: String?) throws -> NodeFleetOptions {
        var configuration = NodeConfiguration()
        if let path = nodeConfig {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ValidationError("--node-config: cannot read \(path): \(error.localizedDescription)")
            }
            do {
                configuration = try NodeConfiguration(yaml: text)
            } catch {
                throw ValidationError("--node-config: \(error)")
            }
        }
        let zones = zones.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return NodeFleetOptions(count: count, zones: zones, configuration: configuration)
    }

    func enabledControllers() -> Set<String>? {
        guard let controllers else { return nil }
        return Set(controllers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}

/// How `kruise local`'s own components reach its API server.
enum ComponentTransport: String, ExpressibleByArgument, CaseIterable {
    case inProcess = "in-process"
    case https
}

/// Everything `kruise local` runs beside the API server, as clients of it.
enum LocalComponents {
    /// Runs the components until cancelled. They reach the API server through `transport`, or over HTTPS with
    /// the kubeconfig when it is `nil`.
    static func run(
        kubeconfigPath: String, dataDirectory: String, options: LocalClusterOptions, transport: (any KubeTransport)?, logger: Logger
    ) async throws {
        var configuration = try ClientConfiguration.kubeconfig(at: kubeconfigPath)
        configuration.userAgent = "kruise-local"
        // In one process a client-side limit would only slow the simulation down: the API server sets the pace.
        // (500 qps, shared by the controllers, the scheduler and every kubelet, capped a 1,000-pod rollout at
        // about 12 s whatever the controllers did.)
        configuration.qps = 0
        configuration.burst = 0
        // Watches hold connections too; leave the controllers and kubelets room for hundreds of writes in flight.
        configuration.connectionsPerHost = 256
        let metrics = MetricsRegistry()
        let observer = ClientMetrics(registry: metrics)
        let client = try transport.map { KubeClient(configuration: configuration, observer: observer, transport: $0) }
            ?? KubeClient(configuration: configuration, observer: observer)
        try await CRDInstaller.install(client: client, logger: logger)
        let manager = Manager(client: client, metrics: metrics, logger: logger)
        let gates = try options.gates()
        BuiltinControllerSet.register(on: manager, enabled: options.enabledControllers())
        // Nodes get their NodeImage as soon as they are Ready: simulated nodes need no settling time.
        let imagePull = ImagePullControllerOptions(
            nodeImageCreationDelay: .zero, timings: .repullingEvery(options.imageRepullPeriod),
            daemonConfigNamespace: KruiseControllerSet.defaultDaemonConfigNamespace)
        KruiseControllerSet.register(on: manager, gates: gates, enabled: options.enabledControllers(), imagePull: imagePull)
        let nodes = await SimulatedNodes(
            client: client,
            manager: manager,
            fleet: try options.fleet(),
            timings: options.fast ? .fast : .realistic,
            lifecycle: NodeLifecyclePlanner(gracePeriod: .seconds(options.nodeMonitorGracePeriod)),
            // Kubelets renew four times per grace period (10 s for the default 40 s), so a healthy node is
            // never mistaken for a silent one.
            leaseRenewInterval: min(NodeStatusUpdates.leaseRenewInterval, .milliseconds(options.nodeMonitorGracePeriod * 250)),
            logger: logger
        )
        // A daemon per simulated node: its image puller pulls through that node's simulated runtime.
        let daemon = gates.isEnabled(KruiseFeatures.kruiseDaemon)
            ? KruiseDaemonSet.register(
                on: manager, imageServices: { nodes.imageService(forNode: $0) },
                options: ImagePullerOptions(maxWorkers: options.maxWorkersForPullImage))
            : nil
        let webhooks = try await KruiseWebhookHost.local(manager: manager, gates: gates, dataDirectory: dataDirectory, logger: logger)
        logger.info(
            "local cluster components starting",
            metadata: [
                "nodes": "\(nodes.fleet.options.count)",
                "featureGatesOff": "\(gates.effective.filter { !$0.enabled }.map(\.name).joined(separator: ","))",
            ]
        )
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await manager.run() }
                group.addTask { try await webhooks.run() }
                if let daemon { group.addTask { await daemon.run() } }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
