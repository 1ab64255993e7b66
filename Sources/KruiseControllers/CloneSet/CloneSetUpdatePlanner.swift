public import KruiseAPI
public import KubeModel

/// CloneSet `Update()` (`pkg/controller/cloneset/sync/cloneset_update.go`) as a pure function.
///
/// 1. Refresh every pod: finish in-place grace periods, set `InPlaceUpdateReady` True once an update completed,
///    advance lifecycle states (PreparingNormal → Normal, Updating → Updated/Normal, …) and add a missing
///    `pod-template-hash`. If a lifecycle or hash label changed, stop here.
/// 2. Stop when paused.
/// 3. Pick the pods not at the target revision (or at the update revision when rolling back), skipping
///    PreparingDelete pods and pods in a grace period; sort them (``CloneSetUpdateSort``); keep
///    |``CloneSetDiffs/updateNum``| of them within ``CloneSetDiffs/updateMaxUnavailable``.
/// 4. Update each: in place when the strategy allows and only images/metadata changed (after the
///    inPlaceUpdate hook), else recreate by labelling the pod `apps.kruise.io/specified-delete: "true"`.
public struct CloneSetUpdatePlanner: Sendable {
    /// A planner.
    public init() {}

    /// The outcome of the update pass.
    public struct Result: Sendable, Hashable {
        /// The actions (one step; the pod changes are independent).
        public var actions: [CloneSetAction]
        /// The diffs of the update pass (`nil` when it stopped before computing them).
        public var diffs: CloneSetDiffs?
        /// Look again after this long (grace periods).
        public var requeueAfter: Duration?
        /// Why a pod could not be updated.
        public var failure: CloneSetPlanningError?
    }

    /// Plans the update pass for `cloneSet`'s active `pods`.
    public func plan(
        cloneSet: CloneSet, currentRevision: ControllerRevision, updateRevision: ControllerRevision,
        revisions: [ControllerRevision], pods: [Pod], now: KubeTime
    ) -> Result {
        var actions: [CloneSetAction] = []
        var requeue: Duration?
        func requeueAt(_ duration: Duration?) {
            guard let duration, duration > .zero else { return }
            requeue = requeue.map { min($0, duration) } ?? duration
        }

        // 1. refresh
        var modified = false
        for pod in pods {
            let refresh = InPlaceUpdate.refresh(pod: pod, now: now)
            requeueAt(refresh.requeueAfter)
            var status = refresh.status
            var updated = refresh.pod ?? pod
            // Tracked rather than compared: a deep comparison of every pod on every sync costs more than the rest.
            var podChanged = refresh.pod != nil
            if let state = Self.nextLifecycleState(cloneSet: cloneSet, pod: pod, updateRevision: updateRevision.name) {
                updated = CloneSetPods.settingLifecycle(updated, state, now: now)
                modified = true
                podChanged = true
                // markPodNotReady: an in-place update that reached Updated releases the pod's readiness.
                if state == .updated, cloneSet.spec.lifecycle?.inPlaceUpdate?.markPodNotReady == true,
                    let released = KruisePodReadiness.removingNotReadyKey(
                        KruisePodReadiness.preparingUpdateKey, from: status ?? pod, now: now)
                {
                    status = released
                }
            }
            // (A lifecycle change leaves the label as it was; only a finished grace period rewrites the pod.)
            let missesTemplateHash = refresh.pod == nil
                ? !CloneSetPodFacts.of(pod).hasPodTemplateHash : updated.metadata.label(KruiseKeys.podTemplateHash) == nil
            if missesTemplateHash {
                let hash = pod.metadata.label(KruiseKeys.controllerRevisionHash) ?? ""
                updated.metadata.labels[KruiseKeys.podTemplateHash] = CloneSetPods.shortHash(hash)
                modified = true
                podChanged = true
            }
            podChanged = podChanged && updated != pod
            if var status, podChanged, refresh.pod == nil {
                // Only labels and annotations changed besides the status, and pods/status writes metadata too
                // (kube-apiserver's podStatusStrategy): one write where upstream makes two, a condition update
                // then a lifecycle patch, with the same outcome.
                status.metadata.labels = updated.metadata.labels
                status.metadata.annotations = updated.metadata.annotations
                actions.append(.updatePodStatus(PodChange(from: pod, to: status)))
                continue
            }
            if let status { actions.append(.updatePodStatus(PodChange(from: pod, to: status))) }
            if podChanged { actions.append(.updatePod(PodChange(from: pod, to: updated))) }
        }
        if modified || cloneSet.spec.updateStrategy.paused {
            return Result(actions: actions, diffs: nil, requeueAfter: requeue)
        }

        // 2. diffs
        let diffs = CloneSetDiffs.calculate(
            cloneSet: cloneSet, pods: pods, currentRevision: currentRevision.name, updateRevision: updateRevision.name,
            now: now)
        if diffs.updateNum == 0 { return Result(actions: actions, diffs: diffs, requeueAfter: requeue) }

        // 3. candidates
        let target = diffs.updateNum > 0 ? updateRevision : currentRevision
        var candidates: [Int] = []
        for (index, pod) in pods.enumerated() {
            let atUpdate = CloneSetPods.isAtRevision(pod, updateRevision.name)
            let waiting = diffs.updateNum > 0 ? !atUpdate : atUpdate
            guard waiting else { continue }
            switch CloneSetPods.lifecycleState(pod) {
            case LifecycleState.preparingDelete.rawValue:
                continue
            case LifecycleState.updated.rawValue:
                candidates.append(index)
            default:
                if (pod.metadata.annotation(KruiseKeys.inPlaceUpdateGrace) ?? "").isEmpty { candidates.append(index) }
            }
        }
        let sorted = CloneSetUpdateSort.sort(pods: pods, candidates: candidates, strategy: cloneSet.spec.updateStrategy)
        let chosen = Self.limit(
            sorted, pods: pods, diffs: diffs, targetRevision: target.name,
            minReadySeconds: cloneSet.spec.minReadySeconds, now: now)

        // 4. update
        var failure: CloneSetPlanningError?
        var specs: [String: InPlaceUpdate.Spec?] = [:]
        for index in chosen {
            switch Self.updateActions(
                cloneSet: cloneSet, pod: pods[index], target: target, revisions: revisions, now: now, specs: &specs)
            {
            case .success(let (podActions, delay)):
                actions += podActions
                requeueAt(delay)
            case .failure(let error):
                failure = error
            }
            if failure != nil { break }
        }
        return Result(actions: actions, diffs: diffs, requeueAfter: requeue, failure: failure)
    }

