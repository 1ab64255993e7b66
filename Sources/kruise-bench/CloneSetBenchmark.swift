import CoreFoundation
import Foundation
import Synchronization
import KruiseAPI
import KubeClient
import KubeJSON
import KubeModel

/// `kruise-bench cloneset`: on `kruise local --nodes 100 --fast` (a child process), a Deployment and then a
/// CloneSet of the same pod template are each scaled from 0 to N replicas and given the same image change.
/// The Deployment is the baseline: its scale-up rate, and its rolling update (recreating every pod) against the
/// CloneSet's in-place update. Each phase ends when every pod is Running and Ready at the wanted revision; the
/// Deployment is scaled back to 0 (and its pods gone) before the CloneSet starts.
struct CloneSetBenchmark {
    var nodes: Int = 100
    var pods: Int = 1_000

    static let cloneSets = ResourceDescriptor(CloneSet.groupVersionKind, plural: "clonesets", namespaced: true)

    /// One phase's wall time and the cluster's CPU seconds in it.
    struct Phase {
        var seconds: Double
        var cpuSeconds: Double
    }

    func run() async throws -> [BenchmarkResult] {
        let cluster = try BenchmarkServer.start(arguments: ["local", "--in-memory", "--fast", "--nodes", String(self.nodes)])
        defer { cluster.stop() }
        let client = try KubeClient(configuration: cluster.configuration)
        client.register(Self.cloneSets)
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
        let n = self.pods
        // Deployment (baseline).
        var deployment = Deployment(metadata: ObjectMeta(name: "deploy", namespace: "default"))
        deployment.object["spec"] = ["replicas": 0, "selector": ["matchLabels": ["app": "deploy"]], "template": Self.template("deploy")]
        _ = try await client.create(deployment)
        let deploymentScale = try await self.phase("deployment-scale", cluster, patching: { try await Self.patchDeployment(client, #"{"spec":{"replicas":\#(n)}}"#) }) {
            let status = try await client.get(Deployment.self, namespace: "default", name: "deploy").status
            return Int(status.readyReplicas) >= n
        }
        let deploymentUpdate = try await self.phase("deployment-update", cluster, patching: {
            try await Self.patchDeployment(client, #"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}"#)
        }) {
            let current = try await client.get(Deployment.self, namespace: "default", name: "deploy")
            let status = current.status
            return (status.observedGeneration ?? 0) >= (current.metadata.generation ?? 0) && Int(status.updatedReplicas) == n
                && Int(status.replicas) == n && Int(status.readyReplicas) == n && Int(status.availableReplicas) == n
        }
        try await Self.patchDeployment(client, #"{"spec":{"replicas":0}}"#)
        try await self.waitUntil(seconds: 600, "the Deployment's pods did not go away") {
            try await client.list(Pod.self, namespace: "default").items.isEmpty
        }

        // CloneSet, in place.
        let cloneSet: JSONValue = [
            "apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet",
            "metadata": ["name": "clone", "namespace": "default"],
            "spec": [
                "replicas": 0, "selector": ["matchLabels": ["app": "clone"]], "template": Self.template("clone"),
                "updateStrategy": ["type": "InPlaceIfPossible"],
            ],
        ]
        _ = try await client.request("POST", ResourceLocation(Self.cloneSets, namespace: "default"), body: cloneSet)
        let cloneSetScale = try await self.phase("cloneset-scale", cluster, patching: { try await Self.patchCloneSet(client, #"{"spec":{"replicas":\#(n)}}"#) }) {
            let status = try await Self.cloneSetStatus(client)
            return (status["readyReplicas"]?.intValue ?? 0) >= n
        }
        // Not timed: the CloneSet moves its new pods from PreparingNormal to Normal after they are Ready (as
        // upstream does); the image change starts from a settled CloneSet, as the Deployment's does.
        try await self.waitUntil(seconds: 600, "the CloneSet's pods did not settle") {
            let pods = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=clone")).items
            return pods.count == n && pods.allSatisfy { $0.metadata.labels["lifecycle.apps.kruise.io/state"] == "Normal" }
        }
        let generation = Mutex<Int>(0)
        let cloneSetUpdate = try await self.phase("cloneset-update", cluster, patching: {
            let patched = try await Self.patchCloneSet(
                client, #"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28","resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}}}"#)
            generation.withLock { $0 = patched["metadata"]?["generation"]?.intValue ?? 0 }
        }) {
            // Done once the controller saw the new template and every pod is updated and ready again.
            let status = try await Self.cloneSetStatus(client)
            return (status["observedGeneration"]?.intValue ?? 0) >= generation.withLock({ $0 })
                && status["updatedReadyReplicas"]?.intValue == n && status["replicas"]?.intValue == n
                && status["readyReplicas"]?.intValue == n
        }
        let rss = Double(cluster.residentBytes) / 1_048_576
        let setting = "\(self.nodes) nodes, \(n) pods"
        return [
            BenchmarkResult(
                name: "cloneset.scale-0-to-\(n).pods-per-second", value: Double(n) / cloneSetScale.seconds,
                unit: "pods/s to Ready (\(setting); baseline: a Deployment)", baseline: Double(n) / deploymentScale.seconds),
            BenchmarkResult(
                name: "cloneset.in-place-update-\(n).speedup", value: deploymentUpdate.seconds / cloneSetUpdate.seconds,
                unit: "× faster: the Deployment's rolling recreate (s) over the CloneSet's in-place update (s)"),
            BenchmarkResult(name: "cloneset.in-place-update-\(n).seconds", value: cloneSetUpdate.seconds, unit: "s (baseline: the Deployment's rolling update)", baseline: deploymentUpdate.seconds),
            BenchmarkResult(name: "cloneset.scale-0-to-\(n).cpu-seconds", value: cloneSetScale.cpuSeconds, unit: "CPU s of kruise local (baseline: the Deployment)", baseline: deploymentScale.cpuSeconds),
            BenchmarkResult(name: "cloneset.in-place-update-\(n).cpu-seconds", value: cloneSetUpdate.cpuSeconds, unit: "CPU s of kruise local (baseline: the Deployment's rolling update)", baseline: deploymentUpdate.cpuSeconds),
            BenchmarkResult(name: "cloneset.rss", value: rss, unit: "MiB of kruise local at the end"),
        ]
    }

    static func template(_ app: String) -> JSONValue {
        [
            "metadata": ["labels": ["app": .string(app)]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.27", "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]]]]],
        ]
    }

    static func patchDeployment(_ client: KubeClient, _ body: String) async throws {
        _ = try await client.patch(Deployment.self, namespace: "default", name: "deploy", type: .merge, body: Array(body.utf8))
    }

    @discardableResult
    static func patchCloneSet(_ client: KubeClient, _ body: String) async throws -> JSONValue {
        try await client.request(
            "PATCH", ResourceLocation(Self.cloneSets, namespace: "default", name: "clone"), body: try JSONValue(parsing: body),
            contentType: PatchType.merge.rawValue)
    }

    static func cloneSetStatus(_ client: KubeClient) async throws -> JSONValue {
        try await client.request("GET", ResourceLocation(Self.cloneSets, namespace: "default", name: "clone"))["status"] ?? .emptyObject
    }

    /// Runs `patching`, then polls `done` every 50 ms: the wall time and the cluster's CPU seconds until it holds.
    /// With `KRUISE_BENCH_PHASES` set, one line on standard error gives the phase's `CLOCK_MONOTONIC` start and
    /// end (seconds), the clock `perf record -k CLOCK_MONOTONIC` stamps its samples with, to cut a profile by phase.
    private func phase(
        _ name: String, _ cluster: BenchmarkServer, patching: () async throws -> Void, done: () async throws -> Bool
    ) async throws -> Phase {
        let cpuBefore = cluster.cpuSeconds
        let started = ContinuousClock.now
        let monotonicStart = Self.monotonicSeconds()
        try await patching()
        try await self.waitUntil(seconds: 1800, "a phase did not finish in 30 minutes", done)
        if ProcessInfo.processInfo.environment["KRUISE_BENCH_PHASES"] != nil {
            FileHandle.standardError.write(Data("phase \(name) \(monotonicStart) \(Self.monotonicSeconds())\n".utf8))
        }
        return Phase(seconds: APIServerBenchmark.seconds(ContinuousClock.now - started), cpuSeconds: cluster.cpuSeconds - cpuBefore)
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func waitUntil(seconds: Int, _ failure: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw BenchmarkError(failure) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
