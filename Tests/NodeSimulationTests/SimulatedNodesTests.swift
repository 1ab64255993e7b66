import LocalClusterTestSupport
import ControllerRuntime
import KubeClient
import ContainerRuntime
import KubeJSON
import KubeModel
import NodeSimulation
import Testing

/// The simulated nodes against a real (in-process, HTTPS) API server: registration, leases, scheduling, the
/// kubelet's pod lifecycle and the node lifecycle controller. Timeouts are generous and no test bounds
/// elapsed time: the machine may be loaded.
@Suite("Simulated nodes", .serialized)
struct SimulatedNodesTests {
    @Test func registersNodesAcrossZonesAndRenewsLeases() async throws {
        try await SimulationHarness.run { harness in
            let names = ["kruise-node-1", "kruise-node-2", "kruise-node-3"]
            #expect(await eventually {
                let nodes = (try? await harness.client.list(Node.self).items) ?? []
                return nodes.count == 3 && nodes.allSatisfy(\.isReady)
            })
            let nodes = try await harness.client.list(Node.self).items.sorted { $0.name < $1.name }
            #expect(nodes.map(\.name) == names)
            #expect(nodes.map { $0.metadata.labels[SimulatedNodeLabels.zone] } == ["zone-a", "zone-b", "zone-c"])
            for node in nodes {
                #expect(node.metadata.labels[SimulatedNodeLabels.simulated] == "true")
                #expect(node.metadata.labels[SimulatedNodeLabels.hostname] == node.name)
                #expect(node.status.allocatable["cpu"] == Quantity(value: 8))
                #expect(node.spec.podCIDR != nil)
            }
            #expect(harness.nodes.imageService(forNode: "kruise-node-1") != nil)
            #expect(harness.nodes.imageService(forNode: "no-such-node") == nil)

