import BuiltinControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct ReplicaSetPlannerTests {
    let planner = ReplicaSetPlanner()

    @Test(arguments: [
        (desired: 0, existing: 0, batches: [Int]()),
        (desired: 1, existing: 0, batches: [1]),
        (desired: 3, existing: 0, batches: [1, 2]),
        (desired: 10, existing: 0, batches: [1, 2, 4, 3]),
        (desired: 10, existing: 7, batches: [1, 2]),
        (desired: 600, existing: 0, batches: [1, 2, 4, 8, 16, 32, 64, 128, 245]),
    ])
    func createsInSlowStartBatchesCappedAtBurst(desired: Int32, existing: Int, batches: [Int]) {
        let set = Fixtures.replicaSet("web-abc", replicas: desired)
        let pods = (0..<existing).map { Fixtures.rsPod("p\($0)", of: set) }
        let plan = planner.plan(replicaSet: set, pods: pods, now: Fixtures.now)
        #expect(plan.steps.map(\.count) == batches)
        #expect(plan.actions.count == min(batches.reduce(0, +), SlowStart.burstReplicas))
        for pod in Fixtures.createdPods(plan) {
            #expect(pod.metadata.generateName == "web-abc-")
            #expect(pod.metadata.name == nil)
            #expect(pod.namespace == "default")
            #expect(pod.metadata.labels == ["app": "web"])
            #expect(pod.spec.object["x-unknown-field"] == "kept")
            let reference = pod.metadata.ownerReferences.first
            #expect(reference?.controller == true && reference?.blockOwnerDeletion == true)
            #expect(reference?.uid == "uid-web-abc" && reference?.kind == "ReplicaSet")
        }
    }

    @Test func planIsIdempotent() {
        let set = Fixtures.replicaSet("web", replicas: 2)
        let pods = [Fixtures.rsPod("a", of: set), Fixtures.rsPod("b", of: set), Fixtures.rsPod("c", of: set)]
        #expect(planner.plan(replicaSet: set, pods: pods, now: Fixtures.now)
            == planner.plan(replicaSet: set, pods: pods, now: Fixtures.now))
    }

    @Test func ignoresTerminatingTerminatedAndForeignPods() {
        let set = Fixtures.replicaSet("web", replicas: 2)
        let other = Fixtures.replicaSet("other")
        let pods = [
            Fixtures.rsPod("a", of: set),
            Fixtures.rsPod("gone", of: set, deleting: true),
            Fixtures.rsPod("done", of: set, phase: "Succeeded"),
            Fixtures.rsPod("failed", of: set, phase: "Failed"),
            Fixtures.rsPod("foreign", of: other),
        ]
        let plan = planner.plan(replicaSet: set, pods: pods, now: Fixtures.now)
        #expect(Fixtures.createdPods(plan).count == 1)
        #expect(plan.status.replicas == 1)
    }

    /// Each row: two pods differing in one rule; the first named is deleted first.
    @Test(arguments: [
        ("unassigned", Fixtures.pod("unassigned", phase: "Pending", ready: false, node: nil), Fixtures.pod("assigned", phase: "Pending", ready: false)),
        ("pending", Fixtures.pod("pending", phase: "Pending", ready: false), Fixtures.pod("running", ready: false)),
        ("unknown", Fixtures.pod("unknown", phase: "Unknown", ready: false), Fixtures.pod("running", ready: false)),
        ("notready", Fixtures.pod("notready", ready: false), Fixtures.pod("ready")),
        ("cheap", Fixtures.pod("cheap", annotations: [PodDeletionOrder.deletionCostAnnotation: "-5"]), Fixtures.pod("costly", node: "node-b")),
        ("recentlyready", Fixtures.pod("recentlyready", readySince: 10, node: "node-b"), Fixtures.pod("longready", readySince: 100_000, node: "node-c")),
        ("restarts", Fixtures.pod("restarts", node: "node-b", restarts: 4), Fixtures.pod("stable", node: "node-c")),
        ("newer", Fixtures.pod("newer", readySince: 3600, node: "node-b", created: 5), Fixtures.pod("older", readySince: 3600, node: "node-c", created: 500_000)),
    ])
    func deletionRanking(expected: String, first: Pod, second: Pod) {
        for pods in [[first, second], [second, first]] {
            let victims = ReplicaSetPlanner.podsToDelete(pods, relatedPods: pods, count: 1, now: Fixtures.now)
            #expect(victims.map(\.name) == [expected])
        }
    }

    @Test func doubledUpPodsGoFirst() {
        let set = Fixtures.replicaSet("web", replicas: 2)
        let pods = [
            Fixtures.rsPod("alone", of: set, node: "node-a"),
            Fixtures.rsPod("crowded-1", of: set, node: "node-b"),
            Fixtures.rsPod("crowded-2", of: set, node: "node-b"),
        ]
        let plan = planner.plan(replicaSet: set, pods: pods, now: Fixtures.now)
        let deleted = Fixtures.deletedNames(plan)
        #expect(deleted.count == 1 && deleted[0].hasPrefix("crowded"))
        if case .deletePod(let id)? = plan.actions.first { #expect(id.uid == "uid-\(deleted[0])") }
    }

    @Test func statusCountsAndAvailability() {
        var set = Fixtures.replicaSet("web", replicas: 4, minReadySeconds: 30, generation: 7)
        var status = set.status
        status.conditions = [Condition(type: "ReplicaFailure", status: "True", reason: "FailedCreate")]
        set.status = status
        let pods = [
            Fixtures.rsPod("available", of: set, readySince: 100),
            Fixtures.rsPod("fresh", of: set, readySince: 10),
            Fixtures.rsPod("notready", of: set, ready: false),
            Fixtures.rsPod("mislabeled", of: set, labels: ["app": "other"]),
        ]
        let plan = planner.plan(replicaSet: set, pods: pods, now: Fixtures.now)
        #expect(plan.isIdle)
        #expect(plan.status.replicas == 4)
        #expect(plan.status.fullyLabeledReplicas == 3)
        #expect(plan.status.readyReplicas == 3)
        #expect(plan.status.availableReplicas == 2)
        #expect(plan.status.observedGeneration == 7)
        #expect(plan.status.conditions.isEmpty)
        #expect(plan.requeueAfter == .seconds(20))
    }

    @Test func failureConditionRecorded() {
        let set = Fixtures.replicaSet("web", replicas: 1)
        let plan = planner.plan(replicaSet: set, pods: [], now: Fixtures.now)
        let failed = ReplicaSetPlanner.recordingFailure(plan.status, creating: true, message: "quota", now: Fixtures.now)
        let condition = failed.conditions[type: "ReplicaFailure"]
        #expect(condition?.reason == "FailedCreate" && condition?.message == "quota" && condition?.status == "True")
    }
}
