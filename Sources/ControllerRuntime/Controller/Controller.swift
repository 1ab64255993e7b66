public import KubeModel
public import Logging

/// A named controller: a rate-limited work queue of object keys, fed by informer events, drained by
/// `workers` concurrent reconcile loops (never two on one key at once).
public final class Controller: Sendable {
    public let name: String
    public let queue: WorkQueue<ObjectKey>
    private let reconciler: any Reconciler
    private let workers: Int
    private let logger: Logger
    private let reconcileTotal: (success: Counter, error: Counter, requeueAfter: Counter)
    private let reconcileErrors: Counter
    private let reconcileDuration: Histogram

    public init(name: String, reconciler: any Reconciler, workers: Int = 1, metrics: MetricsRegistry, logger: Logger) {
        self.name = name
        self.reconciler = reconciler
        self.workers = max(1, workers)
        self.queue = WorkQueue(metrics: WorkQueueMetrics(name: name, registry: metrics))
        var logger = logger
        logger[metadataKey: "controller"] = "\(name)"
        self.logger = logger
        let help = "Total number of reconciliations per controller"
        self.reconcileTotal = (
            metrics.counter("controller_runtime_reconcile_total", help: help, labels: [("controller", name), ("result", "success")]),
            metrics.counter("controller_runtime_reconcile_total", help: help, labels: [("controller", name), ("result", "error")]),
            metrics.counter("controller_runtime_reconcile_total", help: help, labels: [("controller", name), ("result", "requeue_after")])
        )
        self.reconcileErrors = metrics.counter(
            "controller_runtime_reconcile_errors_total",
            help: "Total number of reconciliation errors per controller",
            labels: [("controller", name)]
        )
        self.reconcileDuration = metrics.histogram(
            "controller_runtime_reconcile_time_seconds",
            help: "Length of time per reconciliation per controller",
            labels: [("controller", name)]
        )
    }

    /// Queues a key.
    public func enqueue(_ key: ObjectKey) {
        self.queue.add(key)
    }

    /// Feeds the queue from an informer: each event maps to the keys to reconcile (the object itself, or
    /// its owner).
    public func watch<Object: KubeObject>(
        _ informer: Informer<Object>,
        map: @escaping @Sendable (InformerEvent<Object>) -> [ObjectKey]
    ) {
        let queue = self.queue
        informer.addHandler { event in
            for key in map(event) { queue.add(key) }
        }
    }

    /// Feeds the queue with the object's own key for every event.
    public func watchOwn<Object: KubeObject>(_ informer: Informer<Object>) {
        self.watch(informer) { [ObjectKey($0.object)] }
    }

    /// Runs the workers until the task is cancelled; then stops taking keys and lets in-flight reconciles
    /// finish.
    public func run() async {
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<self.workers {
                    group.addTask { await self.workerLoop() }
                }
            }
        } onCancel: {
            let queue = self.queue
            Task { await queue.shutDown(drain: true) }
        }
    }

    private func workerLoop() async {
        while let key = await self.queue.next() {
            await self.process(key)
            self.queue.done(key)
        }
    }

    private func process(_ key: ObjectKey) async {
        let started = ContinuousClock.now
        do {
            let result = try await self.reconciler.reconcile(key)
            self.reconcileDuration.observe(ContinuousClock.now - started)
            self.queue.forget(key)
            if let delay = result.requeueAfter {
                self.reconcileTotal.requeueAfter.increment()
                self.queue.add(key, after: delay)
            } else {
                self.reconcileTotal.success.increment()
            }
        } catch {
            self.reconcileDuration.observe(ContinuousClock.now - started)
            self.reconcileTotal.error.increment()
            self.reconcileErrors.increment()
            self.logger.debug("reconcile failed; retrying with backoff", metadata: ["key": "\(key)", "error": "\(error)"])
            self.queue.addRateLimited(key)
        }
    }
}
