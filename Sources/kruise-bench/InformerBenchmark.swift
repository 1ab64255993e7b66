import ControllerRuntime
import Foundation
import KubeClient
import KubeJSON
import KubeModel
import Logging
import Synchronization

/// `kruise-bench informer`: 10,000 pods of about 3 KB in a child `kruise apiserver`; this process runs one
/// informer over them feeding a work queue drained by a no-op reconciler. Reports the memory the cache
/// costs per pod (this process's RSS growth over the sync divided by the pods; target at most 8 KB) and
/// events per second from the informer's start to the last key reconciled. The baseline is the same
/// LIST decoded into pods with nothing else (what any client pays), measured in the same run.
struct InformerBenchmark {
    var pods: Int = 10_000

    func run() async throws -> [BenchmarkResult] {
        let server = try BenchmarkServer.start()
        defer { server.stop() }
        let client = try KubeClient(configuration: server.configuration)
        do {
            let results = try await self.measure(client: client)
            await client.shutdown()
            return results
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func measure(client: KubeClient) async throws -> [BenchmarkResult] {
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: "bench")))
        // Pods are generated one batch at a time so this process holds no corpus while it measures.
        let batch = 500
        for start in stride(from: 0, to: self.pods, by: batch) {
            let count = min(batch, self.pods - start)
            let documents = PodCorpus(count: count, seed: UInt64(start + 1)).documents
            try await APIServerBenchmark.concurrently(clients: 8, items: documents.enumerated().map {
                APIServerBenchmark.benchPod($0.element, index: start + $0.offset)
            }) { body in
                _ = try await client.send(KubeRequest(method: "POST", path: "/api/v1/namespaces/bench/pods", body: body, contentType: "application/json"))
            }
        }

        let rssBefore = ProcessStatistics.residentBytes(pid: getpid())
        let heapBefore = ProcessStatistics.heapInUseBytes()
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let metrics = MetricsRegistry()
        let informer = Informer<Pod>(client: client, namespace: "bench", indexers: [
            CacheIndex.controllerUID: { CacheIndex.byControllerUID($0) },
            CacheIndex.nodeName: { CacheIndex.byNodeName($0) },
        ])
        let counter = ReconcileCounter()
        let controller = Controller(name: "bench", reconciler: NoOpReconciler(counter: counter), workers: 2, metrics: metrics, logger: logger)
        controller.watchOwn(informer)
        let started = ContinuousClock.now
        let runInformer = Task { await informer.run() }
        let runController = Task { await controller.run() }
        while counter.count < self.pods {
            try await Task.sleep(for: .milliseconds(5))
        }
        let seconds = APIServerBenchmark.seconds(ContinuousClock.now - started)
        let rssAfter = ProcessStatistics.residentBytes(pid: getpid())
        let heapAfter = ProcessStatistics.heapInUseBytes()
        runInformer.cancel()
        runController.cancel()

        // Baseline, measured after the informer so its garbage cannot flatter the memory figure: the same
        // LIST decoded into pods, nothing kept.
        let decodeStarted = ContinuousClock.now
        let listed = try await client.list(Pod.self, namespace: "bench", options: ListOptions(limit: 500))
        let decodeSeconds = APIServerBenchmark.seconds(ContinuousClock.now - decodeStarted)
        guard listed.items.count == self.pods else { throw BenchmarkError("listed \(listed.items.count) pods, expected \(self.pods)") }
        let perPod = Double(max(0, rssAfter - rssBefore)) / Double(self.pods)
        return [
            BenchmarkResult(
                name: "informer.sync.events-per-second",
                value: Double(self.pods) / seconds,
                unit: "events/s LIST→cache→queue→no-op reconcile (baseline: LIST+decode only)",
                baseline: Double(self.pods) / decodeSeconds
            ),
            BenchmarkResult(name: "informer.memory-per-pod", value: perPod / 1024, unit: "KiB RSS growth per cached pod (target 8)"),
            BenchmarkResult(
                name: "informer.heap-per-pod",
                value: Double(heapAfter - heapBefore) / Double(self.pods) / 1024,
                unit: "KiB of C heap in use per cached pod"
            ),
        ]
    }
}

/// Counts the keys reconciled.
final class ReconcileCounter: Sendable {
    private let value = Mutex(0)
    var count: Int { self.value.withLock { $0 } }
    func increment() { self.value.withLock { $0 += 1 } }
}

struct NoOpReconciler: Reconciler {
    let counter: ReconcileCounter
    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        self.counter.increment()
        return .done
    }
}
