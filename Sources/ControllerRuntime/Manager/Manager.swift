public import KubeClient
public import KubeModel
public import Logging
import Hummingbird
public import ServiceLifecycle
import Synchronization

/// Runs controllers against one API server: shared informers (one per kind, shared by every controller),
/// leader election (only the leader runs controllers; every replica keeps its caches warm), and the
/// `/metrics`, `/healthz` and `/readyz` endpoints. A ServiceLifecycle service: graceful shutdown stops the
/// controllers after their in-flight reconciles, then releases the lease.
public final class Manager: ServiceLifecycle.Service, Sendable {
    public let client: KubeClient
    public let metrics: MetricsRegistry
    public let logger: Logger
    public let options: ManagerOptions
    private let informers: Mutex<[String: any SharedInformer]> = Mutex([:])
    private let informerOrder: Mutex<[String]> = Mutex([])
    private let controllers: Mutex<[Controller]> = Mutex([])
    private let boundHealthPort: Mutex<Int?> = Mutex(nil)
    private let boundMetricsPort: Mutex<Int?> = Mutex(nil)
    private let elector: LeaderElector?

    public init(client: KubeClient, metrics: MetricsRegistry, options: ManagerOptions = ManagerOptions(), logger: Logger) {
        self.client = client
        self.metrics = metrics
        self.options = options
        self.logger = logger
        self.elector = options.leaderElection.map {
            LeaderElector(client: client, configuration: $0, logger: logger, metrics: metrics)
        }
    }

    /// The shared informer for a kind (cluster-wide), created on first use with the namespace and
    /// controller-UID indexes (and the node-name index for pods). Call before ``run()``.
    public func informer<Object: KubeObject>(_ type: Object.Type) -> Informer<Object> {
        let key = Object.groupVersionKind.description
        return self.informers.withLock { informers in
            if let existing = informers[key] as? Informer<Object> { return existing }
            var indexers: [String: CacheStore<Object>.IndexFunction] = [
                CacheIndex.controllerUID: { CacheIndex.byControllerUID($0) }
            ]
            if Object.self == Pod.self {
                indexers[CacheIndex.nodeName] = { object in CacheIndex.byNodeName(Pod(object: object.object)) }
            }
            let informer = Informer<Object>(client: self.client, indexers: indexers, logger: self.logger)
            informers[key] = informer
            self.informerOrder.withLock { $0.append(key) }
            return informer
        }
    }

    /// Adds a controller; it runs while this replica leads.
    public func add(_ controller: Controller) {
        self.controllers.withLock { $0.append(controller) }
    }

    /// `true` when this replica runs the controllers (always, without leader election).
    public var isLeader: Bool { self.elector?.isLeader ?? true }

    /// The port `/metrics` and the health endpoints are served on, once bound.
    public var healthPort: Int? { self.boundHealthPort.withLock { $0 } }

    /// The port `/metrics` is served on: its own (``ManagerOptions/metricsPort``) once bound, else the health port.
    public var metricsPort: Int? {
        self.options.metricsPort == nil ? self.healthPort : self.boundMetricsPort.withLock { $0 }
    }

    /// `true` once every informer has synced.
    public var isReady: Bool {
        self.informers.withLock { $0.values.allSatisfy(\.hasSynced) }
    }

    /// Runs until the task is cancelled or graceful shutdown is triggered.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await self.runUntilCancelled()
        }
    }

    private func runUntilCancelled() async throws {
        let informers = self.informers.withLock { Array($0.values) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let port = self.options.healthPort {
                group.addTask { try await self.serveHealth(port: port) }
            }
            if let port = self.options.metricsPort {
                group.addTask { try await self.serveMetrics(port: port) }
            }
            for informer in informers {
                group.addTask { await informer.run() }
            }
            group.addTask {
                if let elector = self.elector {
                    try await elector.run { await self.runControllers(informers: informers) }
                } else {
                    await self.runControllers(informers: informers)
                }
                // Leading ended (shutdown): stop the informers and the health server too.
                throw CancellationError()
            }
            do {
                try await group.next()
            } catch is CancellationError {
            }
            group.cancelAll()
        }
    }

    private func runControllers(informers: [any SharedInformer]) async {
        for informer in informers { await informer.waitForSync() }
        // Stopped before every cache synced (a CRD never installed): start nothing.
        if Task.isCancelled { return }
        let controllers = self.controllers.withLock { $0 }
        self.logger.info("starting controllers", metadata: ["count": "\(controllers.count)"])
        await withTaskGroup(of: Void.self) { group in
            for controller in controllers {
                group.addTask { await controller.run() }
            }
        }
    }

    private func serveHealth(port: Int) async throws {
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        router.get("/livez") { _, _ in "ok" }
        router.get("/readyz") { _, _ -> Response in
            if self.isReady { return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok"))) }
            return Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "informers not synced")))
        }
        if self.options.metricsPort == nil { self.addMetricsRoute(to: router) }
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(self.options.healthHost, port: port)),
            onServerRunning: { channel in
                self.boundHealthPort.withLock { $0 = channel.localAddress?.port }
            },
            logger: self.logger
        )
        try await application.runService(gracefulShutdownSignals: [])
    }

    /// Serves `/metrics` alone (`--metrics-addr`).
    private func serveMetrics(port: Int) async throws {
        let router = Router()
        self.addMetricsRoute(to: router)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(self.options.metricsHost, port: port)),
            onServerRunning: { channel in
                self.boundMetricsPort.withLock { $0 = channel.localAddress?.port }
            },
            logger: self.logger
        )
        try await application.runService(gracefulShutdownSignals: [])
    }

    private func addMetricsRoute(to router: Router<BasicRequestContext>) {
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: self.metrics.render())))
        }
    }
}
