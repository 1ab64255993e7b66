public import KruiseAPI
public import KubeModel

/// CloneSet `Scale()` (`pkg/controller/cloneset/sync/cloneset_scale.go`) as a pure function.
///
/// In order, the first that has something to do wins: PreparingDelete pods go back to PreparingNormal when
/// replicas grew again (unless a hook marks pods not ready); scale out (create ``CloneSetDiffs/scaleUpLimit``
/// pods, the first ``CloneSetDiffs/scaleUpNumOldRevision`` from the current revision, PVCs first, slow-start
/// batches 1, 2, 4, …); delete pods already in PreparingDelete whose hook is gone; delete specified pods
/// (unready ones always, ready ones up to ``CloneSetDiffs/deleteReadyLimit``); scale in (only with no pending
/// specified or pre-deletes), victims in ``CloneSetPodOrder/deletionOrder(_:available:)``, old-revision pods
/// first as the diffs ask. A pod whose preDelete hook is present is moved to PreparingDelete instead of deleted.
public struct CloneSetScalePlanner: Sendable {
    /// The diff options (gates and flags).
    public var options: CloneSetDiffs.Options

    /// A planner.
    public init(options: CloneSetDiffs.Options = CloneSetDiffs.Options()) {
        self.options = options
    }

    /// The outcome of the scale pass.
    public struct Result: Sendable, Hashable {
        /// The actions in steps; empty when scaling had nothing to do (then the update pass runs).
        public var steps: [[CloneSetAction]]
        /// The diffs computed.
        public var diffs: CloneSetDiffs
    }

    /// Plans the scale pass.
    /// - Parameters:
    ///   - cloneSet: the CloneSet (at its update revision).
    ///   - currentCloneSet: the CloneSet with the current revision's template.
    ///   - currentRevision, updateRevision: revision names.
    ///   - pods: the active pods it owns; `pvcs`: the PVCs it owns.
    public func plan<R: RandomNumberGenerator>(
        cloneSet: CloneSet, currentCloneSet: CloneSet, currentRevision: String, updateRevision: String,
        pods: [Pod], pvcs: [PersistentVolumeClaim], now: KubeTime, random: inout R
    ) -> Result {
        // 1. pods to delete and in preDelete
        let specified = pods.filter { CloneSetPods.isSpecifiedDelete($0, of: cloneSet) }
        let preDeleting = pods.filter { CloneSetPods.isInState($0, .preparingDelete) }
        let numToDelete = Set(specified.map(\.name) + preDeleting.map(\.name)).count
        let regret = managePreparingDelete(
            cloneSet: cloneSet, pods: pods, preDeleting: preDeleting, numToDelete: numToDelete, now: now)
        let diffs = CloneSetDiffs.calculate(
            cloneSet: cloneSet, pods: pods, currentRevision: currentRevision, updateRevision: updateRevision,
            forScaling: true, options: options, now: now)
        if !regret.isEmpty { return Result(steps: [regret], diffs: diffs) }

        // 3. scale out
        if diffs.scaleUpNum > 0 {
            let creations = diffs.scaleUpLimit
            let ids = CloneSetPodFactory.availableIDs(count: creations, pods: pods, pvcs: pvcs, using: &random)
            let existingClaims = Set(pvcs.map(\.name))
            var planned: [PlannedPod] = []
            for (index, id) in ids.enumerated() {
                let atCurrent = index < diffs.scaleUpNumOldRevision
                let source = atCurrent ? currentCloneSet : cloneSet
                let revision = atCurrent ? currentRevision : updateRevision
                let pod = CloneSetPodFactory.pod(
                    owner: cloneSet, templateSource: source, revision: revision, instanceID: id, now: now)
                let claims = CloneSetPodFactory.claims(of: source, instanceID: id).filter { !existingClaims.contains($0.name) }
                let state = CloneSetUpdatePlanner.nextLifecycleState(cloneSet: cloneSet, pod: pod, updateRevision: revision)
                planned.append(PlannedPod(claims: claims, pod: pod, settling: CloneSetPodSettling(state: state, now: now)))
            }
            return Result(steps: Self.slowStart(planned), diffs: diffs)
        }

        // 4. pods already in preDelete
        if !preDeleting.isEmpty {
            let actions = deleteActions(cloneSet: cloneSet, pods: preDeleting, pvcs: pvcs, now: now)
            if !actions.isEmpty { return Result(steps: [actions], diffs: diffs) }
        }

        // 5. specified delete
        let preDeletingNames = Set(preDeleting.map(\.name))
        let toDelete = specified.filter { !preDeletingNames.contains($0.name) }
        var deleteReadyLimit = diffs.deleteReadyLimit
        if !toDelete.isEmpty {
            var chosen: [Pod] = []
            for pod in toDelete {
                if !CloneSetPods.isAvailable(pod, minReadySeconds: 0, now: now) {
                    chosen.append(pod)
                } else if deleteReadyLimit > 0 {
                    chosen.append(pod)
                    deleteReadyLimit -= 1
                }
            }
            let actions = deleteActions(cloneSet: cloneSet, pods: chosen, pvcs: pvcs, now: now)
            if !actions.isEmpty { return Result(steps: [actions], diffs: diffs) }
        }

        // 6. scale in
        if diffs.scaleDownNum > 0 && numToDelete == 0 {
            let updated = pods.filter { CloneSetPods.isAtRevision($0, updateRevision) }
            let notUpdated = pods.filter { !CloneSetPods.isAtRevision($0, updateRevision) }
            let candidates = choosePodsToDelete(
                cloneSet: cloneSet, total: diffs.scaleDownNum, oldRevision: diffs.scaleDownNumOldRevision,
                notUpdated: notUpdated, updated: updated, now: now)
            var chosen: [Pod] = []
            for pod in candidates {
                if !CloneSetPods.isAvailable(pod, minReadySeconds: 0, now: now) {
                    chosen.append(pod)
                } else if deleteReadyLimit > 0 {
                    chosen.append(pod)
                    deleteReadyLimit -= 1
                }
            }
            // Nothing deletable yet (every victim ready and no ready budget left): upstream's deletePods reports
            // "not modified", so the update pass runs; an empty step here would stall an in-place update that
            // must finish before a surge pod can go.
            let actions = deleteActions(cloneSet: cloneSet, pods: chosen, pvcs: pvcs, now: now)
            if !actions.isEmpty { return Result(steps: [actions], diffs: diffs) }
        }
        return Result(steps: [], diffs: diffs)
    }

