import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import Testing

/// The CloneSet controller against the embedded API server with three simulated nodes running its pods.
/// Every wait polls with a generous timeout; no test asserts how long anything took.
@Suite("CloneSet controller, end to end", .serialized)
struct CloneSetIntegrationTests {
    static func spec(replicas: Int, strategy: String = "ReCreate", image: String = "nginx:1.25", extra: String = "") -> String {
        """
        replicas: \(replicas)
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: main, image: "\(image)"}
        updateStrategy: {type: \(strategy)\(extra)}
        """
    }

    @Test func scalesUpDownAndDeletesNamedPods() async throws {
        try await CloneSetTestCluster.run { cluster in
            try await cluster.createCloneSet(Self.spec(replicas: 5))
            #expect(await cluster.waitForPods(5))
            let pods = await cluster.pods()
            for pod in pods {
                #expect(pod.metadata.labels[KruiseKeys.cloneSetInstanceID]?.isEmpty == false)
                #expect(pod.metadata.labels[KruiseKeys.controllerRevisionHash]?.hasPrefix("web-") == true)
                #expect(pod.metadata.controllerReference?.kind == "CloneSet")
                #expect(pod.name == "web-" + (pod.metadata.labels[KruiseKeys.cloneSetInstanceID] ?? ""))
            }
            #expect(await cluster.waitForStatus { status, cloneSet in
                status.replicas == 5 && status.readyReplicas == 5 && status.availableReplicas == 5
                    && status.updatedReplicas == 5 && status.updatedReadyReplicas == 5
                    && status.observedGeneration == cloneSet.metadata.generation
                    && status.updateRevision != nil && status.currentRevision == status.updateRevision
            })

            // Scale in: three go, and no more.
            try await cluster.patchCloneSet(#"{"spec":{"replicas":2}}"#)
            #expect(await cluster.waitForPods(2))
            #expect(await cluster.waitForStatus { status, _ in status.replicas == 2 && status.readyReplicas == 2 })
            try await Task.sleep(for: .seconds(1))
            #expect(await cluster.pods().count == 2)

            // podsToDelete: the named pod goes and is replaced; the name is dropped from the list.
            let victim = try #require(await cluster.pods().first)
            try await cluster.patchCloneSet(#"{"spec":{"scaleStrategy":{"podsToDelete":["\#(victim.name)"]}}}"#)
            #expect(await cluster.waitForPods(2) { $0.name != victim.name })
            #expect(await cluster.waitForStatus { _, cloneSet in cloneSet.spec.scaleStrategy.podsToDelete.isEmpty })
            #expect(await cluster.waitForStatus { status, _ in status.replicas == 2 && status.availableReplicas == 2 })
        }
    }

    @Test func inPlaceUpdateKeepsPodsAndHonoursPartition() async throws {
        try await CloneSetTestCluster.run { cluster in
            try await cluster.createCloneSet(Self.spec(replicas: 5, strategy: "InPlaceIfPossible"))
            #expect(await cluster.waitForPods(5))
            #expect(await cluster.waitForStatus { status, _ in status.updatedReadyReplicas == 5 })
            let before = Dictionary(uniqueKeysWithValues: await cluster.pods().map { ($0.name, $0.metadata.uid ?? "") })
            let firstRevision = await cluster.cloneSet()?.status.updateRevision

            // Partition 3 of 5: exactly two pods move to the new image, in place.
            try await cluster.patchCloneSet(
                #"{"spec":{"updateStrategy":{"partition":3},"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.27"}]}}}}"#)
            #expect(await cluster.waitForStatus { status, _ in
                status.updatedReplicas == 2 && status.updatedReadyReplicas == 2 && status.readyReplicas == 5
                    && status.expectedUpdatedReplicas == 2
            })
            try await Task.sleep(for: .seconds(1))
            let partial = await cluster.pods()
            #expect(partial.count(where: { $0.firstImage == "nginx:1.27" }) == 2)
            #expect(await cluster.cloneSet()?.status.updatedReplicas == 2)

            // Partition 0: the rest follow; same pods, restarted containers.
            try await cluster.patchCloneSet(#"{"spec":{"updateStrategy":{"partition":0}}}"#)
            #expect(await cluster.waitForPods(5) { $0.firstImage == "nginx:1.27" && $0.firstRestartCount >= 1 })
            #expect(await cluster.waitForStatus { status, _ in
                status.updatedReplicas == 5 && status.updatedReadyReplicas == 5 && status.readyReplicas == 5
                    && status.updateRevision == status.currentRevision && status.updateRevision != firstRevision
            })
            let after = Dictionary(uniqueKeysWithValues: await cluster.pods().map { ($0.name, $0.metadata.uid ?? "") })
            #expect(after == before)
        }
    }

    @Test func reCreateUpdateReplacesPods() async throws {
        try await CloneSetTestCluster.run { cluster in
            try await cluster.createCloneSet(Self.spec(replicas: 5))
            #expect(await cluster.waitForPods(5))
            #expect(await cluster.waitForStatus { status, _ in status.availableReplicas == 5 })
            let before = Set(await cluster.pods().compactMap(\.metadata.uid))

            try await cluster.patchCloneSet(#"{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.27"}]}}}}"#)
            #expect(await cluster.waitForPods(5) { $0.firstImage == "nginx:1.27" })
            #expect(await cluster.waitForStatus { status, _ in
                status.updatedReadyReplicas == 5 && status.replicas == 5 && status.updateRevision == status.currentRevision
            })
            let after = Set(await cluster.pods().compactMap(\.metadata.uid))
            #expect(after.isDisjoint(with: before))
        }
    }

    @Test func pausedStopsAnUpdate() async throws {
        try await CloneSetTestCluster.run { cluster in
            try await cluster.createCloneSet(Self.spec(replicas: 3, strategy: "InPlaceIfPossible", extra: ", paused: true"))
            #expect(await cluster.waitForPods(3))
            #expect(await cluster.waitForStatus { status, _ in status.updatedReadyReplicas == 3 })

            try await cluster.patchCloneSet(#"{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.27"}]}}}}"#)
            #expect(await cluster.waitForStatus { status, cloneSet in
                status.observedGeneration == cloneSet.metadata.generation && status.updatedReplicas == 0
                    && status.updateRevision != status.currentRevision
            })
            try await Task.sleep(for: .seconds(2))
            #expect(await cluster.pods().allSatisfy { $0.firstImage == "nginx:1.25" })
            #expect(await cluster.cloneSet()?.status.updatedReplicas == 0)

            try await cluster.patchCloneSet(#"{"spec":{"updateStrategy":{"paused":false}}}"#)
            #expect(await cluster.waitForPods(3) { $0.firstImage == "nginx:1.27" })
            #expect(await cluster.waitForStatus { status, _ in status.updatedReadyReplicas == 3 })
        }
    }
}
