import Foundation
import KruiseAPI
import KubeClient
import KubeJSON
import KubeModel

/// `kruise-bench imagepull`: on `kruise local --nodes N --fast` (a child process), warming one image on every
/// node. The baseline is what a cluster without Kruise does: a DaemonSet whose pods use the image, so each node's
/// kubelet pulls it (and then starts a container nobody needs). Then an ImagePullJob with `parallelism: N` pulls
/// another image on every node through the NodeImages and the daemons. Each phase ends when every node has the
/// image (the DaemonSet's pods Ready; the job's `succeeded == N`).
struct ImagePullBenchmark {
    /// 300 by default: at 100 nodes both phases take well under a second, too short to compare.
    var nodes: Int = 300

    static let imagePullJobs = ResourceDescriptor(ImagePullJob.groupVersionKind, plural: "imagepulljobs", namespaced: true)
    static let nodeImages = ResourceDescriptor(NodeImage.groupVersionKind, plural: "nodeimages", namespaced: false)

    func run() async throws -> [BenchmarkResult] {
        let cluster = try BenchmarkServer.start(arguments: ["local", "--in-memory", "--fast", "--nodes", String(self.nodes)])
        defer { cluster.stop() }
        let client = try KubeClient(configuration: cluster.configuration)
        client.register(Self.imagePullJobs)
        client.register(Self.nodeImages)
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
        let n = self.nodes
        try await BenchmarkServer.waitForReadyNodes(n, client: client)
        try await Self.waitUntil(seconds: 300, "not every node got its NodeImage") {
            try await client.list(NodeImage.self).items.count >= n
        }
        // Baseline: a DaemonSet pulls busybox:1.36 on every node through the kubelets.
        var daemonSet = DaemonSet(metadata: ObjectMeta(name: "warm", namespace: "default"))
        daemonSet.object["spec"] = [
            "selector": ["matchLabels": ["app": "warm"]],
            "template": [
                "metadata": ["labels": ["app": "warm"]],
                "spec": ["containers": [["name": "warm", "image": "busybox:1.36", "resources": ["requests": ["cpu": "1m"]]]]],
            ],
        ]
        let daemonSetPhase = try await Self.phase(cluster, start: { _ = try await client.create(daemonSet) }) {
            let status = try await client.get(DaemonSet.self, namespace: "default", name: "warm").status
            return Int(status.desiredNumberScheduled) == n && Int(status.numberReady) == n
        }
        // ImagePullJob: redis:7 on every node, all at once.
        let job: JSONValue = [
            "apiVersion": "apps.kruise.io/v1alpha1", "kind": "ImagePullJob",
            "metadata": ["name": "warm", "namespace": "default"],
            "spec": ["image": "redis:7", "parallelism": .int(Int64(n)), "completionPolicy": ["type": "Always"]],
        ]
        let jobPhase = try await Self.phase(cluster, start: {
            _ = try await client.request("POST", ResourceLocation(Self.imagePullJobs, namespace: "default"), body: job)
        }) {
            let status = try await client.request("GET", ResourceLocation(Self.imagePullJobs, namespace: "default", name: "warm"))["status"]
            return status?["succeeded"]?.intValue == n
        }
        let setting = "\(n) nodes"
        return [
            BenchmarkResult(
                name: "imagepull.warm-\(n)-nodes.speedup", value: daemonSetPhase.seconds / jobPhase.seconds,
                unit: "× faster: a DaemonSet's pods Ready on every node (s) over an ImagePullJob's pulls (s)"),
            BenchmarkResult(
                name: "imagepull.warm-\(n)-nodes.seconds", value: jobPhase.seconds,
                unit: "s until every node has the image (\(setting); baseline: a DaemonSet)", baseline: daemonSetPhase.seconds),
            BenchmarkResult(
                name: "imagepull.warm-\(n)-nodes.cpu-seconds", value: jobPhase.cpuSeconds,
                unit: "CPU s of kruise local (baseline: the DaemonSet)", baseline: daemonSetPhase.cpuSeconds),
            BenchmarkResult(name: "imagepull.rss", value: Double(cluster.residentBytes) / 1_048_576, unit: "MiB of kruise local at the end"),
        ]
    }

    /// Runs `start`, then polls `done` every 100 ms: the wall time and the cluster's CPU seconds until it holds.
    private static func phase(
        _ cluster: BenchmarkServer, start: () async throws -> Void, done: () async throws -> Bool
    ) async throws -> (seconds: Double, cpuSeconds: Double) {
        let cpuBefore = cluster.cpuSeconds
        let started = ContinuousClock.now
        try await start()
        try await Self.waitUntil(seconds: 600, "a phase did not finish in 10 minutes", done)
        return (APIServerBenchmark.seconds(ContinuousClock.now - started), cluster.cpuSeconds - cpuBefore)
    }

    private static func waitUntil(seconds: Int, _ failure: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw BenchmarkError(failure) }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
