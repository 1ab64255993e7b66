import LocalClusterTestSupport
import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import NodeSimulation
import Testing

/// A manager stopped mid scale-out and replaced by a fresh one (empty expectations) finishes the job without
/// creating a pod too many.
@Suite("CloneSet controller, restarted", .serialized)
struct CloneSetRestartTests {
    @Test func aFreshManagerFinishesScaleOutWithoutExtraPods() async throws {
        let cluster = try await CloneSetTestCluster.start()
        let client = cluster.client
        try await cluster.createCloneSet(CloneSetIntegrationTests.spec(replicas: 12))
        #expect(await eventually { await cluster.pods().count >= 3 })
        // Kill the first manager mid-rollout.
        cluster.run.cancel()
        _ = try? await cluster.run.value
        // A successor leads only once the lease expires (15 s), when the old leader's in-flight creates have
        // landed; without that wait a create the server is still handling can miss the successor's first list
        // (seen under load). Wait until the pod count has stopped changing.
        var settled = await cluster.pods().count
        while true {
            try await Task.sleep(for: .milliseconds(500))
            let count = await cluster.pods().count
            if count == settled { break }
            settled = count
        }

        let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
        _ = await SimulatedNodes(
            client: client, manager: manager, fleet: NodeFleetOptions(count: 3), timings: .fast, logger: quietLogger())
        KruiseControllerSet.register(on: manager, gates: KruiseFeatures.managerDefaults(), workers: 2)
        let run = Task { try await manager.run() }
        #expect(await cluster.waitForPods(12))
        #expect(await cluster.waitForStatus { status, _ in status.replicas == 12 && status.availableReplicas == 12 })
        try await Task.sleep(for: .seconds(1))
        #expect(await cluster.pods().count == 12)
        // Nothing was created twice and then scaled away.
        let events = try await client.list(Event.self, namespace: "default").items
        #expect(!events.contains { $0.object["reason"]?.stringValue == "SuccessfulDelete" })
        #expect(events.contains { $0.object["reason"]?.stringValue == "SuccessfulCreate" })
        let all = try await client.list(Pod.self, namespace: "default").items
        #expect(all.count == 12)

        run.cancel()
        _ = try? await run.value
        await client.shutdown()
        await cluster.server.stopListening()
    }
}