    /// `limitUpdateIndexes`.
    static func limit(
        _ indexes: [Int], pods: [Pod], diffs: CloneSetDiffs, targetRevision: String, minReadySeconds: Int32,
        now: KubeTime
    ) -> [Int] {
        let capped = Array(indexes.prefix(abs(diffs.updateNum)))
        var unavailable = 0, targetUnavailable = 0, allowed = 0
        for pod in pods where !CloneSetPods.isAvailable(pod, minReadySeconds: minReadySeconds, now: now) {
            unavailable += 1
            if CloneSetPods.isAtRevision(pod, targetRevision) { targetUnavailable += 1 }
        }
        for index in capped {
            if targetUnavailable + allowed >= diffs.updateMaxUnavailable { break }
            if CloneSetPods.isAvailable(pods[index], minReadySeconds: minReadySeconds, now: now) {
                if unavailable >= diffs.updateMaxUnavailable { break }
                unavailable += 1
            }
            allowed += 1
        }
        return Array(capped.prefix(allowed))
    }

    /// `refreshPodState`'s lifecycle transition for `pod`, if any.
    static func nextLifecycleState(cloneSet: CloneSet, pod: Pod, updateRevision: String) -> LifecycleState? {
        let lifecycle = cloneSet.spec.lifecycle
        switch CloneSetPods.lifecycleState(pod) {
        case LifecycleState.preparingNormal.rawValue:
            if lifecycle?.preNormal == nil || CloneSetPods.isAllHooked(pod, lifecycle?.preNormal) { return .normal }
        case LifecycleState.preparingUpdate.rawValue:
            if CloneSetPods.isAtRevision(pod, updateRevision) {
                if let lifecycle, !CloneSetPods.isAllHooked(pod, lifecycle.inPlaceUpdate) { return .updated }
                return .normal
            }
        case LifecycleState.updating.rawValue:
            if InPlaceUpdate.isUpdateCompleted(pod) {
                if let lifecycle, !CloneSetPods.isAllHooked(pod, lifecycle.inPlaceUpdate) { return .updated }
                return .normal
            }
        case LifecycleState.updated.rawValue:
            if lifecycle?.inPlaceUpdate == nil || CloneSetPods.isAllHooked(pod, lifecycle?.inPlaceUpdate) { return .normal }
        default:
            break
        }
        return nil
    }