    /// `managePreparingDelete`: when replicas grew again, non-specified PreparingDelete pods go back to
    /// PreparingNormal (no regret when any hook marks pods not ready).
    func managePreparingDelete(
        cloneSet: CloneSet, pods: [Pod], preDeleting: [Pod], numToDelete: Int, now: KubeTime
    ) -> [CloneSetAction] {
        if cloneSet.spec.lifecycle?.marksPodNotReady == true { return [] }
        var diff = cloneSet.spec.effectiveReplicas - pods.count + numToDelete
        var actions: [CloneSetAction] = []
        for pod in preDeleting {
            if diff <= 0 { break }
            if CloneSetPods.isSpecifiedDelete(pod, of: cloneSet) { continue }
            let updated = CloneSetPods.settingLifecycle(pod, .preparingNormal, now: now)
            actions.append(.updatePod(PodChange(from: pod, to: updated)))
            diff -= 1
        }
        return actions
    }

    /// `deletePods`: hooked pods move to PreparingDelete (no action when already there); others are deleted
    /// together with the PVCs of their instance id.
    func deleteActions(cloneSet: CloneSet, pods: [Pod], pvcs: [PersistentVolumeClaim], now: KubeTime) -> [CloneSetAction] {
        var actions: [CloneSetAction] = []
        for pod in pods {
            if let hook = cloneSet.spec.lifecycle?.preDelete, CloneSetPods.isHooked(pod, hook) {
                // markPodNotReady: hold the pod not ready first, so traffic leaves before the hook's owner acts.
                if hook.markPodNotReady,
                    let held = KruisePodReadiness.addingNotReadyKey(KruisePodReadiness.preparingDeleteKey, to: pod, now: now)
                {
                    actions.append(.updatePodStatus(PodChange(from: pod, to: held)))
                }
                if !CloneSetPods.isInState(pod, .preparingDelete) {
                    let updated = CloneSetPods.settingLifecycle(pod, .preparingDelete, now: now)
                    actions.append(.updatePod(PodChange(from: pod, to: updated)))
                }
                continue
            }
            actions.append(.deletePod(ObjectIdentity(of: pod)))
            let id = pod.metadata.labels[KruiseKeys.cloneSetInstanceID]
            for pvc in pvcs where pvc.metadata.labels[KruiseKeys.cloneSetInstanceID] == id {
                actions.append(.deletePVC(ObjectIdentity(of: pvc)))
            }
        }
        return actions
    }

    /// `choosePodsToDelete`: `oldRevision` victims from the pods not at the update revision, the rest from the
    /// updated ones, each group in deletion order.
    func choosePodsToDelete(
        cloneSet: CloneSet, total: Int, oldRevision: Int, notUpdated: [Pod], updated: [Pod], now: KubeTime
    ) -> [Pod] {
        let minReadySeconds = cloneSet.spec.minReadySeconds
        func choose(_ pods: [Pod], _ count: Int) -> [Pod] {
            if count >= pods.count { return pods }
            let ordered = CloneSetPodOrder.deletionOrder(pods) {
                CloneSetPods.isAvailable($0, minReadySeconds: minReadySeconds, now: now)
            }
            return Array(ordered.prefix(count))
        }
        if oldRevision >= total { return choose(notUpdated, total) }
        if oldRevision > 0 { return choose(notUpdated, oldRevision) + choose(updated, total - oldRevision) }
        return choose(updated, total)
    }

    /// A pod to create: its PVCs, the pod, and its first write (``CloneSetAction/settleCreatedPod(_:_:)``).
    struct PlannedPod {
        var claims: [PersistentVolumeClaim]
        var pod: Pod
        var settling: CloneSetPodSettling
    }

    /// Slow-start steps (`DoItSlowly` with initial batch 1): for each batch of 1, 2, 4, … pods, a step creating
    /// their PVCs, then a step creating the pods (each followed by its settling write).
    static func slowStart(_ planned: [PlannedPod]) -> [[CloneSetAction]] {
        var steps: [[CloneSetAction]] = []
        var start = 0, batch = 1
        while start < planned.count {
            let slice = planned[start..<min(start + batch, planned.count)]
            let claims = slice.flatMap { $0.claims.map(CloneSetAction.createPVC) }
            if !claims.isEmpty { steps.append(claims) }
            steps.append(slice.flatMap { planned -> [CloneSetAction] in
                [.createPod(planned.pod), .settleCreatedPod(ObjectIdentity(of: planned.pod), planned.settling)]
            })
            start += batch
            batch *= 2
        }
        return steps
    }
}
