import KruiseTestSupport
import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetPlannerTests {
    static func plan(_ cloneSet: CloneSet, pods: [Pod] = [], revisions: [ControllerRevision] = [], seed: UInt64 = 1) -> CloneSetPlan {
        var random = SplitMix64(seed: seed)
        return CloneSetPlanner().plan(
            cloneSet: cloneSet, pods: pods, pvcs: [], revisions: revisions, now: Fixtures.now, random: &random)
    }

    @Test func firstSyncCreatesTheRevisionThenPods() throws {
        let cloneSet = Fixtures.cloneSet(3, 0, "20%", 0)
        let plan = Self.plan(cloneSet)
        guard case .createRevision(let revision)? = plan.steps.first?.first else {
            Issue.record("expected a revision first")
            return
        }
        #expect(revision.name.hasPrefix("web-"))
        #expect(revision.revision == 1)
        #expect(revision.metadata.labels["app"] == "web")
        #expect(revision.metadata.labels[CloneSetRevisions.hashLabel] == CloneSetPods.shortHash(revision.name))
        #expect(revision.metadata.controllerReference?.uid == "uid-web")
        #expect(CloneSetRevisions.template(of: revision) == cloneSet.spec.template)
        #expect(plan.steps.dropFirst().map(\.count) == [2, 4])
        let pods = Fixtures.createdPods(plan)
        // Each creation is followed by the pod's settling write, moving it to Normal.
        for step in plan.steps.dropFirst() {
            for pair in stride(from: 0, to: step.count, by: 2) {
                guard case .createPod(let pod) = step[pair], case .settleCreatedPod(let ref, let settling) = step[pair + 1] else {
                    Issue.record("expected a creation then its settling write, got \(step)")
                    continue
                }
                #expect(ref == ObjectIdentity(of: pod))
                #expect(pod.metadata.labels[KruiseKeys.lifecycleState] == "PreparingNormal")
                #expect(settling == CloneSetPodSettling(state: .normal, now: Fixtures.now))
            }
        }
        #expect(pods.allSatisfy { $0.metadata.labels[KruiseKeys.controllerRevisionHash] == revision.name })
        #expect(plan.status.updateRevision == revision.name)
        #expect(plan.status.currentRevision == revision.name)
        #expect(plan.status.collisionCount == 0)
        #expect(plan.status.labelSelector == "app=web")
        #expect(plan.status.observedGeneration == 2)
        #expect(plan.status.expectedUpdatedReplicas == 3)
        #expect(plan.status.replicas == 0)
    }

    @Test func revisionIsReusedAndRolledBack() {
        let v1 = Fixtures.cloneSet(3, 0, "20%", 0)
        let v2 = Fixtures.cloneSet(3, 0, "20%", 0, image: "nginx:1.26")
        let r1 = CloneSetRevisions.newRevision(of: v1, revision: 1, collisionCount: 0)
        let r2 = CloneSetRevisions.newRevision(of: v2, revision: 2, collisionCount: 0)
        #expect(r1.name != r2.name)
        // the latest revision matches: reused, no action
        let same = CloneSetRevisions.resolve(cloneSet: v2, revisions: [r1, r2])
        #expect(same.action == nil)
        #expect(same.updateRevision.name == r2.name)
        // going back to v1: the older revision is moved forward to number 3
        let back = CloneSetRevisions.resolve(cloneSet: v1, revisions: [r1, r2])
        guard case .updateRevision(let bumped)? = back.action else {
            Issue.record("expected a rollback bump")
            return
        }
        #expect(bumped.name == r1.name && bumped.revision == 3)
    }

    @Test func hashCollisionBumpsCollisionCount() {
        let cloneSet = Fixtures.cloneSet(3, 0, "20%", 0)
        var squatter = CloneSetRevisions.newRevision(of: Fixtures.cloneSet(3, 0, "20%", 0, image: "other"), revision: 1, collisionCount: 0)
        squatter.metadata.name = CloneSetRevisions.newRevision(of: cloneSet, revision: 1, collisionCount: 0).name
        let resolution = CloneSetRevisions.resolve(cloneSet: cloneSet, revisions: [squatter])
        #expect(resolution.collisionCount == 1)
        #expect(resolution.updateRevision.name != squatter.name)
    }

    @Test func historyIsTruncatedKeepingLiveRevisions() {
        var cloneSet = Fixtures.cloneSet(1, 0, "20%", 0)
        cloneSet.spec.revisionHistoryLimit = 1
        let revisions = (1...4).map { number in
            CloneSetRevisions.newRevision(of: Fixtures.cloneSet(1, 0, "20%", 0, image: "img:\(number)"), revision: Int64(number), collisionCount: 0)
        }
        let live = Fixtures.pod("live", revision: revisions[0].name)
        let doomed = CloneSetRevisions.revisionsToDelete(
            cloneSet: cloneSet, pods: [live], revisions: revisions, current: revisions[3].name, update: revisions[3].name)
        #expect(doomed.map(\.name) == [revisions[1].name])
    }

    @Test func statusCountsReadinessAvailabilityAndRevisions() {
        var cloneSet = Fixtures.cloneSet(4, 1, "20%", 0)
        cloneSet.spec.minReadySeconds = 10
        let update = CloneSetRevisions.newRevision(of: cloneSet, revision: 1, collisionCount: 0)
        var notInPlaceReady = Fixtures.pod("c", revision: update.name)
        notInPlaceReady.status.conditions = notInPlaceReady.status.conditions + [Condition(type: "InPlaceUpdateReady", status: "False")]
        var freshlyReady = Fixtures.pod("d", revision: update.name)
        var ready = Condition(type: "Ready", status: "True")
        ready.lastTransitionTime = Fixtures.now.adding(seconds: -5)
        freshlyReady.status.conditions = [ready]
        let pods = [
            Fixtures.pod("a", revision: update.name),
            Fixtures.pod("b", revision: update.name, state: .preparingUpdate),
            notInPlaceReady, freshlyReady, Fixtures.pod("old", revision: "web-other"),
        ]
        let status = CloneSetStatusCalculator.status(
            cloneSet: cloneSet, pods: pods, currentRevision: "web-other", updateRevision: update.name,
            collisionCount: 0, labelSelector: "app=web", now: Fixtures.now)
        #expect(status.replicas == 5)
        #expect(status.readyReplicas == 4)  // a, b, d, old
        #expect(status.availableReplicas == 2)  // a, old (b lifecycle, d minReadySeconds)
        #expect(status.updatedReplicas == 4)
        #expect(status.updatedReadyReplicas == 3)
        #expect(status.updatedAvailableReplicas == 1)
        #expect(status.expectedUpdatedReplicas == 3)
        #expect(status.currentRevision == "web-other")
        // all pods at the update revision and count == replicas: current revision advances
        let converged = CloneSetStatusCalculator.status(
            cloneSet: cloneSet, pods: Array(pods.prefix(4)), currentRevision: "web-other", updateRevision: update.name,
            collisionCount: 0, labelSelector: "app=web", now: Fixtures.now)
        #expect(converged.currentRevision == update.name)
    }

    @Test func scaleAndUpdateNeverHappenInOneSync() {
        let v1 = Fixtures.cloneSet(3, 0, "100%", 0)
        let v2 = Fixtures.cloneSet(4, 0, "100%", 0, image: "nginx:1.26")
        let r1 = CloneSetRevisions.newRevision(of: v1, revision: 1, collisionCount: 0)
        var cloneSet = v2
        cloneSet.status.currentRevision = r1.name
        let pods = (0..<3).map { Fixtures.pod("p\($0)", revision: r1.name) }
        let plan = Self.plan(cloneSet, pods: pods, revisions: [r1])
        let actions = plan.actions
        #expect(actions.contains { if case .createRevision = $0 { true } else { false } })
        #expect(Fixtures.createdPods(plan).count == 1)
        #expect(Fixtures.updatedPods(actions).isEmpty)
        #expect(plan.diffs?.updateNum == 3)
    }

    /// Live regression: replicas 2, maxSurge 1, in place. With the surge pod ready, the in-place-updated pod not yet
    /// ready and the old pod ready, scale-in has a victim but no ready budget; the sync must fall through to the
    /// update pass and mark the finished in-place update ready instead of planning an empty deletion forever.
    @Test func blockedScaleInFallsThroughToTheUpdatePass() {
        let v1 = Fixtures.cloneSet(2, 0, 0, 1, type: .inPlaceIfPossible)
        let v2 = Fixtures.cloneSet(2, 0, 0, 1, type: .inPlaceIfPossible, image: "nginx:1.26")
        let r1 = CloneSetRevisions.newRevision(of: v1, revision: 1, collisionCount: 0)
        let r2 = CloneSetRevisions.newRevision(of: v2, revision: 2, collisionCount: 0)
        var cloneSet = v2
        cloneSet.status.currentRevision = r1.name
        let old = Fixtures.pod("old", revision: r1.name, created: 1)
        let surge = Fixtures.pod("surge", revision: r2.name, created: 5)
        var updated = Fixtures.pod("updated", revision: r2.name, state: .updating, created: 2)
        updated.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady]
        updated.spec.containers[0].image = "nginx:1.26"
        updated.metadata.annotations[KruiseKeys.inPlaceUpdateState] = InPlaceUpdate.stateJSON(
            revision: r2.name, updateTimestamp: Fixtures.now, lastImageIDs: ["main": "sha-125"], batchContainers: ["main"])
        var status = updated.status
        status.conditions = [
            Condition(type: "Ready", status: "False", reason: "ReadinessGatesNotReady"),
            Condition(type: KruiseKeys.inPlaceUpdateReady, status: "False", reason: "StartInPlaceUpdate"),
        ]
        var container = ContainerStatus(object: ["name": "main"])
        container.image = "nginx:1.26"
        container.imageID = "sha-126"
        status.containerStatuses = [container]
        updated.status = status

        let plan = Self.plan(cloneSet, pods: [old, updated, surge], revisions: [r1, r2])
        #expect(plan.diffs?.scaleDownNum == 1)
        #expect(Fixtures.deletedPods(plan.actions).isEmpty)
        let statusWrites = plan.actions.compactMap { if case .updatePodStatus(let change) = $0 { change.pod } else { nil } }
        #expect(statusWrites.map(\.name) == ["updated"])
        #expect(statusWrites.first?.status.conditions[type: KruiseKeys.inPlaceUpdateReady]?.isTrue == true)
    }

    @Test func podsToDeleteIsTruncatedToExistingPods() {
        var cloneSet = Fixtures.cloneSet(1, 0, "20%", 0)
        cloneSet.spec.scaleStrategy.podsToDelete = ["gone", "p0"]
        let revision = CloneSetRevisions.newRevision(of: cloneSet, revision: 1, collisionCount: 0)
        let plan = Self.plan(cloneSet, pods: [Fixtures.pod("p0", revision: revision.name), Fixtures.pod("p1", revision: revision.name)], revisions: [revision])
        #expect(plan.actions.contains(.updatePodsToDelete(["p0"])))
    }

    @Test func minReadySecondsRequeues() {
        var cloneSet = Fixtures.cloneSet(1, 0, "20%", 0)
        cloneSet.spec.minReadySeconds = 10
        let revision = CloneSetRevisions.newRevision(of: cloneSet, revision: 1, collisionCount: 0)
        var pod = Fixtures.pod("p0", revision: revision.name)
        var ready = Condition(type: "Ready", status: "True")
        ready.lastTransitionTime = Fixtures.now
        pod.status.conditions = [ready]
        #expect(Self.plan(cloneSet, pods: [pod], revisions: [revision]).requeueAfter == .seconds(10))
    }

    @Test func foreignAndTerminatingPodsAreIgnored() {
        let cloneSet = Fixtures.cloneSet(2, 0, "20%", 0)
        let revision = CloneSetRevisions.newRevision(of: cloneSet, revision: 1, collisionCount: 0)
        var foreign = Fixtures.pod("foreign", revision: revision.name)
        foreign.metadata.ownerReferences = []
        var dying = Fixtures.pod("dying", revision: revision.name)
        dying.metadata.deletionTimestamp = Fixtures.now
        let plan = Self.plan(cloneSet, pods: [Fixtures.pod("p0", revision: revision.name), foreign, dying], revisions: [revision])
        #expect(Fixtures.createdPods(plan).count == 1)
        #expect(plan.status.replicas == 1)
    }
}
