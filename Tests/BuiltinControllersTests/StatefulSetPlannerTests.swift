import BuiltinControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct StatefulSetPlannerTests {
    let planner = StatefulSetPlanner()

    static func set(
        replicas: Int32 = 3, image: String = "db:1", parallel: Bool = false, partition: Int? = nil,
        onDelete: Bool = false, start: Int? = nil, status: StatefulSetStatus = StatefulSetStatus()
    ) -> StatefulSet {
        var metadata = ObjectMeta(name: "db", namespace: "default")
        metadata.uid = "uid-db"
        metadata.generation = 3
        var set = StatefulSet(metadata: metadata)
        var spec = StatefulSetSpec()
        spec.replicas = replicas
        spec.serviceName = "db-headless"
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        spec.template = Fixtures.template(image: image)
        if parallel { spec.podManagementPolicy = "Parallel" }
        if onDelete {
            spec.object["updateStrategy"] = ["type": "OnDelete"]
        } else if let partition {
            spec.object["updateStrategy"] = ["type": "RollingUpdate", "rollingUpdate": ["partition": .int(Int64(partition))]]
        }
        if let start { spec.object["ordinals"] = ["start": .int(Int64(start))] }
        spec.object["volumeClaimTemplates"] = [[
            "metadata": ["name": "data"],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
        ]]
        set.spec = spec
        set.status = status
        return set
    }

    /// The revision the planner would create for `set`, as if it already existed.
    static func revision(of set: StatefulSet, number: Int64) -> ControllerRevision {
        let plan = StatefulSetPlanner().plan(statefulSet: set, pods: [], revisions: [], claims: [], now: Fixtures.now)
        guard case .createControllerRevision(var revision)? = plan.actions.first else { fatalError("no revision") }
        revision.revision = number
        return revision
    }

    static func pod(_ set: StatefulSet, _ ordinal: Int, revision: String, ready: Bool = true, deleting: Bool = false) -> Pod {
        var pod = Fixtures.pod("db-\(ordinal)", owner: ("StatefulSet", "db", "uid-db"), ready: ready, deleting: deleting)
        var metadata = pod.metadata
        var labels = metadata.labels
        labels["controller-revision-hash"] = revision
        metadata.labels = labels
        pod.metadata = metadata
        return pod
    }

    @Test func revisionDataAndName() {
        let set = Self.set()
        let revision = Self.revision(of: set, number: 1)
        #expect(revision.name.hasPrefix("db-"))
        #expect(revision.data?["spec"]?["template"]?["$patch"] == "replace")
        #expect(revision.data?["spec"]?["template"]?["spec"]?["x-unknown-field"] == "kept")
        #expect(revision.metadata.labels["controller.kubernetes.io/hash"] == String(revision.name.dropFirst(3)))
        #expect(revision.metadata.controllerReference?.uid == "uid-db")
        #expect(RevisionHistory.template(of: revision) == set.spec.template)
    }

    @Test func orderedReadyCreatesFirstPodWithItsClaim() {
        let set = Self.set()
        let revision = Self.revision(of: set, number: 1)
        let plan = planner.plan(statefulSet: set, pods: [], revisions: [revision], claims: [], now: Fixtures.now)
        #expect(plan.steps.count == 2)
        guard case .createPersistentVolumeClaim(let claim)? = plan.steps.first?.first,
              case .createPod(let pod)? = plan.steps.last?.first
        else {
            Issue.record("expected claim then pod")
            return
        }
        #expect(claim.name == "data-db-0")
        #expect(claim.metadata.labels["app"] == "web")
        #expect(pod.name == "db-0")
        #expect(pod.metadata.labels["statefulset.kubernetes.io/pod-name"] == "db-0")
        #expect(pod.metadata.labels["apps.kubernetes.io/pod-index"] == "0")
        #expect(pod.metadata.labels["controller-revision-hash"] == revision.name)
        #expect(pod.spec.hostname == "db-0" && pod.spec.subdomain == "db-headless")
        #expect(pod.spec.volumes.first { $0.name == "data" }?.claimName == "data-db-0")
        #expect(plan.steps.last?.count == 1)
    }

    /// (pods present with their readiness) → the single pod created next, or none.
    @Test(arguments: [
        (ready: [true], created: ["db-1"]),
        (ready: [false], created: []),
        (ready: [true, true], created: ["db-2"]),
        (ready: [true, false], created: []),
        (ready: [true, true, true], created: []),
    ])
    func orderedReadyWaitsForReadiness(ready: [Bool], created: [String]) {
        let set = Self.set()
        let revision = Self.revision(of: set, number: 1)
        let pods = ready.enumerated().map { Self.pod(set, $0.offset, revision: revision.name, ready: $0.element) }
        let plan = planner.plan(statefulSet: set, pods: pods, revisions: [revision], claims: [], now: Fixtures.now)
        #expect(Fixtures.createdPods(plan).map(\.name) == created)
    }

    @Test func parallelCreatesAllAndHonoursStartOrdinal() {
        let set = Self.set(parallel: true, start: 5)
        let plan = planner.plan(statefulSet: set, pods: [], revisions: [], claims: [], now: Fixtures.now)
        #expect(Set(Fixtures.createdPods(plan).map(\.name)) == ["db-5", "db-6", "db-7"])
    }

    @Test func scaleDownFromTheHighestOrdinalOneAtATime() {
        let set = Self.set(replicas: 1)
        let revision = Self.revision(of: set, number: 1)
        let pods = (0..<3).map { Self.pod(set, $0, revision: revision.name) }
        let plan = planner.plan(statefulSet: set, pods: pods, revisions: [revision], claims: [], now: Fixtures.now)
        #expect(Fixtures.deletedNames(plan) == ["db-2"])
        let parallel = planner.plan(statefulSet: Self.set(replicas: 1, parallel: true), pods: pods, revisions: [revision], claims: [], now: Fixtures.now)
        #expect(Set(Fixtures.deletedNames(parallel)) == ["db-1", "db-2"])
    }

    /// Rolling update from revision 1 to 2: (partition, pods already updated) → the pod deleted next.
    @Test(arguments: [
        (partition: 0, updated: [Int](), deleted: ["db-2"]),
        (partition: 0, updated: [2], deleted: ["db-1"]),
        (partition: 0, updated: [1, 2], deleted: ["db-0"]),
        (partition: 2, updated: [2], deleted: [String]()),
        (partition: 1, updated: [2], deleted: ["db-1"]),
    ])
    func rollingUpdateWithPartition(partition: Int, updated: [Int], deleted: [String]) {
        var status = StatefulSetStatus()
        let old = Self.revision(of: Self.set(image: "db:1"), number: 1)
        status.currentRevision = old.name
        let set = Self.set(image: "db:2", partition: partition, status: status)
        let new = Self.revision(of: set, number: 2)
        let pods = (0..<3).map { Self.pod(set, $0, revision: updated.contains($0) ? new.name : old.name) }
        let plan = planner.plan(statefulSet: set, pods: pods, revisions: [old, new], claims: [], now: Fixtures.now)
        #expect(Fixtures.deletedNames(plan) == deleted)
        #expect(plan.status.currentRevision == old.name && plan.status.updateRevision == new.name)
        #expect(plan.status.updatedReplicas == Int32(updated.count))
        #expect(plan.status.currentReplicas == Int32(3 - updated.count))
        let onDelete = planner.plan(statefulSet: Self.set(image: "db:2", onDelete: true, status: status), pods: pods, revisions: [old, new], claims: [], now: Fixtures.now)
        #expect(Fixtures.deletedNames(onDelete).isEmpty)
    }

    @Test func newRevisionCreatedAndOldPodRecreatedBelowPartition() {
        var status = StatefulSetStatus()
        let old = Self.revision(of: Self.set(image: "db:1"), number: 1)
        status.currentRevision = old.name
        let set = Self.set(image: "db:2", partition: 2, status: status)
        let pods = [Self.pod(set, 1, revision: old.name), Self.pod(set, 2, revision: old.name)]
        let plan = planner.plan(statefulSet: set, pods: pods, revisions: [old], claims: [], now: Fixtures.now)
        guard case .createControllerRevision(let created)? = plan.actions.first else {
            Issue.record("expected a new revision")
            return
        }
        #expect(created.revision == 2)
        let recreated = Fixtures.createdPods(plan)
        #expect(recreated.map(\.name) == ["db-0"])
        #expect(recreated.first?.metadata.labels["controller-revision-hash"] == old.name)
        #expect(recreated.first?.spec.containers.first?.image == "db:1")
    }

    @Test func completedRollingUpdateMovesCurrentRevision() {
        var status = StatefulSetStatus()
        let old = Self.revision(of: Self.set(image: "db:1"), number: 1)
        status.currentRevision = old.name
        let set = Self.set(image: "db:2", status: status)
        let new = Self.revision(of: set, number: 2)
        let pods = (0..<3).map { Self.pod(set, $0, revision: new.name) }
        let plan = planner.plan(statefulSet: set, pods: pods, revisions: [old, new], claims: [], now: Fixtures.now)
        #expect(plan.isIdle)
        let s = plan.status
        #expect((s.replicas, s.readyReplicas, s.availableReplicas, s.currentReplicas, s.updatedReplicas) == (3, 3, 3, 3, 3))
        #expect(s.currentRevision == new.name && s.updateRevision == new.name && s.observedGeneration == 3)
        #expect(s.collisionCount == 0)
    }
}
