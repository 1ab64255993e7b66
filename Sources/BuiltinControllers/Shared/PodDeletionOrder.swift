import KubeJSON
public import KubeModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The order in which a ReplicaSet (and a Job) picks pods to delete: Kubernetes' `ActivePodsWithRanks`, with
/// the `PodDeletionCost` and `LogarithmicScaleDown` features on (their defaults since 1.22). Pods that sort
/// first are deleted first:
///
/// 1. unassigned before assigned;
/// 2. Pending before Unknown before Running;
/// 3. not ready before ready;
/// 4. lower `controller.kubernetes.io/pod-deletion-cost` first (when ``useDeletionCost``);
/// 5. higher rank first (more related pods colocated on the same node);
/// 6. both ready: ready for less time first, compared on a log2 scale of the time since `now`, ties broken by UID;
/// 7. more container restarts first;
/// 8. newer first, again on a log2 scale, ties broken by UID.
public struct PodDeletionOrder: Sendable {
    /// The pod annotation holding the deletion cost.
    public static let deletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost"

    /// The instant logarithmic comparisons are made from.
    public var now: KubeTime
    /// Whether rule 4 applies (`controller.ActivePods`, used by the Job controller, has no deletion cost).
    public var useDeletionCost: Bool

    /// An ordering as of `now`.
    public init(now: KubeTime, useDeletionCost: Bool = true) {
        self.now = now
        self.useDeletionCost = useDeletionCost
    }

    /// `pods` sorted for deletion; `ranks[i]` is the rank of `pods[i]` (0 when absent).
    public func sorted(_ pods: [Pod], ranks: [Int] = []) -> [Pod] {
        let ranked = pods.enumerated().map { (pod: $0.element, rank: $0.offset < ranks.count ? ranks[$0.offset] : 0, index: $0.offset) }
        return ranked.sorted { lhs, rhs in
            if self.precedes(lhs.pod, lhs.rank, rhs.pod, rhs.rank) { return true }
            if self.precedes(rhs.pod, rhs.rank, lhs.pod, lhs.rank) { return false }
            return lhs.index < rhs.index
        }.map(\.pod)
    }

    /// `getPodsRankedByRelatedPodsOnSameNode`: each pod's rank is the number of active `relatedPods` on its node.
    public static func colocationRanks(_ pods: [Pod], relatedPods: [Pod]) -> [Int] {
        var perNode: [String: Int] = [:]
        for pod in relatedPods where PodPredicates.isActive(pod) {
            if let node = pod.spec.nodeName, !node.isEmpty { perNode[node, default: 0] += 1 }
        }
        return pods.map { pod in
            guard let node = pod.spec.nodeName, !node.isEmpty else { return 0 }
            return perNode[node] ?? 0
        }
    }

    /// The deletion cost of a pod: the annotation as an int32, 0 when missing or invalid.
    public static func deletionCost(_ pod: Pod) -> Int32 {
        guard let text = pod.metadata.annotations[deletionCostAnnotation] else { return 0 }
        return Int32(text) ?? 0
    }

    /// `ActivePodsWithRanks.Less`.
    func precedes(_ lhs: Pod, _ lhsRank: Int, _ rhs: Pod, _ rhsRank: Int) -> Bool {
        let lhsNode = lhs.spec.nodeName ?? "", rhsNode = rhs.spec.nodeName ?? ""
        if lhsNode != rhsNode && (lhsNode.isEmpty || rhsNode.isEmpty) { return lhsNode.isEmpty }
        let lhsPhase = Self.phaseOrdinal(lhs), rhsPhase = Self.phaseOrdinal(rhs)
        if lhsPhase != rhsPhase { return lhsPhase < rhsPhase }
        let lhsReady = PodReadiness.isReady(lhs), rhsReady = PodReadiness.isReady(rhs)
        if lhsReady != rhsReady { return !lhsReady }
        if self.useDeletionCost {
            let lhsCost = Self.deletionCost(lhs), rhsCost = Self.deletionCost(rhs)
            if lhsCost != rhsCost { return lhsCost < rhsCost }
        }
        if lhsRank != rhsRank { return lhsRank > rhsRank }
        if lhsReady && rhsReady {
            let lhsTime = PodReadiness.readySince(lhs), rhsTime = PodReadiness.readySince(rhs)
            if lhsTime != rhsTime { return self.laterOnLogScale(lhsTime, rhsTime, lhs, rhs) }
        }
        let lhsRestarts = PodPredicates.maxContainerRestarts(lhs), rhsRestarts = PodPredicates.maxContainerRestarts(rhs)
        if lhsRestarts != rhsRestarts { return lhsRestarts > rhsRestarts }
        let lhsCreated = lhs.metadata.creationTimestamp, rhsCreated = rhs.metadata.creationTimestamp
        if lhsCreated != rhsCreated { return self.laterOnLogScale(lhsCreated, rhsCreated, lhs, rhs) }
        return false
    }

    /// Pending 0, Unknown 1, Running 2; any other phase (or none) counts as Pending, as Go's map lookup does.
    static func phaseOrdinal(_ pod: Pod) -> Int {
        switch pod.status.phase {
        case "Unknown": 1
        case "Running": 2
        default: 0
        }
    }

    /// `afterOrZero` with `logarithmicRankDiff`: a missing time sorts first; otherwise the times are bucketed by
    /// `log2(now − t)` in nanoseconds and the more recent bucket sorts first, equal buckets by UID.
    func laterOnLogScale(_ lhs: KubeTime?, _ rhs: KubeTime?, _ lhsPod: Pod, _ rhsPod: Pod) -> Bool {
        guard let lhs, let rhs else { return lhs == nil }
        let difference = Self.logBucket(lhs, now: self.now) - Self.logBucket(rhs, now: self.now)
        if difference == 0 { return (lhsPod.metadata.uid ?? "") < (rhsPod.metadata.uid ?? "") }
        return difference < 0
    }

    static func logBucket(_ time: KubeTime, now: KubeTime) -> Int64 {
        let elapsed = now.duration(since: time)
        let (seconds, attoseconds) = elapsed.components
        let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
        guard nanoseconds > 0 else { return -1 }
        return Int64(log2(nanoseconds))
    }
}
