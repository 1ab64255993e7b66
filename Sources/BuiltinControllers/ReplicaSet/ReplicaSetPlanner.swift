import KubeJSON
public import KubeModel

/// The ReplicaSet controller's decisions (`pkg/controller/replicaset`), as a pure function of what it observes.
///
/// Each plan compares the active pods the ReplicaSet controls with `spec.replicas`:
/// - too few: create the difference (at most ``SlowStart/burstReplicas`` per sync) in slow-start steps
///   of 1, 2, 4, …, each pod from the template with `generateName: <rs>-` and a controller reference;
/// - too many: delete the difference (same cap), choosing pods by ``PodDeletionOrder`` with colocation ranks
///   counted over `relatedPods` (the pods of every ReplicaSet of the same Deployment);
/// - and the status: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration,
///   with a stale ReplicaFailure condition removed.
///
/// Pods that are terminating or terminated (Succeeded/Failed) are ignored, as `FilterActivePods` does.
/// Planning again from the same observation gives the same plan; the reconciler's expectations keep it from
/// acting twice on a cache that has not yet seen the last plan's effects.
public struct ReplicaSetPlanner: Sendable {
    /// A planner.
    public init() {}

    /// The condition type recording a failed create or delete.
    public static let replicaFailureCondition = "ReplicaFailure"

    /// The plan for `replicaSet`.
    /// - Parameters:
    ///   - replicaSet: the ReplicaSet as observed.
    ///   - pods: pods in its namespace; only those whose controller reference names the ReplicaSet count.
    ///   - relatedPods: pods of the ReplicaSet's siblings (same owning Deployment), used to rank colocated
    ///     pods for deletion; `nil` uses `pods`.
    ///   - now: the time availability and deletion ranks are judged at.
    public func plan(replicaSet: ReplicaSet, pods: [Pod], relatedPods: [Pod]? = nil, now: KubeTime)
        -> ControllerPlan<ReplicaSetStatus>
    {
        let owned = ControllerReferences.controlled(pods, by: replicaSet)
        let active = owned.filter(PodPredicates.isActive)
        let desired = Int(replicaSet.spec.replicas ?? 1)
        var steps: [[ControllerAction]] = []
        let isBeingDeleted = replicaSet.metadata.isBeingDeleted
        if !isBeingDeleted {
            let difference = active.count - desired
            if difference < 0 {
                let count = min(-difference, SlowStart.burstReplicas)
                let pod = PodFactory.pod(
                    from: replicaSet.spec.template, owner: replicaSet, naming: .generateName(replicaSet.name + "-"))
                steps = SlowStart.steps(Array(repeating: .createPod(pod), count: count))
            } else if difference > 0 {
                let count = min(difference, SlowStart.burstReplicas)
                let victims = Self.podsToDelete(active, relatedPods: relatedPods ?? owned, count: count, now: now)
                steps = [victims.map { .deletePod(ObjectIdentity(of: $0)) }]
            }
        }
        let status = Self.status(of: replicaSet, activePods: active, now: now)
        return ControllerPlan(
            steps: steps, status: status, requeueAfter: Self.requeue(replicaSet, activePods: active, now: now))
    }

    /// `getPodsToDelete`: the first `count` of `pods` in deletion order (no ranking when all go).
    public static func podsToDelete(_ pods: [Pod], relatedPods: [Pod], count: Int, now: KubeTime) -> [Pod] {
        guard count < pods.count else { return pods }
        let ranks = PodDeletionOrder.colocationRanks(pods, relatedPods: relatedPods)
        return Array(PodDeletionOrder(now: now).sorted(pods, ranks: ranks).prefix(count))
    }

    /// `calculateStatus` for the active pods the ReplicaSet controls.
    public static func status(of replicaSet: ReplicaSet, activePods: [Pod], now: KubeTime) -> ReplicaSetStatus {
        var status = replicaSet.status
        let templateLabels = replicaSet.spec.template.metadata.labels
        let minReadySeconds = replicaSet.spec.minReadySeconds ?? 0
        var fullyLabeled: Int32 = 0, ready: Int32 = 0, available: Int32 = 0
        for pod in activePods {
            let labels = pod.metadata.labels
            if templateLabels.allSatisfy({ labels[$0.key] == $0.value }) { fullyLabeled += 1 }
            if PodReadiness.isReady(pod) {
                ready += 1
                if PodReadiness.isAvailable(pod, minReadySeconds: minReadySeconds, now: now) { available += 1 }
            }
        }
        status.replicas = Int32(activePods.count)
        status.fullyLabeledReplicas = fullyLabeled
        status.readyReplicas = ready
        status.availableReplicas = available
        status.observedGeneration = replicaSet.metadata.generation
        status.conditions = status.conditions.filter { $0.type != replicaFailureCondition }
        return status
    }

    /// `status` with the ReplicaFailure condition a failed sync records (reason `FailedCreate` or
    /// `FailedDelete`, the API error as message). An existing ReplicaFailure condition is kept as it is.
    public static func recordingFailure(
        _ status: ReplicaSetStatus, creating: Bool, message: String, now: KubeTime
    ) -> ReplicaSetStatus {
        var status = status
        var conditions = status.conditions
        guard conditions[type: replicaFailureCondition] == nil else { return status }
        var condition = Condition(
            type: replicaFailureCondition, status: "True", reason: creating ? "FailedCreate" : "FailedDelete",
            message: message)
        condition.lastTransitionTime = now
        conditions.append(condition)
        status.conditions = conditions
        return status
    }

    /// When a ready pod will become available (minReadySeconds), so the status can be refreshed then.
    static func requeue(_ replicaSet: ReplicaSet, activePods: [Pod], now: KubeTime) -> Duration? {
        let minReadySeconds = replicaSet.spec.minReadySeconds ?? 0
        return PodReadiness.earliest(
            activePods.map { PodReadiness.timeUntilAvailable($0, minReadySeconds: minReadySeconds, now: now) })
    }
}