    /// `updatePod`: the actions moving one pod to `target`, and a requeue delay (grace period). `specs` holds the
    /// in-place changes already worked out in this plan, by the revision pods move from.
    static func updateActions(
        cloneSet: CloneSet, pod: Pod, target: ControllerRevision, revisions: [ControllerRevision], now: KubeTime,
        specs: inout [String: InPlaceUpdate.Spec?]
    ) -> Swift.Result<([CloneSetAction], Duration?), CloneSetPlanningError> {
        let strategy = cloneSet.spec.updateStrategy
        let lifecycle = cloneSet.spec.lifecycle
        if strategy.type == .inPlaceIfPossible || strategy.type == .inPlaceOnly {
            let old = revisions.first { CloneSetPods.isAtRevision(pod, $0.name) }
            let grace = strategy.inPlaceUpdateStrategy?.gracePeriodSeconds ?? 0
            // The same for every pod of one revision (a rollout moves hundreds from one revision to the target).
            let spec: InPlaceUpdate.Spec?
            if let known = specs[old?.name ?? ""] {
                spec = known
            } else {
                spec = InPlaceUpdate.spec(from: old, to: target, graceSeconds: grace)
                specs[old?.name ?? ""] = .some(spec)
            }
            if let spec {
                let state = CloneSetPods.lifecycleState(pod)
                switch state {
                case "", LifecycleState.preparingNormal.rawValue, LifecycleState.normal.rawValue:
                    if let hook = lifecycle?.inPlaceUpdate, CloneSetPods.isHooked(pod, hook) {
                        let updated = CloneSetPods.settingLifecycle(pod, .preparingUpdate, now: now)
                        return .success((Self.notReady(pod, hook: hook, now: now) + [.updatePod(PodChange(from: pod, to: updated))], nil))
                    }
                case LifecycleState.updated.rawValue:
                    // UpdatePodLifecycleWithHandler: re-apply the inPlaceUpdate handlers, go to PreparingUpdate.
                    var updated = CloneSetPods.settingLifecycle(pod, .preparingUpdate, now: now)
                    if let hook = lifecycle?.inPlaceUpdate {
                        for (key, value) in hook.labelsHandler { updated.metadata.labels[key] = value }
                        var finalizers = updated.metadata.finalizers
                        for finalizer in hook.finalizersHandler where !finalizers.contains(finalizer) {
                            finalizers.append(finalizer)
                        }
                        updated.metadata.finalizers = finalizers
                    }
                    return .success((Self.notReady(pod, hook: lifecycle?.inPlaceUpdate, now: now) + [.updatePod(PodChange(from: pod, to: updated))], nil))
                case LifecycleState.preparingUpdate.rawValue:
                    if let hook = lifecycle?.inPlaceUpdate, CloneSetPods.isHooked(pod, hook) { return .success(([], nil)) }
                case LifecycleState.updating.rawValue:
                    break
                default:
                    return .failure(.inPlaceUpdateNotAllowed(pod: pod.name, state: state))
                }
                let change = InPlaceUpdate.update(pod: pod, spec: spec, now: now)
                let delay: Duration? = grace > 0 ? .seconds(Int64(grace)) : nil
                return .success(([.inPlaceUpdate(change)], delay))
            }
            if strategy.type == .inPlaceOnly { return .failure(.inPlaceOnlyNotPossible(pod: pod.name)) }
        }
        if pod.metadata.labels[KruiseKeys.specifiedDelete] == "true" { return .success(([], nil)) }
        var updated = pod
        updated.metadata.labels[KruiseKeys.specifiedDelete] = "true"
        return .success(([.updatePod(PodChange(from: pod, to: updated))], nil))
    }

    /// `markPodNotReady` of the inPlaceUpdate hook: the status write holding the pod not ready while it prepares
    /// for the update (nothing when the hook does not ask for it, the pod has no `KruisePodReady` gate, or it is
    /// held already).
    static func notReady(_ pod: Pod, hook: LifecycleHook?, now: KubeTime) -> [CloneSetAction] {
        guard hook?.markPodNotReady == true,
            let held = KruisePodReadiness.addingNotReadyKey(KruisePodReadiness.preparingUpdateKey, to: pod, now: now)
        else { return [] }
        return [.updatePodStatus(PodChange(from: pod, to: held))]
    }
}
