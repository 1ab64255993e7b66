import Foundation
import KubeJSON
import LocalCluster

/// `kruise-bench apiserver-core`: the API server's own work per request, without TLS, HTTP or a client: the
/// requests `kruise apiserver` would get are handed to ``APIServer/handle(_:)`` in this process by 8 concurrent
/// tasks, as `kruise local`'s components send theirs. Creates of the same 3 KB pods as `apiserver`, then a
/// kubelet-style status merge patch and a controller-style label merge patch of each. The baseline is a GET of
/// one of those pods through the same path: what any request costs before the write path.
struct APIServerCoreBenchmark {
    var pods: Int = 10_000
    var tasks: Int = 8

    func run() async throws -> [BenchmarkResult] {
        let apiServer = APIServer(store: ObjectStore())
        await apiServer.bootstrap()
        let namespace = try await Self.send(apiServer, "POST", "/api/v1/namespaces", Array(#"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}"#.utf8))
        guard namespace == 201 else { throw BenchmarkError("namespace create answered \(namespace)") }
        let corpus = PodCorpus(count: self.pods).documents.enumerated().map { APIServerBenchmark.benchPod($0.element, index: $0.offset) }
        let podBytes = corpus.reduce(0) { $0 + $1.count } / max(1, corpus.count)

        let creates = try await self.rate(count: corpus.count) { index in
            try await Self.expect(201, apiServer, "POST", "/api/v1/namespaces/bench/pods", corpus[index])
        }
        let gets = try await self.rate(count: corpus.count) { index in
            try await Self.expect(200, apiServer, "GET", "/api/v1/namespaces/bench/pods/bench-\(index)", [])
        }
        let statusPatch = Array(#"{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2026-01-01T00:00:00Z"}]}}"#.utf8)
        let statusPatches = try await self.rate(count: corpus.count) { index in
            try await Self.expect(200, apiServer, "PATCH", "/api/v1/namespaces/bench/pods/bench-\(index)/status", statusPatch, contentType: "application/merge-patch+json")
        }
        let labelPatch = Array(#"{"metadata":{"labels":{"bench.kruise.io/state":"updated"}}}"#.utf8)
        let labelPatches = try await self.rate(count: corpus.count) { index in
            try await Self.expect(200, apiServer, "PATCH", "/api/v1/namespaces/bench/pods/bench-\(index)", labelPatch, contentType: "application/merge-patch+json")
        }
        let unit = "requests/s in process, \(self.tasks) tasks (\(podBytes) B pods; baseline: GETs/s)"
        return [
            BenchmarkResult(name: "apiserver-core.get", value: gets, unit: "requests/s in process, \(self.tasks) tasks"),
            BenchmarkResult(name: "apiserver-core.create", value: creates, unit: unit, baseline: gets),
            BenchmarkResult(name: "apiserver-core.status-patch", value: statusPatches, unit: unit, baseline: gets),
            BenchmarkResult(name: "apiserver-core.label-patch", value: labelPatches, unit: unit, baseline: gets),
        ]
    }

    /// Requests per second of `count` calls of `send` (each index once) spread over ``tasks`` tasks.
    private func rate(count: Int, _ send: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        Double(count) / (try await APIServerBenchmark.concurrently(clients: self.tasks, count: count, send))
    }

    private static func expect(
        _ status: Int, _ apiServer: APIServer, _ method: String, _ path: String, _ body: [UInt8],
        contentType: String = "application/json"
    ) async throws {
        let code = try await Self.send(apiServer, method, path, body, contentType: contentType)
        guard code == status else { throw BenchmarkError("\(method) \(path) answered \(code), not \(status)") }
    }

    private static func send(
        _ apiServer: APIServer, _ method: String, _ path: String, _ body: [UInt8], contentType: String = "application/json"
    ) async throws -> Int {
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("User-Agent", "kruise-bench")]
        if !body.isEmpty { headers.append(("Content-Type", contentType)) }
        let response = await apiServer.handle(APIRequest(method: method, path: path, headers: headers, body: body))
        return response.status
    }
}
