import ControllerRuntime
import KruiseAPI
@testable import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import Synchronization
import Testing

/// The reconciler's bookkeeping as pure functions: event routing, expectations, action effects, grouping,
/// error outcomes, status patches.
@Suite struct CloneSetReconcilerUnitTests {
    static let owner = ObjectKey(namespace: "default", name: "web")

    static func pod(_ name: String, owner: String? = "web", kind: String = "CloneSet", terminating: Bool = false, version: String = "1") -> Pod {
        var pod = Fixtures.pod(name)
        if let owner {
            var reference = OwnerReference(to: CloneSet(metadata: ObjectMeta(name: owner, namespace: "default")))
            reference.kind = kind
            reference.uid = "uid-" + owner
            reference.controller = true
            pod.metadata.ownerReferences = [reference]
        } else {
            pod.metadata.ownerReferences = []
        }
        if terminating { pod.metadata.deletionTimestamp = Fixtures.now }
        pod.metadata.resourceVersion = version
        return pod
    }

    static func claim(_ name: String, terminating: Bool = false) -> PersistentVolumeClaim {
        var claim = PersistentVolumeClaim(metadata: ObjectMeta(name: name, namespace: "default"))
        claim.metadata.ownerReferences = Self.pod("x").metadata.ownerReferences
        if terminating { claim.metadata.deletionTimestamp = Fixtures.now }
        return claim
    }

