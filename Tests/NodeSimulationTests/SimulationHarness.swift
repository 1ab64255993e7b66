import LocalClusterTestSupport
import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging
import NodeSimulation

/// An API server with simulated nodes running against it (fast timings, 1 s Lease renewals, a 3 s node
/// grace period), for the integration tests.
struct SimulationHarness {
    let server: TestAPIServer
    let client: KubeClient
    let manager: Manager
    let nodes: SimulatedNodes
    let run: Task<Void, any Error>

    static func start(nodeCount: Int = 3) async throws -> SimulationHarness {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
        let nodes = await SimulatedNodes(
            client: client,
            manager: manager,
            fleet: NodeFleetOptions(count: nodeCount),
            timings: .fast,
            lifecycle: NodeLifecyclePlanner(gracePeriod: .seconds(3)),
            leaseRenewInterval: .seconds(1),
            logger: quietLogger()
        )
        let run = Task { try await manager.run() }
        return SimulationHarness(server: server, client: client, manager: manager, nodes: nodes, run: run)
    }

    /// Runs `body` against a fresh harness and always stops it afterwards.
    static func run(nodeCount: Int = 3, _ body: (SimulationHarness) async throws -> Void) async throws {
        let harness = try await Self.start(nodeCount: nodeCount)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        self.run.cancel()
        _ = try? await self.run.value
        await self.client.shutdown()
        await self.server.stopListening()
    }

    /// Creates a pod from YAML (a whole manifest).
    @discardableResult
    func createPod(_ yaml: String) async throws -> Pod {
        try await self.client.create(try Pod.decode(YAMLReader.read(yaml)))
    }

    func pod(_ name: String, namespace: String = "default") async -> Pod? {
        try? await self.client.get(Pod.self, namespace: namespace, name: name)
    }

    func node(_ name: String) async -> Node? {
        try? await self.client.get(Node.self, name: name)
    }

    /// Waits for the pod to exist and satisfy `condition`.
    func eventuallyPod(_ name: String, timeout: Duration = .seconds(60), _ condition: (Pod) -> Bool) async -> Bool {
        await eventually(timeout: timeout) {
            guard let pod = await self.pod(name) else { return false }
            return condition(pod)
        }
    }
}

extension Pod {
    /// Running, Ready, with addresses and a running container status for every container.
    var isRunningAndReady: Bool {
        self.status.phase == "Running" && self.isReady && self.status.podIP != nil && self.status.hostIP != nil
            && self.status.containerStatuses.count == self.spec.containers.count
            && self.status.containerStatuses.allSatisfy { $0.ready && $0.state?["running"] != nil }
    }
}