            #expect(await eventually {
                let leases = (try? await harness.client.list(Lease.self, namespace: NodeStatusUpdates.leaseNamespace).items) ?? []
                return Set(leases.map(\.name)) == Set(names)
            })
            let first = try await harness.client.get(Lease.self, namespace: NodeStatusUpdates.leaseNamespace, name: "kruise-node-1")
            #expect(first.spec.holderIdentity == "kruise-node-1")
            #expect(first.spec.leaseDurationSeconds == 40)
            let renewed = try #require(first.spec.renewTime)
            #expect(await eventually {
                let lease = try? await harness.client.get(Lease.self, namespace: NodeStatusUpdates.leaseNamespace, name: "kruise-node-1")
                return (lease?.spec.renewTime).map { $0 > renewed } ?? false
            })
        }
    }

    @Test func schedulesABarePodThatRunsAndBecomesReadyWithUniqueIPs() async throws {
        try await SimulationHarness.run { harness in
            for index in 1...3 {
                try await harness.createPod(
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: web-\(index), namespace: default}
                    spec:
                      nodeSelector: {kubernetes.io/hostname: kruise-node-2}
                      containers: [{name: app, image: nginx:1.25, resources: {requests: {cpu: 100m}}}]
                    """
                )
            }
            for index in 1...3 {
                #expect(await harness.eventuallyPod("web-\(index)") { $0.isRunningAndReady })
            }
            let pods = try await harness.client.list(Pod.self, namespace: "default").items
            #expect(pods.count == 3)
            #expect(Set(pods.compactMap(\.status.podIP)).count == 3)
            for pod in pods {
                #expect(pod.spec.nodeName == "kruise-node-2")
                #expect(pod.status.conditions[type: "PodScheduled"]?.status == "True")
                #expect(pod.status.hostIP != nil)
                let container = try #require(pod.status.containerStatuses.first)
                #expect(container.containerID?.hasPrefix("containerd://") == true)
                #expect(container.imageID?.hasPrefix("docker.io/library/nginx@sha256:") == true)
                #expect(container.restartCount == 0)
            }
            let images = harness.nodes.imageService(forNode: "kruise-node-2")?.listImages() ?? []
            #expect(images.contains { $0.repoTags.contains("docker.io/library/nginx:1.25") })
        }
    }

    @Test func podWithUnsatisfiableNodeSelectorStaysPendingUntilANodeMatches() async throws {
        try await SimulationHarness.run { harness in
            #expect(await eventually { ((try? await harness.client.list(Node.self).items) ?? []).count == 3 })
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: picky, namespace: default}
                spec:
                  nodeSelector: {disk: ssd}
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            // The first verdict may come from a scheduler cache that has not seen every node yet; the message
            // is rewritten when the next attempt sees all three.
            let expectedMessage =
                "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
            #expect(await harness.eventuallyPod("picky") { $0.status.conditions[type: "PodScheduled"]?.message == expectedMessage })
            let pod = try #require(await harness.pod("picky"))
            let condition = try #require(pod.status.conditions[type: "PodScheduled"])
            #expect(condition.reason == "Unschedulable")
            #expect(condition.message == expectedMessage)
            #expect(pod.spec.nodeName == nil)
            #expect(pod.status.phase == "Pending")

            // A node gaining the label makes it schedulable.
            _ = try await harness.client.patch(
                Node.self, name: "kruise-node-3", type: .merge, body: Array(#"{"metadata":{"labels":{"disk":"ssd"}}}"#.utf8)
            )
            #expect(await harness.eventuallyPod("picky") { $0.spec.nodeName == "kruise-node-3" && $0.isRunningAndReady })
        }
    }

    @Test func inPlaceImageChangeRestartsTheContainerAndKeepsTheUID() async throws {
        try await SimulationHarness.run { harness in
            let created = try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: inplace, namespace: default}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("inplace") { $0.isRunningAndReady })
            let before = try #require(await harness.pod("inplace")?.status.containerStatuses.first)
            _ = try await harness.client.patch(
                Pod.self,
                namespace: "default",
                name: "inplace",
                type: .strategicMerge,
                body: Array(#"{"spec":{"containers":[{"name":"app","image":"nginx:1.26"}]}}"#.utf8)
            )
            #expect(await harness.eventuallyPod("inplace") { pod in
                let status = pod.status.containerStatuses.first
                return status?.restartCount == 1 && status?.image == "docker.io/library/nginx:1.26" && pod.isRunningAndReady
            })
            let after = try #require(await harness.pod("inplace"))
            #expect(after.metadata.uid == created.metadata.uid)
            #expect(after.status.containerStatuses.first?.containerID != before.containerID)
            #expect(after.status.containerStatuses.first?.imageID != before.imageID)
        }
    }

    @Test func deletedPodsAreStoppedByTheKubeletThenRemoved() async throws {
        try await SimulationHarness.run { harness in
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: graceful, namespace: default}
                spec:
                  terminationGracePeriodSeconds: 5
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("graceful") { $0.isRunningAndReady })
            try await harness.client.delete(Pod.self, namespace: "default", name: "graceful", options: DeleteOptions(gracePeriodSeconds: 5))
            #expect(await eventually { await harness.pod("graceful") == nil })

            // A finalizer keeps the pod after the kubelet's final delete, showing what the kubelet did: its
            // containers stopped and the pod finished.
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: held, namespace: default, finalizers: [test.kruise.io/hold]}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("held") { $0.isRunningAndReady })
            try await harness.client.delete(Pod.self, namespace: "default", name: "held")
            #expect(await harness.eventuallyPod("held") { pod in
                pod.metadata.isBeingDeleted && pod.status.phase == "Succeeded"
                    && pod.status.containerStatuses.first?.state?["terminated"]?["exitCode"] == 0
                    && pod.status.conditions[type: "Ready"]?.status == "False"
            })
            _ = try await harness.client.patch(
                Pod.self, namespace: "default", name: "held", type: .merge, body: Array(#"{"metadata":{"finalizers":null}}"#.utf8)
            )
            #expect(await eventually { await harness.pod("held") == nil })
        }
    }

    @Test func podWithRestartPolicyNeverSucceeds() async throws {
        try await SimulationHarness.run { harness in
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: once, namespace: default}
                spec:
                  restartPolicy: Never
                  containers: [{name: job, image: busybox:1.36}]
                """
            )
            #expect(await harness.eventuallyPod("once") { $0.status.phase == "Succeeded" })
            let pod = try #require(await harness.pod("once"))
            #expect(pod.status.containerStatuses.first?.state?["terminated"]?["reason"] == "Completed")
            #expect(pod.status.containerStatuses.first?.restartCount == 0)
        }
    }

    @Test func stoppedNodeTurnsNotReadyAndItsPodsUnready() async throws {
        try await SimulationHarness.run { harness in
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: victim, namespace: default}
                spec:
                  nodeSelector: {kubernetes.io/hostname: kruise-node-1}
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("victim") { $0.isRunningAndReady })
            _ = try await harness.client.patch(
                Node.self,
                name: "kruise-node-1",
                type: .merge,
                body: Array(#"{"metadata":{"annotations":{"local.kruise.io/stopped":"true"}}}"#.utf8)
            )
            #expect(await eventually {
                guard let node = await harness.node("kruise-node-1") else { return false }
                return node.status.conditions[type: "Ready"]?.status == "Unknown"
                    && node.spec.taints.contains { $0.key == NodeLifecyclePlanner.unreachableTaintKey && $0.effect == "NoExecute" }
            })
            let node = try #require(await harness.node("kruise-node-1"))
            #expect(node.status.conditions[type: "Ready"]?.reason == NodeStatusUpdates.statusUnknownReason)
            #expect(await harness.eventuallyPod("victim") { $0.status.conditions[type: "Ready"]?.status == "False" })
            #expect(await harness.node("kruise-node-2")?.isReady == true)

            // Resuming the kubelet: the node turns Ready, the taints go and the pod is Ready again.
            _ = try await harness.client.patch(
                Node.self,
                name: "kruise-node-1",
                type: .merge,
                body: Array(#"{"metadata":{"annotations":{"local.kruise.io/stopped":null}}}"#.utf8)
            )
            #expect(await eventually {
                guard let node = await harness.node("kruise-node-1") else { return false }
                return node.isReady && node.spec.taints.isEmpty
            })
            #expect(await harness.eventuallyPod("victim") { $0.isRunningAndReady })
        }
    }

    @Test func labelledNodesJoinAndDeletedNodesLeave() async throws {
        try await SimulationHarness.run(nodeCount: 1) { harness in
            var extra = Node(metadata: ObjectMeta(name: "extra-node"))
            extra.metadata.labels = [SimulatedNodeLabels.simulated: "true"]
            _ = try await harness.client.create(extra)
            #expect(await eventually {
                guard let node = await harness.node("extra-node") else { return false }
                return node.isReady && node.spec.podCIDR != nil && node.status.allocatable["pods"] != nil
            })
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: on-extra, namespace: default}
                spec:
                  nodeSelector: {kubernetes.io/hostname: extra-node}
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("on-extra") { $0.isRunningAndReady })
            #expect(harness.nodes.nodeNames.contains("extra-node"))
            try await harness.client.delete(Node.self, name: "extra-node")
            #expect(await eventually { await harness.pod("on-extra") == nil })
            #expect(await eventually { !harness.nodes.nodeNames.contains("extra-node") })
        }
    }

    @Test func restartKeepsExistingNodesAndTheirPods() async throws {
        try await SimulationHarness.run { harness in
            try await harness.createPod(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: survivor, namespace: default}
                spec:
                  containers: [{name: app, image: nginx:1.25}]
                """
            )
            #expect(await harness.eventuallyPod("survivor") { $0.isRunningAndReady })
            let before = try await harness.client.list(Node.self).items
            let pod = try #require(await harness.pod("survivor"))

            // A second process over the same API server (the first one's controllers stopped).
            harness.run.cancel()
            _ = try? await harness.run.value
            let client = try harness.server.client()
            let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
            _ = await SimulatedNodes(
                client: client,
                manager: manager,
                fleet: NodeFleetOptions(count: 3),
                timings: .fast,
                leaseRenewInterval: .seconds(1),
                logger: quietLogger()
            )
            let run = Task { try await manager.run() }
            let renewed = try #require(
                try await harness.client.get(Lease.self, namespace: NodeStatusUpdates.leaseNamespace, name: "kruise-node-1").spec.renewTime
            )
            #expect(await eventually {
                let lease = try? await client.get(Lease.self, namespace: NodeStatusUpdates.leaseNamespace, name: "kruise-node-1")
                return (lease?.spec.renewTime).map { $0 > renewed } ?? false
            })
            let after = try await client.list(Node.self).items
            #expect(Set(after.compactMap(\.metadata.uid)) == Set(before.compactMap(\.metadata.uid)))
            let kept = try #require(await harness.pod("survivor"))
            #expect(kept.metadata.uid == pod.metadata.uid)
            #expect(kept.spec.nodeName == pod.spec.nodeName)
            #expect(kept.isRunningAndReady)
            run.cancel()
            _ = try? await run.value
            await client.shutdown()
        }
    }
}