    struct RoutingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var event: InformerEvent<Pod>
        var keys: [ObjectKey]
        /// Pending entries left of `pod/a` create and `pod/a` delete expectations.
        var pendingCreates: Set<String>
        var pendingDeletes: Set<String>
        var testDescription: String { self.name }
    }

    static let routingCases: [RoutingCase] = [
        RoutingCase(name: "added pod observes its creation", event: .added(pod("a")), keys: [owner],
                    pendingCreates: [], pendingDeletes: ["pod/a"]),
        RoutingCase(name: "added terminating pod observes both", event: .added(pod("a", terminating: true)), keys: [owner],
                    pendingCreates: [], pendingDeletes: []),
        RoutingCase(name: "update to terminating observes deletion", event: .updated(old: pod("a"), new: pod("a", terminating: true)),
                    keys: [owner], pendingCreates: ["pod/a"], pendingDeletes: []),
        RoutingCase(name: "plain update observes nothing", event: .updated(old: pod("a"), new: pod("a", version: "2")),
                    keys: [owner], pendingCreates: ["pod/a"], pendingDeletes: ["pod/a"]),
        RoutingCase(name: "deleted pod observes both", event: .deleted(pod("a")), keys: [owner],
                    pendingCreates: [], pendingDeletes: []),
        RoutingCase(name: "other pod leaves a's expectations", event: .added(pod("b")), keys: [owner],
                    pendingCreates: ["pod/a"], pendingDeletes: ["pod/a"]),
        RoutingCase(name: "pod of a ReplicaSet is not routed", event: .added(pod("a", kind: "ReplicaSet")), keys: [],
                    pendingCreates: ["pod/a"], pendingDeletes: ["pod/a"]),
        RoutingCase(name: "orphan is not routed", event: .added(pod("a", owner: nil)), keys: [],
                    pendingCreates: ["pod/a"], pendingDeletes: ["pod/a"]),
        RoutingCase(name: "owner change routes to both", event: .updated(old: pod("a", owner: "old"), new: pod("a")),
                    keys: [owner, ObjectKey(namespace: "default", name: "old")], pendingCreates: ["pod/a"], pendingDeletes: ["pod/a"]),
    ]

    @Test(arguments: routingCases)
    func podEventsRouteToTheirCloneSetAndObserveExpectations(_ testCase: RoutingCase) {
        let expectations = CloneSetExpectations()
        expectations.scale.expect(Self.owner, .create, name: "pod/a")
        expectations.scale.expect(Self.owner, .delete, name: "pod/a")
        let router = CloneSetEventRouter(expectations: expectations)
        #expect(router.keys(for: testCase.event) == testCase.keys)
        #expect(expectations.scale.pendingNames(Self.owner, .create) == testCase.pendingCreates)
        #expect(expectations.scale.pendingNames(Self.owner, .delete) == testCase.pendingDeletes)
    }

    @Test func claimEventsObserveClaimEntriesOnly() {
        let expectations = CloneSetExpectations()
        expectations.scale.expect(Self.owner, .create, name: "pvc/data-web-a")
        expectations.scale.expect(Self.owner, .create, name: "pod/data-web-a")
        let router = CloneSetEventRouter(expectations: expectations)
        #expect(router.keys(for: InformerEvent<PersistentVolumeClaim>.added(Self.claim("data-web-a"))) == [Self.owner])
        #expect(expectations.scale.pendingNames(Self.owner, .create) == ["pod/data-web-a"])
        expectations.scale.expect(Self.owner, .delete, name: "pvc/data-web-a")
        _ = router.keys(for: InformerEvent<PersistentVolumeClaim>.updated(old: Self.claim("data-web-a"), new: Self.claim("data-web-a", terminating: true)))
        #expect(expectations.scale.pendingNames(Self.owner, .delete).isEmpty)
    }

    @Test func deletedPodDropsItsResourceVersionExpectation() {
        let expectations = CloneSetExpectations()
        let key = ObjectKey(namespace: "default", name: "a")
        expectations.resourceVersions.expect(key, resourceVersion: "10")
        #expect(!expectations.resourceVersions.isSatisfied(key))
        _ = CloneSetEventRouter(expectations: expectations).keys(for: .deleted(Self.pod("a")))
        #expect(expectations.resourceVersions.isSatisfied(key))
    }

    @Test func expectationsWaitForScaleAndForPodVersions() {
        let expectations = CloneSetExpectations()
        let stale = Self.pod("a", version: "9"), fresh = Self.pod("a", version: "10")
        #expect(expectations.isSatisfied(Self.owner, pods: [stale]))
        expectations.resourceVersions.expect(ObjectKey(stale), resourceVersion: "10")
        #expect(!expectations.isSatisfied(Self.owner, pods: [stale]))
        #expect(expectations.isSatisfied(Self.owner, pods: [fresh]))
        #expect(expectations.isSatisfied(Self.owner, pods: [stale]))  // observed once, forgotten
        expectations.scale.expect(Self.owner, .create, name: "pod/b")
        #expect(!expectations.isSatisfied(Self.owner, pods: []))
        // Timed out expectations give way (leak recovery).
        #expect(expectations.isSatisfied(Self.owner, pods: [], now: .now + .seconds(301)))
    }

    static let created = Self.pod("web-abcde")
    static let ref = ObjectIdentity(namespace: "default", name: "web-abcde", uid: "uid-web-abcde")

    @Test func scaleExpectationsPerAction() {
        #expect(CloneSetActionEffects.scaleExpectations(of: .createPod(Self.created)) == [CloneSetScaleExpectation(.create, "pod/web-abcde")])
        #expect(CloneSetActionEffects.scaleExpectations(of: .deletePod(Self.ref)) == [CloneSetScaleExpectation(.delete, "pod/web-abcde")])
        #expect(CloneSetActionEffects.scaleExpectations(of: .createPVC(Self.claim("data-web-abcde"))) == [CloneSetScaleExpectation(.create, "pvc/data-web-abcde")])
        #expect(CloneSetActionEffects.scaleExpectations(of: .deletePVC(Self.ref)) == [CloneSetScaleExpectation(.delete, "pvc/web-abcde")])
        #expect(CloneSetActionEffects.scaleExpectations(of: .updatePodsToDelete([])).isEmpty)
        #expect(CloneSetActionEffects.expectationsToLower(of: .createPod(Self.created), outcome: .applied).isEmpty)
        #expect(CloneSetActionEffects.expectationsToLower(of: .createPod(Self.created), outcome: .alreadyDone).count == 1)
        #expect(CloneSetActionEffects.expectationsToLower(of: .deletePod(Self.ref), outcome: .failed("boom")).count == 1)
    }

    struct EventCase: Sendable, CustomTestStringConvertible {
        var action: CloneSetAction
        var outcome: CloneSetActionOutcome
        var reason: String?
        var message: String?
        var testDescription: String { "\(self.reason ?? "none") \(self.outcome)" }
    }

    static var specifiedDelete: PodChange {
        var updated = created
        updated.metadata.labels[KruiseKeys.specifiedDelete] = "true"
        return PodChange(from: created, to: updated)
    }

    static var inPlace: InPlaceUpdateChange {
        let spec = InPlaceUpdate.Spec(json: ["revision": "web-new", "containerImages": ["main": "nginx:1.27"]])!
        return InPlaceUpdateChange(pod: created, spec: spec, now: KubeTime(seconds: 1_700_000_000))
    }

    static let eventCases: [EventCase] = [
        EventCase(action: .createPod(created), outcome: .applied, reason: "SuccessfulCreate", message: "succeed to create pod web-abcde"),
        EventCase(action: .createPod(created), outcome: .failed("quota"), reason: "FailedCreate", message: nil),
        EventCase(action: .createPod(created), outcome: .alreadyDone, reason: nil, message: nil),
        EventCase(action: .createPVC(claim("c")), outcome: .applied, reason: nil, message: nil),
        EventCase(action: .createPVC(claim("c")), outcome: .failed("quota"), reason: "FailedCreate", message: nil),
        EventCase(action: .deletePod(ref), outcome: .applied, reason: "SuccessfulDelete", message: "succeed to delete pod web-abcde"),
        EventCase(action: .deletePod(ref), outcome: .failed("x"), reason: "FailedDelete", message: "failed to delete pod web-abcde: x"),
        EventCase(action: .deletePod(ref), outcome: .alreadyDone, reason: nil, message: nil),
        EventCase(action: .deletePVC(ref), outcome: .failed("x"), reason: "FailedDelete", message: "failed to delete pvc web-abcde: x"),
        EventCase(action: .inPlaceUpdate(inPlace), outcome: .applied, reason: "SuccessfulUpdatePodInPlace",
                  message: "successfully update pod web-abcde in-place(revision web-new)"),
        EventCase(action: .inPlaceUpdate(inPlace), outcome: .failed("conflict"), reason: "FailedUpdatePodInPlace",
                  message: "failed to update pod web-abcde in-place(revision web-new): conflict"),
        EventCase(action: .updatePod(specifiedDelete), outcome: .failed("conflict"), reason: "FailedUpdatePodReCreate",
                  message: "failed to patch pod specified-delete web-abcde for update(revision web-new): conflict"),
        EventCase(action: .updatePod(specifiedDelete), outcome: .applied, reason: nil, message: nil),
    ]

    @Test(arguments: eventCases)
    func eventsLikeUpstream(_ testCase: EventCase) {
        let event = CloneSetActionEffects.event(for: testCase.action, outcome: testCase.outcome, updateRevision: "web-new")
        #expect(event?.reason == testCase.reason)
        if let message = testCase.message { #expect(event?.message == message) }
        if let event { #expect(event.type == (event.reason.hasPrefix("Successful") ? .normal : .warning)) }
    }

    @Test func failedCreateDumpsTheObject() throws {
        let event = try #require(CloneSetActionEffects.event(for: .createPod(Self.created), outcome: .failed("quota"), updateRevision: ""))
        #expect(event.message.hasPrefix("failed to create pod: quota, pod: {"))
        #expect(event.message.contains("\"web-abcde\""))
    }

    @Test func actionsOnOnePodRunInOneSequence() throws {
        let a = Self.pod("a"), b = Self.pod("b"), c = Self.pod("c")
        var labelled = a
        labelled.metadata.labels["x"] = "y"
        var ready = a
        ready.status.phase = "Succeeded"
        let step: [CloneSetAction] = [
            .updatePodStatus(PodChange(from: a, to: ready)), .createPod(b), .updatePod(PodChange(from: a, to: labelled)),
            .deletePod(ObjectIdentity(of: c)), .settleCreatedPod(ObjectIdentity(of: b), CloneSetPodSettling(state: .normal, now: Fixtures.now)),
            .updatePodsToDelete([]),
        ]
        let groups = CloneSetPlanExecutor.groups(step)
        try #require(groups.count == 4)
        #expect(groups[0] == [step[0], step[2]])
        #expect(groups[1] == [step[1], step[4]])  // a new pod's settling write follows its creation
        #expect(groups[2] == [step[3]])
        #expect(groups[3] == [step[5]])
    }

    /// The pause after a sync lasts its period unless the CloneSet changes (checked every slice) or the task
    /// is cancelled.
    @Test func theBatchPauseEndsWhenTheCloneSetChanges() async {
        let checks = Mutex(0)
        let started = ContinuousClock.now
        await CloneSetReconciler.pause(for: .seconds(60)) { checks.withLock { $0 += 1; return $0 >= 3 } }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(checks.withLock { $0 } == 3)

        let full = ContinuousClock.now
        await CloneSetReconciler.pause(for: .milliseconds(30)) { false }
        #expect(ContinuousClock.now - full >= .milliseconds(30))

        let cancelled = Task { await CloneSetReconciler.pause(for: .seconds(60)) { false } }
        cancelled.cancel()
        let waited = ContinuousClock.now
        await cancelled.value
        #expect(ContinuousClock.now - waited < .seconds(30))
    }

    /// The batch pause ends early when every pod the sync wrote has a later version in the cache (or is gone).
    @Test func podsWrittenAgainByOthersEndTheBatch() {
        let a = ObjectKey(namespace: "default", name: "a"), b = ObjectKey(namespace: "default", name: "b")
        func again(_ written: [ObjectKey: String], _ cached: [ObjectKey: String]) -> Bool {
            CloneSetReconciler.allWrittenAgain(written) { cached[$0] }
        }
        #expect(!again([:], [:]))  // nothing written: the full batch
        #expect(again([a: "10", b: "12"], [a: "11", b: "13"]))
        #expect(!again([a: "10", b: "12"], [a: "11", b: "12"]))  // b shows only our own write
        #expect(!again([a: "10"], [a: "9"]))  // the cache has not even seen our write
        #expect(again([a: "10"], [:]))  // gone
        #expect(again([a: "10"], [a: "100"]))  // compared as numbers, not text
    }

    /// After a sync that wrote no pod, the pause ends when the ready count differs from the status just written;
    /// it counts what `readyReplicas` counts.
    @Test func readyCountIsWhatTheStatusCounts() {
        var held = Fixtures.pod("held")
        held.status.conditions = held.status.conditions + [Condition(type: KruiseKeys.inPlaceUpdateReady, status: "False")]
        let pods = [
            Fixtures.pod("ready"), Fixtures.pod("pending", ready: false), held,
            Self.pod("terminating", terminating: true), Fixtures.pod("also-ready").packed(),
        ]
        #expect(CloneSetReconciler.readyCount(pods) == 2)
        let status = CloneSetStatusCalculator.status(
            cloneSet: Fixtures.cloneSet(5, 0, 1, 0), pods: pods.filter(CloneSetPods.isActive), currentRevision: Fixtures.newRevision,
            updateRevision: Fixtures.newRevision, collisionCount: 0, labelSelector: "app=web", now: Fixtures.now)
        #expect(status.readyReplicas == CloneSetReconciler.readyCount(pods))
    }

    @Test func apiErrorsBecomeOutcomes() {
        let exists = KubeAPIError(code: 409, reason: "AlreadyExists", message: "exists")
        let notFound = KubeAPIError(code: 404, reason: "NotFound", message: "gone")
        let conflict = KubeAPIError(code: 409, reason: "Conflict", message: "uid precondition")
        let revision = Fixtures.revision("web-1", of: Fixtures.cloneSet(1, .int(0), .int(1), .int(0)), number: 1)
        #expect(CloneSetPlanExecutor.outcome(of: exists, for: .createRevision(revision)) == .alreadyDone)
        #expect(CloneSetPlanExecutor.outcome(of: exists, for: .createPVC(Self.claim("c"))) == .alreadyDone)
        // A random pod name taken by someone else: a failed creation (expectation lowered, retried with a new name).
        #expect(CloneSetPlanExecutor.outcome(of: exists, for: .createPod(Self.created)) == .failed("exists"))
        #expect(CloneSetPlanExecutor.outcome(of: notFound, for: .deletePod(Self.ref)) == .alreadyDone)
        #expect(CloneSetPlanExecutor.outcome(of: conflict, for: .deletePod(Self.ref)) == .alreadyDone)
        #expect(CloneSetPlanExecutor.outcome(of: notFound, for: .deletePVC(Self.ref)) == .alreadyDone)
        #expect(CloneSetPlanExecutor.outcome(of: conflict, for: .inPlaceUpdate(Self.inPlace)) == .failed("uid precondition"))
        #expect(CloneSetPlanExecutor.outcome(of: notFound, for: .updatePod(Self.specifiedDelete)) == .failed("gone"))
    }

    @Test func statusIsPatchedOnlyWhenItChanges() throws {
        var cloneSet = Fixtures.cloneSet(3, .int(0), .int(1), .int(0))
        var status = CloneSetStatus()
        status.replicas = 3
        status.readyReplicas = 2
        cloneSet.status = status
        #expect(CloneSetStatusWriter.patch(status, on: cloneSet) == nil)
        var next = status
        next.readyReplicas = 3
        next.updateRevision = "web-1"
        #expect(CloneSetStatusWriter.patch(next, on: cloneSet) == ["status": ["readyReplicas": 3, "updateRevision": "web-1"]])
    }

    @Test func unchangedConditionsKeepTheirTransitionTime() throws {
        var cloneSet = Fixtures.cloneSet(3, .int(0), .int(1), .int(0))
        var old = Condition(type: "FailedUpdate", status: "True", message: "m")
        old.lastTransitionTime = KubeTime(seconds: 100)
        var observed = CloneSetStatus()
        observed.conditions = [old]
        cloneSet.status = observed
        var fresh = old
        fresh.lastTransitionTime = KubeTime(seconds: 200)
        var status = CloneSetStatus()
        status.conditions = [fresh]
        #expect(CloneSetStatusWriter.patch(status, on: cloneSet) == nil)
        var changed = fresh
        changed.message = "other"
        status.conditions = [changed]
        let written = CloneSetStatusWriter.reconciled(status, observed: observed)
        #expect(written.conditions.first?.lastTransitionTime == KubeTime(seconds: 200))
    }

    @Test func candidateRevisionsAreOwnedOrMatchingOrphans() {
        let cloneSet = Fixtures.cloneSet(3, .int(0), .int(1), .int(0))
        var owned = Fixtures.revision("web-1", of: cloneSet, number: 1)
        owned.metadata.ownerReferences[0].controller = true
        var foreign = owned
        foreign.metadata.name = "other-1"
        foreign.metadata.ownerReferences[0].uid = "uid-other"
        var orphan = owned
        orphan.metadata.name = "web-orphan"
        orphan.metadata.ownerReferences = []
        var unrelated = orphan
        unrelated.metadata.name = "db-orphan"
        unrelated.metadata.labels = ["app": "db"]
        let chosen = CloneSetReconciler.candidateRevisions([owned, foreign, orphan, unrelated], of: cloneSet)
        #expect(chosen.map(\.name) == ["web-1", "web-orphan"])
    }

    @Test func conflictingPodWritesAreRebasedOnTheFreshPod() {
        var observed = Self.pod("a")
        observed.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady]
        var desired = observed
        var gate = Condition(type: KruiseKeys.inPlaceUpdateReady, status: "True")
        gate.lastTransitionTime = Fixtures.now
        desired.status.conditions = observed.status.conditions + [gate]
        desired.spec.containers = [Container(name: "main", image: "nginx:1.27")]
        desired.metadata.finalizers = ["hook/x"]
        let patch = PodChange(from: observed, to: desired).patch.objectValue ?? [:]
        // Meanwhile the kubelet added ContainersReady and someone a finalizer.
        var fresh = observed
        fresh.status.conditions = observed.status.conditions + [Condition(type: "ContainersReady", status: "True")]
        fresh.metadata.finalizers = ["other/y"]
        let rebased = CloneSetPlanExecutor.rebased(patch, desired: desired, fresh: fresh)
        let result = Pod(object: JSONMergePatch.apply(.object(rebased), to: fresh.json).objectValue ?? [:])
        #expect(Set(result.status.conditions.map(\.type)) == ["Ready", "ContainersReady", KruiseKeys.inPlaceUpdateReady])
        #expect(result.status.conditions[type: KruiseKeys.inPlaceUpdateReady]?.isTrue == true)
        #expect(result.metadata.finalizers == ["other/y", "hook/x"])
        #expect(result.spec.containers.map(\.image) == ["nginx:1.27"])
    }
}
