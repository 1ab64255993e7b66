import Foundation
import KubeClient
import KubeJSON
import KubeModel
import Synchronization

/// `kruise-bench apiserver`: the embedded API server over HTTPS loopback, as issue 3 specifies it:
/// creates/s of 3 KB pods at 1, 8 and 32 concurrent clients; GET latency p50/p99; LIST of 10,000 pods;
/// watch fan-out of 10,000 events to 100 watchers (delivery latency p99); server RSS against the bytes
/// stored. The baseline for ratios is the same server's `/version` round trip, measured in the same run:
/// the floor any request pays for TLS, HTTP and the client.
struct APIServerBenchmark {
    var pods: Int = 10_000
    var watchers: Int = 100
    var events: Int = 10_000

    func run() async throws -> [BenchmarkResult] {
        let server = try BenchmarkServer.start()
        defer { server.stop() }
        let client = try KubeClient(configuration: server.configuration)
        var results: [BenchmarkResult] = []
        do {
            results = try await self.measure(client: client, server: server)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        return results
    }

    private func measure(client: KubeClient, server: BenchmarkServer) async throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for namespace in ["bench", "fanout"] {
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: namespace)))
        }
        let idleRSS = server.residentBytes
        let corpus = PodCorpus(count: self.pods).documents.enumerated().map { Self.benchPod($0.element, index: $0.offset) }
        let podBytes = corpus.reduce(0) { $0 + $1.count } / max(1, corpus.count)

        // Baseline: the /version round trip.
        let versionLatencies = try await Self.sequentialLatencies(count: 500) {
            _ = try await client.send(KubeRequest(method: "GET", path: "/version"))
        }
        let versionP50 = Self.percentile(versionLatencies, 0.5)
        results.append(BenchmarkResult(name: "apiserver.version.p50", value: versionP50 * 1000, unit: "ms"))

        // Creates at 1, 8 and 32 clients: 10%, 40% and 50% of the pods.
        let shares = [(1, self.pods / 10), (8, self.pods * 4 / 10), (32, self.pods - self.pods / 10 - self.pods * 4 / 10)]
        var next = 0
        for (clients, count) in shares {
            let slice = Array(corpus[next..<(next + count)])
            next += count
            let cpuBefore = server.cpuSeconds
            let seconds = try await Self.concurrently(clients: clients, items: slice) { body in
                _ = try await client.send(
                    KubeRequest(method: "POST", path: "/api/v1/namespaces/bench/pods", body: body, contentType: "application/json")
                )
            }
            let serverCPU = server.cpuSeconds - cpuBefore
            results.append(
                BenchmarkResult(
                    name: "apiserver.create.\(clients)-clients",
                    value: Double(count) / seconds,
                    unit: "creates/s (\(podBytes) B pods; baseline: /version round trips/s)",
                    baseline: 1 / versionP50
                )
            )
            // The server's own CPU per create: steadier than the rate on a shared machine, and free of the client's.
            results.append(
                BenchmarkResult(
                    name: "apiserver.create.\(clients)-clients.server-cpu",
                    value: serverCPU / Double(count) * 1_000_000,
                    unit: "µs of server CPU per create"
                )
            )
        }

        let rssAfterCreates = server.residentBytes
        // GET latency.
        var random = SystemRandomNumberGenerator()
        let getLatencies = try await Self.sequentialLatencies(count: 2000) {
            let index = Int.random(in: 0..<self.pods, using: &random)
            _ = try await client.send(KubeRequest(method: "GET", path: "/api/v1/namespaces/bench/pods/bench-\(index)"))
        }
        results.append(
            BenchmarkResult(name: "apiserver.get.p50", value: Self.percentile(getLatencies, 0.5) * 1000, unit: "ms (baseline: /version)", baseline: versionP50 * 1000)
        )
        results.append(
            BenchmarkResult(name: "apiserver.get.p99", value: Self.percentile(getLatencies, 0.99) * 1000, unit: "ms (baseline: /version p99)", baseline: Self.percentile(versionLatencies, 0.99) * 1000)
        )

        // LIST of every pod (best of 5), with the bytes it returned.
        var bestList = Double.infinity
        var listBytes = 0
        for _ in 0..<5 {
            let started = ContinuousClock.now
            let response = try await client.send(KubeRequest(method: "GET", path: "/api/v1/namespaces/bench/pods", verb: "LIST"))
            bestList = min(bestList, Self.seconds(ContinuousClock.now - started))
            listBytes = response.body.count
        }
        results.append(BenchmarkResult(name: "apiserver.list.\(self.pods)-pods", value: bestList * 1000, unit: "ms (\(listBytes / 1_048_576) MiB; target 150)"))

        // Memory with the pods stored.
        let rss = server.residentBytes
        let target = 3 * listBytes + 50 << 20
        results.append(
            BenchmarkResult(
                name: "apiserver.rss.\(self.pods)-pods",
                value: Double(rss) / 1_048_576,
                unit: "MiB (stored \(listBytes / 1_048_576) MiB; target \(target / 1_048_576) MiB; baseline: RSS before the pods)",
                baseline: Double(idleRSS) / 1_048_576
            )
        )

        results.append(
            BenchmarkResult(name: "apiserver.rss.after-creates", value: Double(rssAfterCreates) / 1_048_576, unit: "MiB (before the GETs and LISTs)")
        )
        results.append(contentsOf: try await self.fanOut(client: client))
        return results
    }

    /// 100 watchers on one namespace; one writer creates `events` config maps as fast as the server takes
    /// them; each watcher records when the k-th event arrived (events reach every watcher in version order,
    /// which is creation order for one sequential writer).
    private func fanOut(client: KubeClient) async throws -> [BenchmarkResult] {
        let location = ResourceLocation(BuiltinKinds.descriptor(for: ConfigMap.groupVersionKind)!, namespace: "fanout")
        let start = try await client.listPage(ConfigMap.self, namespace: "fanout")
        let origin = ContinuousClock.now
        let sent = SentTimes(count: self.events)
        let eventCount = self.events
        var streams: [AsyncThrowingStream<[UInt8], any Error>] = []
        for _ in 0..<self.watchers {
            streams.append(try await client.watchLines(location, options: ListOptions(resourceVersion: start.resourceVersion)))
        }
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for stream in streams {
                group.addTask {
                    var arrivals: [Double] = []
                    arrivals.reserveCapacity(eventCount)
                    for try await _ in stream {
                        arrivals.append(Self.seconds(ContinuousClock.now - origin))
                        if arrivals.count == eventCount { break }
                    }
                    return arrivals
                }
            }
            group.addTask {
                for index in 0..<eventCount {
                    let body = Array(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"event-\#(index)"},"data":{"k":"v"}}"#.utf8)
                    sent.record(index, Self.seconds(ContinuousClock.now - origin))
                    _ = try await client.send(
                        KubeRequest(method: "POST", path: "/api/v1/namespaces/fanout/configmaps", body: body, contentType: "application/json")
                    )
                }
                return []
            }
            var all: [Double] = []
            for try await arrivals in group where !arrivals.isEmpty {
                let times = sent.all
                for (index, arrival) in arrivals.enumerated() { all.append(arrival - times[index]) }
            }
            return all
        }
        return [
            BenchmarkResult(name: "apiserver.watch-fanout.p50", value: Self.percentile(latencies, 0.5) * 1000, unit: "ms (\(self.events) events x \(self.watchers) watchers)"),
            BenchmarkResult(name: "apiserver.watch-fanout.p99", value: Self.percentile(latencies, 0.99) * 1000, unit: "ms (target 100)"),
        ]
    }

    /// A corpus pod turned into a create body: our name and namespace, no server-set fields, no owner
    /// (the garbage collector would delete pods whose owner does not exist).
    static func benchPod(_ document: [UInt8], index: Int) -> [UInt8] {
        guard case .object(var pod) = try? JSONValue(parsing: document), case .object(var metadata)? = pod["metadata"] else {
            return document
        }
        for key in ["uid", "resourceVersion", "creationTimestamp", "ownerReferences", "generateName"] { metadata[key] = nil }
        metadata["name"] = .string("bench-\(index)")
        metadata["namespace"] = "bench"
        pod["metadata"] = .object(metadata)
        return JSONValue.object(pod).serialized()
    }

    static func concurrently(clients: Int, items: [[UInt8]], _ send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws -> Double {
        try await Self.concurrently(clients: clients, count: items.count) { try await send(items[$0]) }
    }

    /// Seconds for `clients` tasks to call `send` with 0, 1, ..., `count` - 1, each index once.
    static func concurrently(clients: Int, count: Int, _ send: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let cursor = SharedCursor()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    while true {
                        let index = cursor.takeNext()
                        guard index < count else { return }
                        try await send(index)
                    }
                }
            }
            try await group.waitForAll()
        }
        return Self.seconds(ContinuousClock.now - started)
    }

    static func sequentialLatencies(count: Int, _ body: () async throws -> Void) async throws -> [Double] {
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        for _ in 0..<count {
            let started = ContinuousClock.now
            try await body()
            latencies.append(Self.seconds(ContinuousClock.now - started))
        }
        return latencies
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// When the fan-out writer started each create.
final class SentTimes: Sendable {
    private let times: Mutex<[Double]>

    init(count: Int) {
        self.times = Mutex(Array(repeating: 0, count: count))
    }

    func record(_ index: Int, _ time: Double) {
        self.times.withLock { $0[index] = time }
    }

    var all: [Double] { self.times.withLock { $0 } }
}

/// Hands out 0, 1, 2, ... to concurrent clients, so each item is sent once.
final class SharedCursor: Sendable {
    private let value = Mutex(0)

    func takeNext() -> Int {
        self.value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
