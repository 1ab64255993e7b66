public import KruiseAPI
public import KubeModel

/// The CloneSet controller's decisions for one sync (`doReconcile` + `syncCloneSet`), as a pure function of
/// what it observes. The reconciler lists, runs the plan's steps, writes its status and honours its requeue.
///
/// Order: revisions (create the update revision, or move an equal older one forward); scale (``
/// CloneSetScalePlanner``); only if scaling had nothing to do, update (``CloneSetUpdatePlanner``); then
/// `podsToDelete` truncation and revision history cleanup. Scale expectations and resourceVersion expectations
/// are the reconciler's business (it must not plan from a cache that has not seen its last writes).
public struct CloneSetPlanner: Sendable {
    /// Gates and flags of the diff calculation.
    public var options: CloneSetDiffs.Options

    /// A planner.
    public init(options: CloneSetDiffs.Options = CloneSetDiffs.Options()) {
        self.options = options
    }

    /// The plan for `cloneSet`.
    /// - Parameters:
    ///   - cloneSet: the CloneSet as observed (defaulted).
    ///   - pods: pods in its namespace; only active pods it controls count.
    ///   - pvcs: PVCs in its namespace; only those it controls count.
    ///   - revisions: ControllerRevisions in its namespace matching its selector.
    ///   - now: the time availability and lifecycle timestamps are judged at.
    ///   - random: the source of new instance ids.
    public func plan<R: RandomNumberGenerator>(
        cloneSet: CloneSet, pods: [Pod], pvcs: [PersistentVolumeClaim], revisions: [ControllerRevision],
        now: KubeTime, random: inout R
    ) -> CloneSetPlan {
        let selectorString: String
        guard let selector = cloneSet.spec.selector, !selector.isEmpty else {
            return CloneSetPlan(steps: [], status: cloneSet.status, failure: .invalidSelector("empty selector"))
        }
        do {
            selectorString = try selector.asSelector().description
        } catch {
            return CloneSetPlan(steps: [], status: cloneSet.status, failure: .invalidSelector(error.message))
        }
        let owned = pods.filter { CloneSetPods.isOwned($0, by: cloneSet) }
        let active = owned.filter(CloneSetPods.isActive)
        let ownedPVCs = pvcs.filter { CloneSetPods.isOwned($0.metadata, by: cloneSet) }

        let resolution = CloneSetRevisions.resolve(cloneSet: cloneSet, revisions: revisions)
        let update = resolution.updateRevision, current = resolution.currentRevision
        var steps: [[CloneSetAction]] = []
        if let action = resolution.action { steps.append([action]) }

        var requeue: Duration?
        var diffs: CloneSetDiffs?
        var failure: CloneSetPlanningError?
        var status = CloneSetStatusCalculator.status(
            cloneSet: cloneSet, pods: active, currentRevision: current.name, updateRevision: update.name,
            collisionCount: resolution.collisionCount, labelSelector: selectorString, now: now)

        if !cloneSet.metadata.isBeingDeleted {
            let updateSet = CloneSetPodFactory.applying(update, to: cloneSet)
            let currentSet = CloneSetPodFactory.applying(current, to: cloneSet)
            let scale = CloneSetScalePlanner(options: options).plan(
                cloneSet: updateSet, currentCloneSet: currentSet, currentRevision: current.name,
                updateRevision: update.name, pods: active, pvcs: ownedPVCs, now: now, random: &random)
            diffs = scale.diffs
            if !scale.steps.isEmpty {
                steps += scale.steps
            } else {
                let result = CloneSetUpdatePlanner().plan(
                    cloneSet: updateSet, currentRevision: current, updateRevision: update,
                    revisions: resolution.revisions, pods: active, now: now)
                steps.append(result.actions)
                requeue = result.requeueAfter
                failure = result.failure
            }
        }
        if let failure {
            var condition = Condition(type: "FailedUpdate", status: "True", message: failure.description)
            condition.lastTransitionTime = now.truncatedToSeconds
            var conditions = status.conditions
            conditions.set(condition)
            status.conditions = conditions
        }

        // truncatePodsToDelete and truncateHistory
        var cleanup: [CloneSetAction] = []
        let podsToDelete = cloneSet.spec.scaleStrategy.podsToDelete
        if !podsToDelete.isEmpty {
            let names = Set(active.map(\.name))
            let kept = podsToDelete.filter(names.contains)
            if kept.count != podsToDelete.count { cleanup.append(.updatePodsToDelete(kept)) }
        }
        for revision in CloneSetRevisions.revisionsToDelete(
            cloneSet: cloneSet, pods: active, revisions: resolution.revisions, current: current.name, update: update.name)
        {
            cleanup.append(.deleteRevision(ObjectIdentity(of: revision)))
        }
        steps.append(cleanup)

        if cloneSet.spec.minReadySeconds > 0 && status.availableReplicas != status.readyReplicas {
            let delay = Duration.seconds(Int64(cloneSet.spec.minReadySeconds))
            requeue = requeue.map { min($0, delay) } ?? delay
        }
        return CloneSetPlan(steps: steps, status: status, requeueAfter: requeue, diffs: diffs, failure: failure)
    }
}
