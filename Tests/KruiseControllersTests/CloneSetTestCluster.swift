import ControllerRuntime
import Foundation
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalCluster
import LocalClusterTestSupport
import Logging
import NodeSimulation
import Synchronization

/// An API server with the Kruise CRDs installed, three simulated nodes (fast timings) and the Kruise
/// controllers (CloneSet, WorkloadSpread) — no built-in controllers.
struct CloneSetTestCluster {
    let server: TestAPIServer
    let client: KubeClient
    let manager: Manager
    let nodes: SimulatedNodes
    let run: Task<Void, any Error>

    static func start() async throws -> CloneSetTestCluster {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        try await Self.installCRDs(client)
        let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
        let nodes = await SimulatedNodes(
            client: client, manager: manager, fleet: NodeFleetOptions(count: 3), timings: .fast, logger: quietLogger())
        KruiseControllerSet.register(on: manager, gates: KruiseFeatures.managerDefaults(), workers: 2)
        let run = Task { try await manager.run() }
        return CloneSetTestCluster(server: server, client: client, manager: manager, nodes: nodes, run: run)
    }

    /// Creates every Kruise CRD (the manager starts no controller before all its informers, WorkloadSpreads' too,
    /// have synced) and waits until they are established.
    static func installCRDs(_ client: KubeClient) async throws {
        for crd in KruiseCRDs.all { _ = try await client.create(crd) }
        for name in KruiseCRDs.all.map(\.name) {
            let established = await eventually {
                guard let crd = try? await client.get(CustomResourceDefinition.self, name: name) else { return false }
                return crd.object["status"]?["conditions"]?.arrayValue?.contains { $0["type"] == "Established" && $0["status"] == "True" } == true
            }
            guard established else { throw CloneSetTestError("the CRD \(name) was not established") }
        }
    }

    /// Runs `body` against a fresh cluster and always stops it afterwards.
    static func run(_ body: (CloneSetTestCluster) async throws -> Void) async throws {
        let cluster = try await Self.start()
        do {
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func stop() async {
        self.run.cancel()
        _ = try? await self.run.value
        await self.client.shutdown()
        await self.server.stopListening()
    }

    /// Creates a CloneSet `web` (selector `app=web`) from its spec in YAML.
    @discardableResult
    func createCloneSet(_ specYAML: String) async throws -> CloneSet {
        let spec = try YAMLReader.read(specYAML)
        var cloneSet = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        cloneSet.object["spec"] = spec
        return try await self.client.create(cloneSet)
    }

    /// Merge-patches the CloneSet `web`.
    @discardableResult
    func patchCloneSet(_ patch: String) async throws -> CloneSet {
        try await self.client.patch(CloneSet.self, namespace: "default", name: "web", type: .merge, body: Array(patch.utf8))
    }

    func cloneSet() async -> CloneSet? {
        try? await self.client.get(CloneSet.self, namespace: "default", name: "web")
    }

    /// The pods of `web` that are not terminating.
    func pods() async -> [Pod] {
        let list = try? await self.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: "app=web"))
        return (list?.items ?? []).filter { !$0.metadata.isBeingDeleted }
    }

    /// Waits until exactly `count` live pods run and are ready, every one satisfying `condition`.
    func waitForPods(_ count: Int, timeout: Duration = .seconds(60), _ condition: @escaping (Pod) -> Bool = { _ in true }) async -> Bool {
        await eventually(timeout: timeout) {
            let pods = await self.pods()
            return pods.count == count && pods.allSatisfy { $0.isRunningAndReadyForTest && condition($0) }
        }
    }

    /// Waits until the CloneSet's status satisfies `condition`.
    func waitForStatus(timeout: Duration = .seconds(60), _ condition: @escaping (CloneSetStatus, CloneSet) -> Bool) async -> Bool {
        await eventually(timeout: timeout) {
            guard let cloneSet = await self.cloneSet() else { return false }
            return condition(cloneSet.status, cloneSet)
        }
    }
}

struct CloneSetTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Pod {
    /// Running and Ready with a running status for every container.
    var isRunningAndReadyForTest: Bool {
        self.status.phase == "Running" && self.isReady
            && self.status.containerStatuses.count == self.spec.containers.count
            && self.status.containerStatuses.allSatisfy { $0.ready && $0.state?["running"] != nil }
    }

    /// The image of the first container.
    var firstImage: String { self.spec.containers.first?.image ?? "" }

    /// The restart count of the first container.
    var firstRestartCount: Int { Int(self.status.containerStatuses.first?.restartCount ?? 0) }
}
