import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct WorkloadSpreadAllocatorTests {
    typealias F = WorkloadSpreadFixtures

    /// Admits one pod as the webhook would, writing the returned status back.
    static func admit(
        _ pod: Pod, into ws: inout WorkloadSpread, replicas: Int, uids: F.UIDs, at now: KubeTime = F.t0
    ) throws -> WorkloadSpreadPodPlacement {
        let placement = try WorkloadSpreadAllocator.place(
            pod, in: ws, podVersion: WorkloadSpreadVersion.of(pod), workloadReplicas: replicas, now: now,
            generateUID: uids.make)
        if let status = placement.status { ws.status = status }
        return placement
    }

    @Test func zoneAFillsFirstThenZoneB() throws {
        var ws = F.zones()
        let uids = F.UIDs()
        var subsets: [String?] = []
        for _ in 0..<2 { subsets.append(try Self.admit(F.replicaSetPod(hash: "v1"), into: &ws, replicas: 2, uids: uids).subset) }
        #expect(subsets == ["zone-a", "zone-a"])
        let bucket = try #require(ws.status.versionedSubsetStatuses["v1"])
        #expect(bucket[0].missingReplicas == 0)
        #expect(bucket[0].creatingPods == ["uid-1": F.t0, "uid-2": F.t0])
        #expect(bucket[1].missingReplicas == -1)
        // Scaled to 6: zone-a is full, the rest go to zone-b without touching the status.
        for _ in 0..<4 {
            let placement = try Self.admit(F.replicaSetPod(hash: "v1"), into: &ws, replicas: 6, uids: uids)
            #expect(placement.subset == "zone-b")
            #expect(placement.status == nil)
            #expect(placement.generatedUID == nil)
        }
    }

    @Test func newVersionSurgesIntoZoneAWhileOldPodsStillSitThere() throws {
        var ws = F.zones()
        // The controller's view after the first rollout: zone-a full of v1 pods.
        var full = WorkloadSpreadSubsetStatus(name: "zone-a", replicas: 2, missingReplicas: 0)
        full.creatingPods = [:]
        ws.status.subsetStatuses = [full, WorkloadSpreadSubsetStatus(name: "zone-b", replicas: 4, missingReplicas: -1)]
        ws.status.versionedSubsetStatuses = ["v1": ws.status.subsetStatuses]
        let uids = F.UIDs()
        // Without versions the new pods would all land in zone-b; with versions v2 starts its own bucket.
        var subsets: [String?] = []
        for _ in 0..<3 { subsets.append(try Self.admit(F.replicaSetPod(hash: "v2"), into: &ws, replicas: 6, uids: uids).subset) }
        #expect(subsets == ["zone-a", "zone-a", "zone-b"])
        #expect(ws.status.versionedSubsetStatuses["v1"] == [full, WorkloadSpreadSubsetStatus(name: "zone-b", replicas: 4, missingReplicas: -1)])
        #expect(ws.status.versionedSubsetStatuses["v2"]?.map(\.missingReplicas) == [0, -1])
        // An old-version pod (the ReplicaSet replacing one) still finds zone-a full.
        #expect(try Self.admit(F.replicaSetPod(hash: "v1"), into: &ws, replicas: 6, uids: uids).subset == "zone-b")
    }

    @Test func injection() throws {
        var ws = F.zones()
        var subsets = ws.spec.subsets
        subsets[0].tolerations = [Toleration(object: ["key": "spot", "operator": "Exists"])]
        subsets[0].preferredNodeSelectorTerms = [
            PreferredSchedulingTerm(weight: 10, preference: NodeSelectorTerm(matchExpressions: [
                NodeSelectorRequirement(key: "disk", operator: "In", values: ["ssd"])
            ]))
        ]
        ws.spec.subsets = subsets
        var pod = F.replicaSetPod(hash: "v1", name: "web-v1-abcde")
        pod.spec.tolerations = [Toleration(object: ["key": "own", "operator": "Exists"])]
        var affinity = Affinity()
        var nodeAffinity = NodeAffinity()
        nodeAffinity.required = NodeSelector(terms: [
            NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "arch", operator: "In", values: ["amd64"])]),
            NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "arch", operator: "In", values: ["arm64"])]),
        ])
        affinity.nodeAffinity = nodeAffinity
        pod.spec.affinityRules = affinity

        let placement = try Self.admit(pod, into: &ws, replicas: 2, uids: F.UIDs())
        #expect(placement.subset == "zone-a")
        #expect(placement.generatedUID == nil)
        #expect(ws.status.versionedSubsetStatuses["v1"]?[0].creatingPods == ["web-v1-abcde": F.t0])
        let injected = placement.pod
        #expect(injected.spec.tolerations.map(\.key) == ["own", "spot"])
        let terms = try #require(injected.spec.affinityRules.nodeAffinity.required).nodeSelectorTerms
        #expect(terms.map { $0.matchExpressions.map(\.key) } == [["arch", "topology.kubernetes.io/zone"], ["arch", "topology.kubernetes.io/zone"]])
        #expect(injected.spec.affinityRules.nodeAffinity.preferred.map(\.weight) == [10])
        #expect(injected.metadata.labels["subset"] == "zone-a")
        #expect(injected.metadata.annotations[KruiseKeys.matchedWorkloadSpread] == #"{"name":"ws","subset":"zone-a"}"#)
        #expect(injected.spec.containers.map(\.name) == ["main"])

        // Admitted again (a webhook retry), the recorded pod keeps its subset and the status does not change.
        let again = try Self.admit(pod, into: &ws, replicas: 2, uids: F.UIDs())
        #expect(again.subset == "zone-a")
        #expect(again.status == nil)
    }

    @Test func podWithoutNameGetsGeneratedUIDInAnnotation() throws {
        var ws = F.zones()
        let placement = try Self.admit(F.replicaSetPod(hash: "v1"), into: &ws, replicas: 2, uids: F.UIDs())
        #expect(placement.generatedUID == "uid-1")
        #expect(placement.pod.metadata.annotations[KruiseKeys.matchedWorkloadSpread] == #"{"name":"ws","subset":"zone-a","uid":"uid-1"}"#)
        #expect(placement.pod.metadata.uid == nil)
    }

    @Test func unschedulableSubsetIsSkippedAndNoRoomMeansNoInjection() throws {
        var ws = F.zones()
        var zoneA = WorkloadSpreadSubsetStatus(name: "zone-a", missingReplicas: 2)
        zoneA.conditions = [Condition(type: "Schedulable", status: "False")]
        ws.status.versionedSubsetStatuses = ["v1": [zoneA, WorkloadSpreadSubsetStatus(name: "zone-b", missingReplicas: -1)]]
        #expect(try Self.admit(F.replicaSetPod(hash: "v1"), into: &ws, replicas: 2, uids: F.UIDs()).subset == "zone-b")

        var limited = F.zones()
        var subsets = limited.spec.subsets
        subsets[1].maxReplicas = 1
        limited.spec.subsets = subsets
        limited.status.versionedSubsetStatuses = ["v1": [
            WorkloadSpreadSubsetStatus(name: "zone-a", missingReplicas: 0),
            WorkloadSpreadSubsetStatus(name: "zone-b", missingReplicas: 0),
        ]]
        let pod = F.replicaSetPod(hash: "v1", name: "web-v1-x")
        let placement = try Self.admit(pod, into: &limited, replicas: 2, uids: F.UIDs())
        #expect(placement.subset == nil)
        #expect(placement.status == nil)
        #expect(placement.pod == pod)
    }

    @Test func singleUnlimitedSubsetAndStatefulSetOrdinals() throws {
        var single = F.zones()
        single.spec.subsets = [WorkloadSpreadSubset(name: "only")]
        let placement = try Self.admit(F.replicaSetPod(hash: "v1"), into: &single, replicas: 3, uids: F.UIDs())
        #expect(placement.subset == "only")
        #expect(placement.status == nil)

        var sts = F.zones(kind: "StatefulSet")
        sts.spec.subsets = [WorkloadSpreadSubset(name: "a", maxReplicas: 5), WorkloadSpreadSubset(name: "b", maxReplicas: 5), WorkloadSpreadSubset(name: "c")]
        func subset(_ ordinal: Int) throws -> String? {
            try WorkloadSpreadAllocator.place(
                F.replicaSetPod(hash: "v1", name: "web-\(ordinal)"), in: sts, podVersion: "x", workloadReplicas: 12,
                now: F.t0, generateUID: { "u" }
            ).subset
        }
        #expect(try [0, 4, 5, 9, 10, 42].map(subset) == ["a", "a", "b", "b", "c", "c"])
        sts.status.subsetStatuses = [{
            var a = WorkloadSpreadSubsetStatus(name: "a", missingReplicas: 0)
            a.conditions = [Condition(type: "Schedulable", status: "False")]
            return a
        }()]
        #expect(try [0, 4, 5].map(subset) == ["b", "b", "c"])
    }

    @Test func deletionIsBookedInThePodsVersionBucket() throws {
        var ws = F.zones()
        ws.status.versionedSubsetStatuses = ["v1": [
            WorkloadSpreadSubsetStatus(name: "zone-a", replicas: 2, missingReplicas: 0),
            WorkloadSpreadSubsetStatus(name: "zone-b", replicas: 1, missingReplicas: -1),
        ]]
        var pod = F.replicaSetPod(hash: "v1", name: "web-v1-a")
        pod.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: #"{"name":"ws","subset":"zone-a"}"#]
        let later = F.t0.adding(seconds: 5)
        let status = try #require(WorkloadSpreadAllocator.recordDeletion(of: pod, in: ws, podVersion: "v1", workloadReplicas: 2, now: later))
        #expect(status.versionedSubsetStatuses["v1"]?[0].missingReplicas == 1)
        #expect(status.versionedSubsetStatuses["v1"]?[0].deletingPods == ["web-v1-a": later])
        // Already recorded: nothing more.
        ws.status = status
        #expect(WorkloadSpreadAllocator.recordDeletion(of: pod, in: ws, podVersion: "v1", workloadReplicas: 2, now: later) == nil)
        // Unlimited subset, another WorkloadSpread, a terminating pod: nothing.
        var inB = pod
        inB.metadata.name = "web-v1-b"
        inB.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: #"{"name":"ws","subset":"zone-b"}"#]
        #expect(WorkloadSpreadAllocator.recordDeletion(of: inB, in: ws, podVersion: "v1", workloadReplicas: 2, now: later) == nil)
        var other = pod
        other.metadata.name = "web-v1-c"
        other.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: #"{"name":"other","subset":"zone-a"}"#]
        #expect(WorkloadSpreadAllocator.recordDeletion(of: other, in: ws, podVersion: "v1", workloadReplicas: 2, now: later) == nil)
        var terminating = pod
        terminating.metadata.name = "web-v1-d"
        terminating.metadata.deletionTimestamp = F.t0
        #expect(WorkloadSpreadAllocator.recordDeletion(of: terminating, in: ws, podVersion: "v1", workloadReplicas: 2, now: later) == nil)
        // A version without a bucket starts from the spec.
        var v2 = pod
        v2.metadata.name = "web-v2-a"
        let initialized = try #require(WorkloadSpreadAllocator.recordDeletion(of: v2, in: ws, podVersion: "v2", workloadReplicas: 2, now: later))
        #expect(initialized.versionedSubsetStatuses["v2"]?.map(\.missingReplicas) == [3, -1])
    }
}
