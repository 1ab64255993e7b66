import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

@Suite struct NodeFleetTests {
    @Test func buildsNodesWithZonesLabelsAddressesAndCapacity() {
        let nodes = Fixtures.nodes(4)
        #expect(nodes.map(\.name) == ["kruise-node-1", "kruise-node-2", "kruise-node-3", "kruise-node-4"])
        #expect(nodes.map { $0.metadata.labels["topology.kubernetes.io/zone"] } == ["zone-a", "zone-b", "zone-c", "zone-a"])
        let first = nodes[0]
        let labels = first.metadata.labels
        #expect(labels["kubernetes.io/hostname"] == "kruise-node-1")
        #expect(labels["kubernetes.io/arch"] == "amd64")
        #expect(labels["kubernetes.io/os"] == "linux")
        #expect(labels["local.kruise.io/simulated"] == "true")
        #expect(first.status.capacity["cpu"] == Quantity(value: 8))
        #expect(first.status.allocatable["pods"] == Quantity(value: 110))
        #expect(first.status.allocatable["ephemeral-storage"] == Quantity("100Gi"))
        let ips = nodes.compactMap { $0.status.addresses.first { $0.type == "InternalIP" }?.address }
        #expect(Set(ips).count == 4)
        #expect(first.status.addresses.map(\.type) == ["InternalIP", "Hostname"])
        #expect(first.status.nodeInfo?["kubeletVersion"]?.stringValue == "v1.32.0")
        #expect(first.status.nodeInfo?["architecture"]?.stringValue == "amd64")
        #expect(first.status.conditions.map(\.type) == ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"])
        #expect(first.isReady)
        #expect(first.status.conditions[type: "Ready"]?.reason == "KubeletReady")
        #expect(first.status.conditions[type: "Ready"]?.lastHeartbeatTime == Fixtures.t0)
        #expect(first.spec.podCIDR == "10.244.0.0/24")
        #expect(nodes[1].spec.podCIDR == "10.244.1.0/24")
    }

    @Test func configurationMergesDefaultsAndPerNodeEntries() throws {
        let nodes = Fixtures.nodes(3, yaml: """
            defaults:
              labels: {tier: general}
              taints: [{key: dedicated, value: batch, effect: NoSchedule}]
              capacity: {cpu: 4, memory: 16Gi}
              allocatable: {cpu: 3900m}
            nodes:
              - {}
              - name: gpu-node
                zone: zone-z
                labels: {gpu: "true"}
                taints: []
                capacity: {nvidia.com/gpu: "2"}
            """)
        #expect(nodes[0].metadata.labels["tier"] == "general")
        #expect(nodes[0].spec.taints.map(\.key) == ["dedicated"])
        #expect(nodes[0].status.capacity["cpu"] == Quantity(value: 4))
        #expect(nodes[0].status.allocatable["cpu"] == Quantity("3900m"))
        #expect(nodes[0].status.allocatable["memory"] == Quantity("16Gi"))
        #expect(nodes[0].status.allocatable["pods"] == Quantity(value: 110))
        #expect(nodes[1].name == "gpu-node")
        #expect(nodes[1].metadata.labels["kubernetes.io/hostname"] == "gpu-node")
        #expect(nodes[1].metadata.labels["topology.kubernetes.io/zone"] == "zone-z")
        #expect(nodes[1].metadata.labels["gpu"] == "true")
        #expect(nodes[1].spec.taints.isEmpty)
        #expect(nodes[1].status.allocatable["nvidia.com/gpu"] == Quantity(value: 2))
        #expect(nodes[2].name == "kruise-node-3")
    }

    @Test(arguments: [
        ("nodes: 3", "nodes: expected an array, got number"),
        ("defaults: {capacity: {cpu: lots}}", "defaults.capacity.cpu: invalid quantity \"lots\""),
        ("defaults: {taints: [{key: a, effect: Sometimes}]}", "defaults.taints[0].effect: must be NoSchedule, PreferNoSchedule or NoExecute"),
        ("defaults: {colour: red}", "defaults.colour: unknown member"),
        ("extra: 1", "extra: unknown member"),
    ])
    func configurationErrors(yaml: String, message: String) {
        #expect(throws: NodeConfigurationError.self) { try NodeConfiguration(yaml: yaml) }
        do {
            _ = try NodeConfiguration(yaml: yaml)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func heartbeatLeaseAndStoppedKubelet() throws {
        var node = Fixtures.nodes(1)[0]
        var metadata = node.metadata
        metadata.uid = "node-uid"
        node.metadata = metadata
        let later = Fixtures.t0.adding(seconds: 30)

        let patch = NodeStatusUpdates.heartbeatStatusPatch(for: node, now: later)
        let conditions = try [Condition](json: patch["status"]!["conditions"]!)
        #expect(conditions.count == 4)
        #expect(conditions.allSatisfy { $0.lastHeartbeatTime == later && $0.lastTransitionTime == Fixtures.t0 })

        let lease = NodeStatusUpdates.lease(for: node, now: later)
        #expect(lease.namespace == "kube-node-lease")
        #expect(lease.name == node.name)
        #expect(lease.spec.holderIdentity == node.name)
        #expect(lease.spec.leaseDurationSeconds == 40)
        #expect(lease.spec.renewTime == MicroTime(later))
        #expect(lease.metadata.ownerReferences.first?.kind == "Node")
        #expect(lease.metadata.ownerReferences.first?.uid == "node-uid")

        let stopped = NodeStatusUpdates.markedStatusUnknown(node, now: later)
        for condition in stopped.status.conditions {
            #expect(condition.status == "Unknown")
            #expect(condition.reason == "NodeStatusUnknown")
            #expect(condition.message == "Kubelet stopped posting node status.")
            #expect(condition.lastTransitionTime == later)
            #expect(condition.lastHeartbeatTime == Fixtures.t0)
        }
        #expect(!stopped.isReady)

        // A kubelet that comes back posts Ready=True with a new transition time.
        let back = NodeStatusUpdates.healthyConditions(now: later.adding(seconds: 10), previous: stopped.status.conditions)
        #expect(back[type: "Ready"]?.status == "True")
        #expect(back[type: "Ready"]?.lastTransitionTime == later.adding(seconds: 10))
    }
}
