import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct WorkloadSpreadPlannerTests {
    static let t0 = KubeTime(seconds: 1_700_000_000)

    static func workloadSpread(_ subsets: [WorkloadSpreadSubset], kind: String = "CloneSet") -> WorkloadSpread {
        var ws = WorkloadSpread(metadata: ObjectMeta(name: "test-workloadSpread", namespace: "default"))
        ws.metadata.generation = 1
        let apiVersion = kind == "CloneSet" ? "apps.kruise.io/v1alpha1" : "apps/v1"
        ws.spec.targetRef = WorkloadSpreadTargetReference(apiVersion: apiVersion, kind: kind, name: "web")
        ws.spec.subsets = subsets
        return ws
    }

    /// A running pod of the workload, matched to `subset` (capitalized keys, as upstream's tests write them).
    static func pod(_ name: String, subset: String?, version: String, ownerKind: String = "CloneSet", created: KubeTime = t0) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        pod.metadata.labels = [KruiseKeys.podTemplateHash: version]
        if let subset {
            pod.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: #"{"Name":"test-workloadSpread","Subset":"\#(subset)"}"#]
        }
        var owner = OwnerReference()
        owner.kind = ownerKind
        owner.name = "web"
        owner.controller = true
        pod.metadata.ownerReferences = [owner]
        pod.metadata.creationTimestamp = created
        pod.spec.nodeName = "node-1"
        pod.status.phase = "Running"
        return pod
    }

    /// Upstream's `TestWorkloadSpreadReconcile` case "multiVersion pods" (kruise-features §4.2).
    @Test func multiVersionPods() throws {
        let ws = Self.workloadSpread([WorkloadSpreadSubset(name: "subset-a", maxReplicas: 3), WorkloadSpreadSubset(name: "subset-b")])
        let pods = (0..<10).map { index in
            Self.pod("test-pod-\(index)", subset: index < 6 ? "subset-a" : "subset-b", version: index % 2 == 0 ? "oldVersion" : "newVersion")
        }
        let plan = WorkloadSpreadPlanner.plan(ws, pods: pods, workloadReplicas: 10, latestVersion: "newVersion", now: Self.t0)
        let status = try #require(plan.status)
        #expect(status.observedGeneration == 1)
        #expect(status.subsetStatuses.map(\.name) == ["subset-a", "subset-b"])
        #expect(status.subsetStatuses.map(\.replicas) == [6, 4])
        #expect(status.subsetStatuses.map(\.missingReplicas) == [0, -1])
        for version in ["oldVersion", "newVersion"] {
            let bucket = try #require(status.versionedSubsetStatuses[version])
            #expect(bucket.map(\.replicas) == [3, 2])
            #expect(bucket.map(\.missingReplicas) == [0, -1])
        }
        var expected: [String: String] = [:]
        for index in 0..<10 {
            let old = index % 2 == 0, inA = index < 6
            expected["test-pod-\(index)"] = (old == inA) ? "100" : "200"
        }
        #expect(plan.deletionCosts == expected)
        #expect(plan.podsToDelete.isEmpty)
        #expect(plan.requeueAfter == nil)

        // Applied, the same inputs plan nothing more.
        var settled = ws
        settled.status = status
        let costed = pods.map { pod in
            var copy = pod
            copy.metadata.annotations[KruiseKeys.podDeletionCost] = expected[pod.name]
            return copy
        }
        let again = WorkloadSpreadPlanner.plan(settled, pods: costed, workloadReplicas: 10, latestVersion: "newVersion", now: Self.t0)
        #expect(again.status == nil)
        #expect(again.deletionCosts.isEmpty)
    }

    /// The e2e "elastic deploy for deployment, zone-a=2, zone-b=nil" at 6 replicas, then a rollout with surge.
    @Test func zoneCostsAcrossARollout() {
        let ws = Self.workloadSpread([WorkloadSpreadSubset(name: "zone-a", maxReplicas: 2), WorkloadSpreadSubset(name: "zone-b")], kind: "Deployment")
        let v1 = (0..<6).map { Self.pod("v1-\($0)", subset: $0 < 2 ? "zone-a" : "zone-b", version: "v1", ownerKind: "ReplicaSet") }
        let plan = WorkloadSpreadPlanner.plan(ws, pods: v1, workloadReplicas: 6, latestVersion: "v1", now: Self.t0)
        #expect(plan.deletionCosts == ["v1-0": "200", "v1-1": "200", "v1-2": "100", "v1-3": "100", "v1-4": "100", "v1-5": "100"])
        #expect(plan.status?.subsetStatuses.map(\.missingReplicas) == [0, -1])

        // Two v2 surge pods went to zone-a: now v1 pods in zone-a are the cheapest to delete.
        let v2 = [Self.pod("v2-0", subset: "zone-a", version: "v2", ownerKind: "ReplicaSet"), Self.pod("v2-1", subset: "zone-a", version: "v2", ownerKind: "ReplicaSet")]
        let rolling = WorkloadSpreadPlanner.plan(ws, pods: v1 + v2, workloadReplicas: 6, latestVersion: "v2", now: Self.t0)
        #expect(rolling.deletionCosts["v1-0"] == "100")
        #expect(rolling.deletionCosts["v1-2"] == "200")
        #expect(rolling.deletionCosts["v2-0"] == "200")
        #expect(rolling.status?.subsetStatuses.map(\.replicas) == [4, 4])
    }

    @Test func overMaxAndStrayPodsGetNegativeCosts() {
        let ws = Self.workloadSpread([WorkloadSpreadSubset(name: "a", maxReplicas: 1), WorkloadSpreadSubset(name: "b", maxReplicas: 1)])
        var pending = Self.pod("a-pending", subset: "a", version: "v")
        pending.spec.nodeName = nil
        pending.status.phase = "Pending"
        let pods = [Self.pod("a-running", subset: "a", version: "v"), pending, Self.pod("stray", subset: nil, version: "v"),
                    Self.pod("gone-subset", subset: "deleted", version: "v")]
        let plan = WorkloadSpreadPlanner.plan(ws, pods: pods, workloadReplicas: 2, latestVersion: "v", now: Self.t0)
        #expect(plan.deletionCosts == ["a-running": "200", "a-pending": "-100", "stray": "-300", "gone-subset": "-300"])
        // Jobs get no deletion costs.
        var job = ws
        job.spec.targetRef = WorkloadSpreadTargetReference(apiVersion: "batch/v1", kind: "Job", name: "web")
        #expect(WorkloadSpreadPlanner.plan(job, pods: pods, workloadReplicas: 2, latestVersion: "v", now: Self.t0).deletionCosts.isEmpty)
        // An unknown latest version (CloneSet not yet observed): no costs, status still computed.
        let unknown = WorkloadSpreadPlanner.plan(ws, pods: pods, workloadReplicas: 2, latestVersion: nil, now: Self.t0)
        #expect(unknown.deletionCosts.isEmpty)
        #expect(unknown.status != nil)
    }

    @Test func creatingAndDeletingRecordsExpire() throws {
        var ws = Self.workloadSpread([WorkloadSpreadSubset(name: "a", maxReplicas: 3), WorkloadSpreadSubset(name: "b")])
        var a = WorkloadSpreadSubsetStatus(name: "a", missingReplicas: 0)
        a.creatingPods = ["seen": Self.t0, "uid-7": Self.t0, "late": Self.t0.adding(seconds: -31), "pending": Self.t0.adding(seconds: -10)]
        a.deletingPods = ["kept": Self.t0.adding(seconds: -5), "stuck": Self.t0.adding(seconds: -16)]
        ws.status.versionedSubsetStatuses = ["v": [a, WorkloadSpreadSubsetStatus(name: "b", missingReplicas: -1)]]
        var generated = Self.pod("web-x1", subset: nil, version: "v")
        generated.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: #"{"name":"test-workloadSpread","subset":"a","uid":"uid-7"}"#]
        let pods = [Self.pod("seen", subset: "a", version: "v"), generated, Self.pod("kept", subset: "a", version: "v"), Self.pod("stuck", subset: "a", version: "v")]
        let plan = WorkloadSpreadPlanner.plan(ws, pods: pods, workloadReplicas: 4, latestVersion: "v", now: Self.t0)
        let bucket = try #require(plan.status?.versionedSubsetStatuses["v"]?.first)
        #expect(bucket.replicas == 4)
        #expect(bucket.creatingPods == ["pending": Self.t0.adding(seconds: -10)])
        #expect(bucket.deletingPods == ["kept": Self.t0.adding(seconds: -5)])
        // 3 − 4 active → 0, +1 for the pod being deleted, −1 for the pod still being created.
        #expect(bucket.missingReplicas == 0)
        #expect(plan.requeueAfter == .seconds(10))
        #expect(plan.events.map(\.reason).sorted() == ["CreatePodFailed", "DeletePodFailed"])
        #expect(plan.events.contains { $0.message == "Pod default/late was expected to be created but it wasn't" })
        // A version with no pods left but live records is kept; one with nothing is dropped.
        ws.status.versionedSubsetStatuses["gone"] = [WorkloadSpreadSubsetStatus(name: "a", missingReplicas: 3)]
        let dropped = WorkloadSpreadPlanner.plan(ws, pods: pods, workloadReplicas: 4, latestVersion: "v", now: Self.t0)
        #expect(dropped.status?.versionedSubsetStatuses.keys.sorted() == ["v"])
    }

    @Test func adaptiveReschedulesAndRecovers() throws {
        var ws = Self.workloadSpread([WorkloadSpreadSubset(name: "a", maxReplicas: 2), WorkloadSpreadSubset(name: "b")], kind: "Deployment")
        var strategy = WorkloadSpreadScheduleStrategy()
        strategy.type = .adaptive
        var adaptive = AdaptiveWorkloadSpreadStrategy()
        adaptive.rescheduleCriticalSeconds = 30
        strategy.adaptive = adaptive
        ws.spec.scheduleStrategy = strategy
        var stuck = Self.pod("stuck", subset: "a", version: "v", ownerKind: "ReplicaSet")
        stuck.spec.nodeName = nil
        stuck.status.phase = "Pending"
        var scheduled = Condition(type: "PodScheduled", status: "False", reason: "Unschedulable")
        scheduled.lastTransitionTime = Self.t0
        stuck.status.conditions = [scheduled]

        let early = WorkloadSpreadPlanner.plan(ws, pods: [stuck], workloadReplicas: 2, latestVersion: "v", now: Self.t0.adding(seconds: 10))
        #expect(early.podsToDelete.isEmpty)
        #expect(early.requeueAfter == .seconds(20))
        #expect(early.status?.subsetStatuses.map { $0.conditions.first?.status } == ["True", "True"])

        let late = Self.t0.adding(seconds: 31)
        let timedOut = WorkloadSpreadPlanner.plan(ws, pods: [stuck], workloadReplicas: 2, latestVersion: "v", now: late)
        #expect(timedOut.podsToDelete == ["stuck"])
        let status = try #require(timedOut.status)
        let condition = try #require(status.subsetStatuses[0].conditions[type: "Schedulable"])
        #expect(condition.status == "False")
        #expect(condition.lastTransitionTime == late)
        #expect(status.subsetStatuses[1].isSchedulable)
        // The version bucket carries the condition too, so the webhook skips subset a.
        ws.status = status
        #expect(ws.status.versionedSubsetStatuses["v"]?[0].isSchedulable == false)
        var next = Self.pod("next", subset: nil, version: "v", ownerKind: "ReplicaSet")
        next.metadata.annotations = [:]
        let placement = try WorkloadSpreadAllocator.place(next, in: ws, podVersion: "v", workloadReplicas: 2, now: late, generateUID: { "u" })
        #expect(placement.subset == "b")

        // The stuck pod is gone: the subset stays unschedulable for five minutes after the transition.
        let waiting = WorkloadSpreadPlanner.plan(ws, pods: [], workloadReplicas: 2, latestVersion: "v", now: late.adding(seconds: 100))
        let waitingStatus = waiting.status ?? ws.status
        #expect(waitingStatus.subsetStatuses[0].isSchedulable == false)
        #expect(waiting.requeueAfter == .seconds(200))
        let recovered = WorkloadSpreadPlanner.plan(ws, pods: [], workloadReplicas: 2, latestVersion: "v", now: late.adding(seconds: 301))
        #expect(recovered.status?.subsetStatuses[0].isSchedulable == true)
        #expect(recovered.events.map(\.reason) == ["RecoverSchedulable"])
    }

    @Test func podsCreatedBeforeTheWorkloadSpreadAreAdoptedByNode() throws {
        var zoneA = WorkloadSpreadSubset(name: "zone-a", maxReplicas: 1)
        zoneA.requiredNodeSelectorTerm = NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "zone", operator: "In", values: ["a"])])
        zoneA.patch = ["metadata": ["labels": ["subset": "zone-a"]]]
        var zoneB = WorkloadSpreadSubset(name: "zone-b")
        zoneB.requiredNodeSelectorTerm = NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "zone", operator: "In", values: ["b"])])
        let ws = Self.workloadSpread([zoneA, zoneB])
        var node = Node(metadata: ObjectMeta(name: "node-1"))
        node.metadata.labels = ["zone": "a"]
        let old = Self.pod("old", subset: nil, version: "v")
        let plan = WorkloadSpreadPlanner.plan(ws, pods: [old], workloadReplicas: 2, latestVersion: "v", nodes: ["node-1": node], now: Self.t0)
        let patch = try #require(plan.podPatches["old"])
        #expect(patch["metadata"]?["labels"]?["subset"] == "zone-a")
        #expect(patch["metadata"]?["annotations"]?[KruiseKeys.matchedWorkloadSpread] == #"{"name":"test-workloadSpread","subset":"zone-a"}"#)
        #expect(plan.status?.subsetStatuses.map(\.replicas) == [1, 0])
        #expect(plan.deletionCosts == ["old": "200"])
        // Without the node the pod stays in no subset.
        let unknown = WorkloadSpreadPlanner.plan(ws, pods: [old], workloadReplicas: 2, latestVersion: "v", now: Self.t0)
        #expect(unknown.podPatches.isEmpty)
        #expect(unknown.deletionCosts == ["old": "-300"])
    }
}
