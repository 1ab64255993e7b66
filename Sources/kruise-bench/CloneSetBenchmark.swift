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
/// Deployment is scaled back to 0 (and its pods gone) before the CloneSet starts. Last, the CloneSet changes
/// the image back with a `ReCreate` update: in place against recreating under the same controller.
struct CloneSetBenchmark {
    var nodes: Int = 100
    var pods: Int = 1_000

    static let cloneSets = ResourceDescriptor(CloneSet.groupVersionKind, plural: "clonesets", namespaced: true)

    /// One phase's wall time and the cluster's CPU seconds in it.
    struct Phase {
        var seconds: Double
        var cpuSeconds: Double
        /// Writes the cluster stored during the phase (the difference of its resourceVersions): every
        /// component's, lease renewals and Events included.
        var writes: Int
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
        let deployments = ResourceLocation(try client.descriptor(for: Deployment.groupVersionKind), namespace: "default")
        let deploymentScale = try await self.phase("deployment-scale", cluster, client, watching: deployments, patching: {
            try await Self.patchDeployment(client, #"{"spec":{"replicas":\#(n)}}"#)
        }) { deployment in
            (deployment["status"]?["readyReplicas"]?.intValue ?? 0) >= n
        }
        // The generation the image change gives, from the patch's answer: the watch's first event is the
        // Deployment as it was before the change, complete at its old generation.
        let deploymentGeneration = Mutex<Int64>(0)
        let deploymentUpdate = try await self.phase("deployment-update", cluster, client, watching: deployments, patching: {
            let patched = try await Self.patchDeployment(
                client, #"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}"#)
            deploymentGeneration.withLock { $0 = patched.metadata.generation ?? 0 }
        }) { deployment in
            let status = deployment["status"] ?? .emptyObject
            return Int64(status["observedGeneration"]?.intValue ?? 0) >= deploymentGeneration.withLock({ $0 })
                && status["updatedReplicas"]?.intValue == n && status["replicas"]?.intValue == n
                && status["readyReplicas"]?.intValue == n && status["availableReplicas"]?.intValue == n
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
        let cloneSets = ResourceLocation(Self.cloneSets, namespace: "default")
        let cloneSetScale = try await self.phase("cloneset-scale", cluster, client, watching: cloneSets, patching: {
            try await Self.patchCloneSet(client, #"{"spec":{"replicas":\#(n)}}"#)
        }) { cloneSet in
            (cloneSet["status"]?["readyReplicas"]?.intValue ?? 0) >= n
        }
        // Not timed: the CloneSet moves its new pods from PreparingNormal to Normal after they are Ready (as
        // upstream does); the image change starts from a settled CloneSet, as the Deployment's does.
        try await self.waitUntil(seconds: 600, "the CloneSet's pods did not settle") {
            let pods = try await client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=clone")).items
            return pods.count == n && pods.allSatisfy { $0.metadata.labels["lifecycle.apps.kruise.io/state"] == "Normal" }
        }
        let cloneSetUpdate = try await self.cloneSetRollout(
            "cloneset-update", cluster, client, watching: cloneSets,
            #"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28","resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}}}"#)
        // The same CloneSet's own ReCreate update back to the first image, for comparison with its in-place update
        // under the same controller, pods and maxUnavailable (the Deployment moves up to half of its pods at once:
        // 25% surge and 25% unavailable).
        let cloneSetRecreate = try await self.cloneSetRollout(
            "cloneset-recreate", cluster, client, watching: cloneSets,
            #"{"spec":{"updateStrategy":{"type":"ReCreate"},"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}}}"#)
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
            BenchmarkResult(
                name: "cloneset.scale-0-to-\(n).writes-per-pod", value: Double(cloneSetScale.writes) / Double(n),
                unit: "stored writes per pod, all components (baseline: the Deployment)",
                baseline: Double(deploymentScale.writes) / Double(n)),
            BenchmarkResult(
                name: "cloneset.in-place-update-\(n).writes-per-pod", value: Double(cloneSetUpdate.writes) / Double(n),
                unit: "stored writes per pod, all components (baseline: the Deployment's rolling update)",
                baseline: Double(deploymentUpdate.writes) / Double(n)),
            BenchmarkResult(
                name: "cloneset.in-place-vs-recreate-\(n).speedup", value: cloneSetRecreate.seconds / cloneSetUpdate.seconds,
                unit: "× faster: the CloneSet's own ReCreate update (s) over its in-place update (s)"),
            BenchmarkResult(
                name: "cloneset.recreate-update-\(n).seconds", value: cloneSetRecreate.seconds,
                unit: "s of the CloneSet's ReCreate update (baseline: the Deployment's rolling update)",
                baseline: deploymentUpdate.seconds),
            BenchmarkResult(
                name: "cloneset.recreate-update-\(n).writes-per-pod", value: Double(cloneSetRecreate.writes) / Double(n),
                unit: "stored writes per pod, all components (baseline: the Deployment's rolling update)",
                baseline: Double(deploymentUpdate.writes) / Double(n)),
            BenchmarkResult(name: "cloneset.rss", value: rss, unit: "MiB of kruise local at the end"),
        ]
    }

    static func template(_ app: String) -> JSONValue {
        [
            "metadata": ["labels": ["app": .string(app)]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.27", "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]]]]],
        ]
    }

