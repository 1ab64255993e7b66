import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalClusterTestSupport
import Logging
import Testing

/// The executor against an API server with no controllers: what its calls leave on the server.
@Suite struct CloneSetPlanExecutorTests {
    /// A created pod's settling write goes out on the version its create returned: exactly one write after the
    /// create, with the condition and the lifecycle state; a settling write that fails does not fail the step.
    @Test func aCreatedPodIsSettledInOneWriteOnTheCreatedVersion() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let executor = CloneSetPlanExecutor(
            client: client, expectations: CloneSetExpectations(), recorder: nil, logger: Logger(label: "test"))
        let cloneSet = Fixtures.cloneSet(2, 0, 1, 0)
        let pods = ["web-aaaaa", "web-bbbbb"].map { name in
            var pod = CloneSetPodFactory.pod(
                owner: cloneSet, templateSource: cloneSet, revision: Fixtures.newRevision, instanceID: String(name.suffix(5)),
                now: Fixtures.now)
            pod.metadata.name = name
            return pod
        }
        let settling = CloneSetPodSettling(state: .normal, now: Fixtures.now)
        let start = try await client.list(Pod.self, namespace: "default").resourceVersion
        let events = try await client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: start))
        let step: [CloneSetAction] = pods.flatMap { [.createPod($0), .settleCreatedPod(ObjectIdentity(of: $0), settling)] }
        let execution = await executor.execute([step], cloneSet: cloneSet, updateRevision: Fixtures.newRevision)
        #expect(execution.succeeded)
        for pod in pods {
            let stored = try await client.get(Pod.self, namespace: "default", name: pod.name)
            #expect(execution.written[ObjectKey(stored)] == stored.metadata.resourceVersion)  // the settling write's
            #expect(stored.metadata.labels[KruiseKeys.lifecycleState] == "Normal")
            #expect(stored.status.conditions[type: KruiseKeys.inPlaceUpdateReady]?.status == "True")
            #expect(stored.status.phase == "Pending")  // the server's status kept, the condition added
            try await client.delete(Pod.self, namespace: "default", name: pod.name)
        }
        // Each pod: its creation, one write, its deletion (the settling write went out on the created version).
        var seen: [String: [String]] = [:]
        for try await event in events {
            seen[event.object.name, default: []].append(event.type.rawValue)
            if seen.values.filter({ $0.last == "DELETED" }).count == pods.count { break }
        }
        #expect(seen == Dictionary(uniqueKeysWithValues: pods.map { ($0.name, ["ADDED", "MODIFIED", "DELETED"]) }))

        // A settling write for a pod whose create did not happen in the sequence has nothing to work from.
        let orphan = [CloneSetAction.settleCreatedPod(ObjectIdentity(of: pods[0]), settling)]
        #expect(await executor.run([orphan], cloneSet: cloneSet, updateRevision: Fixtures.newRevision))
        await client.shutdown()
    }
}
