import LocalClusterTestSupport
import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// Counts reconciles per key and, for config maps labelled `mirror=true`, writes an annotation back.
struct MirrorReconciler: Reconciler {
    let client: KubeClient
    let informer: Informer<ConfigMap>
    let seen: ReconcileCounts

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        self.seen.counts.withLock { $0[key, default: 0] += 1 }
        guard var map = self.informer.store.get(key), map.metadata.labels["mirror"] == "true",
            map.metadata.annotations["mirrored"] == nil
        else { return .done }
        var annotations = map.metadata.annotations
        annotations["mirrored"] = "yes"
        map.metadata.annotations = annotations
        _ = try await self.client.update(map)
        return .done
    }
}

final class ReconcileCounts: Sendable {
    let counts = Mutex<[ObjectKey: Int]>([:])
}

@Suite("Manager")
struct ManagerTests {
    /// A plain-HTTP GET of `path` on 127.0.0.1:`port`.
    static func get(_ port: Int, _ path: String) async throws -> (status: Int, text: String) {
        let transport = try HTTPSKubeTransport(configuration: ClientConfiguration(server: "http://127.0.0.1:\(port)"))
        let response = try await transport.send(
            KubeTransportRequest(method: "GET", path: path, query: [], headers: [], body: nil), timeout: .seconds(5))
        await transport.shutdown()
        return (response.code, String(decoding: response.body, as: UTF8.self))
    }

    @Test func runsControllersAndServesMetricsAndHealth() async throws {
        let server = try await TestAPIServer.start()
        let metrics = MetricsRegistry()
        let client = try KubeClient(configuration: server.configuration(), observer: ClientMetrics(registry: metrics))
        let manager = Manager(client: client, metrics: metrics, options: ManagerOptions(healthPort: 0), logger: quietLogger())
        let informer = manager.informer(ConfigMap.self)
        #expect(manager.informer(ConfigMap.self) === informer)
        let seen = ReconcileCounts()
        let controller = Controller(
            name: "mirror",
            reconciler: MirrorReconciler(client: client, informer: informer, seen: seen),
            workers: 2,
            metrics: metrics,
            logger: quietLogger()
        )
        controller.watchOwn(informer)
        manager.add(controller)
        let run = Task { try await manager.run() }

        var map = ConfigMap(metadata: ObjectMeta(name: "m", namespace: "default"))
        map.metadata.labels = ["mirror": "true"]
        _ = try await client.create(map)
        #expect(await eventually {
            (try? await client.get(ConfigMap.self, namespace: "default", name: "m"))?.metadata.annotations["mirrored"] == "yes"
        })
        #expect(await eventually { manager.healthPort != nil && manager.isReady })

        let port = manager.healthPort ?? 0
        let text = try await Self.get(port, "/metrics").text
        #expect(text.contains("controller_runtime_reconcile_total{controller=\"mirror\",result=\"success\"}"))
        #expect(text.contains("workqueue_adds_total{name=\"mirror\"}"))
        #expect(text.contains("rest_client_requests_total{code=\"201\",method=\"POST\"}"))
        #expect(try await Self.get(port, "/readyz").status == 200)

        run.cancel()
        _ = try? await run.value
        await client.shutdown()
        await server.stopListening()
    }

    /// `--metrics-addr`: `/metrics` on its own port, and no longer beside the health endpoints.
    @Test func servesMetricsOnTheirOwnPortWhenAsked() async throws {
        let server = try await TestAPIServer.start()
        let metrics = MetricsRegistry()
        let client = try KubeClient(configuration: server.configuration(), observer: ClientMetrics(registry: metrics))
        let manager = Manager(
            client: client, metrics: metrics, options: ManagerOptions(healthPort: 0, metricsPort: 0), logger: quietLogger())
        let informer = manager.informer(ConfigMap.self)
        // A controller keeps the manager running (one without controllers stops once its caches synced).
        let controller = Controller(
            name: "mirror", reconciler: MirrorReconciler(client: client, informer: informer, seen: ReconcileCounts()),
            workers: 1, metrics: metrics, logger: quietLogger())
        controller.watchOwn(informer)
        manager.add(controller)
        let run = Task { try await manager.run() }
        #expect(await eventually { manager.healthPort != nil && manager.metricsPort != nil && manager.isReady })
        let health = manager.healthPort ?? 0
        let metricsPort = manager.metricsPort ?? 0
        #expect(health != metricsPort)
        do {
            let scraped = try await Self.get(metricsPort, "/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.text.contains("rest_client_requests_total"))
            #expect(try await Self.get(health, "/metrics").status == 404)
            #expect(try await Self.get(health, "/readyz").status == 200)
        } catch {
            Issue.record("HTTP to the manager (health \(health), metrics \(metricsPort)) failed: \(error)")
        }
        run.cancel()
        _ = try? await run.value
        await client.shutdown()
        await server.stopListening()
    }

    @Test func metricsRenderInPrometheusTextFormat() {
        let registry = MetricsRegistry()
        registry.counter("requests_total", help: "Requests.", labels: [("code", "200")]).increment(by: 3)
        registry.gauge("depth", help: "Depth.").set(2)
        let histogram = registry.histogram("latency_seconds", help: "Latency.", buckets: [0.1, 1])
        histogram.observe(0.05)
        histogram.observe(0.5)
        histogram.observe(5)
        let text = registry.render()
        #expect(text.contains("# TYPE requests_total counter\nrequests_total{code=\"200\"} 3\n"))
        #expect(text.contains("depth 2\n"))
        #expect(text.contains("latency_seconds_bucket{le=\"0.1\"} 1\n"))
        #expect(text.contains("latency_seconds_bucket{le=\"1\"} 2\n"))
        #expect(text.contains("latency_seconds_bucket{le=\"+Inf\"} 3\n"))
        #expect(text.contains("latency_seconds_count 3\n"))
    }
}
