import Foundation
import KubeClient
import KubeJSON
import KubeModel

/// `kruise-bench local`: `kruise local --nodes 100 --fast` as a child process; a Deployment scaled from 0
/// to 10,000 replicas. Reports pods per second from the scale request to every pod Running and Ready, the
/// server's CPU seconds for the whole run, and its RSS at the end. The baseline is the same cluster's
/// rate for the first 10% of the pods (so the ratio shows how throughput holds up as the cluster fills).
struct LocalBenchmark {
    var nodes: Int = 100
    var pods: Int = 10_000

    func run() async throws -> [BenchmarkResult] {
        let cluster = try BenchmarkServer.start(arguments: ["local", "--in-memory", "--fast", "--nodes", String(self.nodes)])
        defer { cluster.stop() }
        let client = try KubeClient(configuration: cluster.configuration)
        do {
            let results = try await self.measure(client: client, cluster: cluster)
            await client.shutdown()
            return results
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func measure(client: KubeClient, cluster: BenchmarkServer) async throws -> [BenchmarkResult] {
        try await BenchmarkServer.waitForReadyNodes(self.nodes, client: client)
        var deployment = Deployment(metadata: ObjectMeta(name: "bench", namespace: "default"))
        deployment.object["spec"] = [
            "replicas": 0,
            "selector": ["matchLabels": ["app": "bench"]],
            "template": [
                "metadata": ["labels": ["app": "bench"]],
                "spec": ["containers": [["name": "app", "image": "nginx:1.27", "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]]]]],
            ],
        ]
        _ = try await client.create(deployment)
        let cpuBefore = cluster.cpuSeconds
        let started = ContinuousClock.now
        _ = try await client.patch(
            Deployment.self, namespace: "default", name: "bench", type: .merge,
            body: Array(#"{"spec":{"replicas":\#(self.pods)}}"#.utf8)
        )
        var firstTenth: Double?
        while true {
            let current = try await client.get(Deployment.self, namespace: "default", name: "bench")
            let ready = Int(current.status.readyReplicas)
            let elapsed = APIServerBenchmark.seconds(ContinuousClock.now - started)
            if firstTenth == nil, ready >= self.pods / 10 { firstTenth = elapsed }
            if ready >= self.pods { break }
            guard elapsed < 1800 else { throw BenchmarkError("only \(ready) of \(self.pods) pods became ready in 30 minutes") }
            try await Task.sleep(for: .milliseconds(250))
        }
        let total = APIServerBenchmark.seconds(ContinuousClock.now - started)
        let cpu = cluster.cpuSeconds - cpuBefore
        let rss = cluster.residentBytes
        let tenthRate = Double(self.pods / 10) / (firstTenth ?? total)
        return [
            BenchmarkResult(
                name: "local.scale-0-to-\(self.pods).pods-per-second",
                value: Double(self.pods) / total,
                unit: "pods/s to Running+Ready (\(self.nodes) nodes; baseline: the first 10%)",
                baseline: tenthRate
            ),
            BenchmarkResult(name: "local.scale-0-to-\(self.pods).seconds", value: total, unit: "s"),
            BenchmarkResult(name: "local.scale-0-to-\(self.pods).cpu-seconds", value: cpu, unit: "CPU s (kruise local process)"),
            BenchmarkResult(name: "local.scale-0-to-\(self.pods).rss", value: Double(rss) / 1_048_576, unit: "MiB at the end"),
        ]
    }
}