    @discardableResult
    static func patchDeployment(_ client: KubeClient, _ body: String) async throws -> Deployment {
        try await client.patch(Deployment.self, namespace: "default", name: "deploy", type: .merge, body: Array(body.utf8))
    }

    @discardableResult
    static func patchCloneSet(_ client: KubeClient, _ body: String) async throws -> JSONValue {
        try await client.request(
            "PATCH", ResourceLocation(Self.cloneSets, namespace: "default", name: "clone"), body: try JSONValue(parsing: body),
            contentType: PatchType.merge.rawValue)
    }

    /// Runs `patching`, then reads the watch of `location` (opened before the clock starts) until an event's
    /// object satisfies `done`: the wall time and the cluster's CPU seconds until then. The watch delivers the
    /// status write that completes the phase within a millisecond or so; polling every 50 ms added 25 ms on
    /// average, an error of 3% on a phase of under a second. With `KRUISE_BENCH_PHASES` set, one line on
    /// standard error gives the phase's `CLOCK_MONOTONIC` start and end (seconds), the clock
    /// `perf record -k CLOCK_MONOTONIC` stamps its samples with, to cut a profile by phase.
    private func phase(
        _ name: String, _ cluster: BenchmarkServer, _ client: KubeClient, watching location: ResourceLocation,
        patching: () async throws -> Void, done: @escaping @Sendable (JSONValue) -> Bool
    ) async throws -> Phase {
        let events = try await client.watchLines(location)
        let versionBefore = try await Self.clusterVersion(client)
        let cpuBefore = cluster.cpuSeconds
        let started = ContinuousClock.now
        let monotonicStart = Self.monotonicSeconds()
        try await patching()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await line in events {
                    let event = try JSONValue(parsing: line)
                    if let object = event["object"], event["type"]?.stringValue != "ERROR", done(object) { return }
                }
                throw BenchmarkError("the watch of \(location.path) ended before phase \(name) finished")
            }
            group.addTask {
                try await Task.sleep(for: .seconds(1800))
                throw BenchmarkError("phase \(name) did not finish in 30 minutes")
            }
            try await group.next()
            group.cancelAll()
        }
        if ProcessInfo.processInfo.environment["KRUISE_BENCH_PHASES"] != nil {
            FileHandle.standardError.write(Data("phase \(name) \(monotonicStart) \(Self.monotonicSeconds())\n".utf8))
        }
        let seconds = APIServerBenchmark.seconds(ContinuousClock.now - started)
        let cpuSeconds = cluster.cpuSeconds - cpuBefore
        let writes = try await Self.clusterVersion(client) - versionBefore
        return Phase(seconds: seconds, cpuSeconds: cpuSeconds, writes: writes)
    }

    /// A phase that patches the CloneSet with `body` (a template change) and ends once the controller saw the new
    /// generation and every pod is updated and ready again.
    private func cloneSetRollout(
        _ name: String, _ cluster: BenchmarkServer, _ client: KubeClient, watching cloneSets: ResourceLocation, _ body: String
    ) async throws -> Phase {
        let n = self.pods
        // The generation the change gives, from the patch's answer: the watch's first event is the CloneSet as it
        // was before the change, complete at its old generation.
        let generation = Mutex<Int>(0)
        return try await self.phase(name, cluster, client, watching: cloneSets, patching: {
            let patched = try await Self.patchCloneSet(client, body)
            generation.withLock { $0 = patched["metadata"]?["generation"]?.intValue ?? 0 }
        }) { cloneSet in
            let status = cloneSet["status"] ?? .emptyObject
            return (status["observedGeneration"]?.intValue ?? 0) >= generation.withLock({ $0 })
                && status["updatedReadyReplicas"]?.intValue == n && status["replicas"]?.intValue == n
                && status["readyReplicas"]?.intValue == n
        }
    }

    /// The cluster's resourceVersion now: a list's answers carry the store's latest version.
    private static func clusterVersion(_ client: KubeClient) async throws -> Int {
        let list = try await client.list(Pod.self, namespace: "default", options: ListOptions(limit: 1))
        return Int(list.resourceVersion) ?? 0
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
