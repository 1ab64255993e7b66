import ArgumentParser
import CRIClient
import ContainerRuntime
import ControllerRuntime
import Foundation
import KruiseDaemon
import KubeClient
import Logging
import ServiceLifecycle
import UnixSignals

/// `kruise daemon`: kruise-daemon for one node. It pulls the images of the node's NodeImage through the node's
/// container runtime (CRI over its Unix socket: containerd, CRI-O, cri-dockerd) and reports them in the NodeImage's
/// status. One Manager without leader election (each node has its own daemon) runs the image puller's controller
/// and serves `/healthz` and `/metrics` on `--addr`; SIGTERM or SIGINT stops the pulls, then the connection to the
/// runtime. Besides NodeImages it reads only the pull secrets those name (the copies in `kruise-daemon-config`).
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run kruise-daemon for one node: pull NodeImage images through the node's container runtime (CRI)."
    )

    @Option(name: .long, help: "Path to a kubeconfig; default: $KUBECONFIG, the in-cluster configuration, then ~/.kube/config.")
    var kubeconfig: String?

    @Option(name: .long, help: "The kubeconfig context to use.")
    var context: String?

    @Option(name: .long, help: "The node this daemon serves; default: $NODE_NAME.")
    var nodeName: String?

    @Option(name: .long, help: "The CRI socket: a name under /hostvarrun (or /var/run outside a pod), e.g. containerd/containerd.sock, or an absolute path; default: the first of \(CRISocketDetection.candidates.joined(separator: ", ")) that exists.")
    var socketFile: String?

    @Option(name: .long, help: "The CRI endpoint as the kubelet writes it (unix:///run/containerd/containerd.sock); overrides --socket-file.")
    var runtimeEndpoint: String?

    @Option(name: .long, help: "Concurrent image pulls (-1: unlimited).")
    var maxWorkersForPullImage: Int = 2

    @Option(name: .long, help: "Address of /healthz and /metrics (host:port; an empty host listens on every address).")
    var addr: String = ":10221"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevel = .info

    @Option(name: .long, help: "Log format: text or json.")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Feature gates, as A=true,B=false (defaults are OpenKruise v1.6's; KruiseDaemon must be on).")
    var featureGates: String = ""

    /// `--node-name`, else `$NODE_NAME` (the DaemonSet sets it from `spec.nodeName`).
    var resolvedNodeName: String {
        let name = self.nodeName ?? ProcessInfo.processInfo.environment["NODE_NAME"] ?? ""
        return name.trimmingCharacters(in: .whitespaces)
    }

    func validate() throws {
        guard !self.resolvedNodeName.isEmpty else { throw ValidationError("--node-name (or $NODE_NAME) is required") }
        guard self.maxWorkersForPullImage != 0 else { throw ValidationError("--max-workers-for-pull-image: must be positive or -1") }
        _ = try ManagerCommand.split(address: self.addr, option: "--addr")
        var gates = KruiseFeatures.managerDefaults()
        do {
            try gates.apply(self.featureGates)
        } catch {
            throw ValidationError("--feature-gates: \(error)")
        }
        guard gates.isEnabled(KruiseFeatures.kruiseDaemon) else {
            throw ValidationError("--feature-gates: KruiseDaemon is off, so there is nothing for kruise daemon to do")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrapOnce(format: self.logFormat)
        let logger = self.logLevel.logger(label: "kruise-daemon")
        let nodeName = self.resolvedNodeName
        let endpoint = try CRISocketDetection.resolve(
            runtimeEndpoint: self.runtimeEndpoint,
            socketFile: self.socketFile,
            varRunDirectory: CRISocketDetection.varRunDirectory(exists: CRISocketDetection.pathExists),
            exists: CRISocketDetection.pathExists
        )
        let connection = try CRIConnection(endpoint: endpoint, logger: logger)
        var configuration = try ClientConfiguration.load(kubeconfigPath: self.kubeconfig, context: self.context)
        configuration.userAgent = "kruise-daemon/\(KruiseVersion.current.version)"
        let metrics = MetricsRegistry()
        let client = try KubeClient(configuration: configuration, observer: ClientMetrics(registry: metrics))
        let (host, port) = try ManagerCommand.split(address: self.addr, option: "--addr")
        let manager = Manager(
            client: client,
            metrics: metrics,
            options: ManagerOptions(leaderElection: nil, healthHost: host, healthPort: port),
            logger: logger
        )
        let imageService = CRIImageService(connection: connection)
        // This daemon serves its own node only: NodeImages of other nodes are not queued.
        let daemon = KruiseDaemonSet.register(
            on: manager,
            imageServices: { $0 == nodeName ? imageService : nil },
            options: ImagePullerOptions(maxWorkers: self.maxWorkersForPullImage, watchNodes: false)
        )
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The runtime connection outlives the services: they stop first, then it is closed.
                group.addTask { await connection.run() }
                do {
                    let version = try await Self.checkRuntime(CRIRuntimeService(connection: connection), logger: logger)
                    logger.info(
                        "container runtime found",
                        metadata: [
                            "node": "\(nodeName)", "endpoint": "\(endpoint)", "runtime": "\(version.runtimeName)",
                            "version": "\(version.runtimeVersion)", "criAPI": "\(version.runtimeAPIVersion)",
                        ])
                    let services = ServiceGroup(
                        configuration: ServiceGroupConfiguration(
                            services: [.init(service: manager), .init(service: ImagePullDaemonService(daemon: daemon))],
                            gracefulShutdownSignals: [.sigterm, .sigint],
                            logger: logger
                        )
                    )
                    try await services.run()
                } catch {
                    connection.shutdown()
                    throw error
                }
                connection.shutdown()
                try await group.waitForAll()
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    /// The runtime's Version, retried for a few seconds (the runtime may be starting with the node); its last
    /// error when it never answers (the daemon then exits, as upstream's does, and its pod is restarted).
    static func checkRuntime(_ runtime: CRIRuntimeService, logger: Logger) async throws -> RuntimeVersion {
        var attempt = 0
        while true {
            do throws(ContainerRuntimeError) {
                return try await runtime.fetchVersion()
            } catch {
                attempt += 1
                guard attempt < 5 else { throw DaemonRuntimeError(endpoint: runtime.connection.endpoint, error: error) }
                logger.warning(
                    "container runtime not answering; retrying",
                    metadata: ["endpoint": "\(runtime.connection.endpoint)", "error": "\(error)"])
                try await Task.sleep(for: .seconds(2))
            }
        }
    }
}

/// The runtime did not answer Version: what `kruise daemon` exits with.
struct DaemonRuntimeError: Error, CustomStringConvertible {
    let endpoint: CRIEndpoint
    let error: ContainerRuntimeError

    var description: String { "container runtime at \(self.endpoint) does not answer: \(self.error)" }
}

/// The image puller's pull rounds and status writes as a ServiceLifecycle service: they stop on graceful shutdown.
struct ImagePullDaemonService: Service {
    let daemon: ImagePullDaemon

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.daemon.run()
        }
    }
}
