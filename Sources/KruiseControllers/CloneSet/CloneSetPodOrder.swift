import KruiseAPI
public import KubeModel

/// The pod orderings CloneSet uses: scale-down victims (`ActivePodsWithRanks` with the same-node ranker) and
/// the default update order (Kubernetes' `ActivePods`).
public enum CloneSetPodOrder {
    /// `ActivePodsWithRanks.Less` for scale-down: unassigned < assigned; Pending < Unknown < Running; not
    /// available < available; not ready < ready; lower `pod-deletion-cost` first; higher same-node rank first;
    /// shorter ready time first; more restarts first; newer first. Stable for ties.
    public static func deletionOrder(_ pods: [Pod], available: (Pod) -> Bool) -> [Pod] {
        let ranks = sameNodeRanks(pods)
        return stableSorted(pods) { lhs, rhs in
            if let order = compareBasics(lhs, rhs) { return order }
            let lhsAvailable = available(lhs), rhsAvailable = available(rhs)
            if lhsAvailable != rhsAvailable { return !lhsAvailable }
            if let order = compareReady(lhs, rhs, withTimes: false) { return order }
            let lhsCost = CloneSetPods.deletionCost(lhs), rhsCost = CloneSetPods.deletionCost(rhs)
            if lhsCost != rhsCost { return lhsCost < rhsCost }
            let lhsRank = ranks[lhs.name] ?? 0, rhsRank = ranks[rhs.name] ?? 0
            if lhsRank != rhsRank { return lhsRank > rhsRank }
            return compareTail(lhs, rhs)
        }
    }

    /// Kubernetes' `ActivePods.Less` (the default update order): unassigned < assigned; Pending < Unknown <
    /// Running; not ready < ready; shorter ready time first; more restarts first; newer first. Stable for ties.
    public static func activeOrder(_ pods: [Pod]) -> [Pod] {
        stableSorted(pods) { lhs, rhs in
            if let order = compareBasics(lhs, rhs) { return order }
            if let order = compareReady(lhs, rhs, withTimes: false) { return order }
            return compareTail(lhs, rhs)
        }
    }

    /// `NewSameNodeRanker`: on a node with n > 1 of the pods, all but the last in `ActivePods` order get ranks
    /// n−1, n−2, …, 1 (so crowded nodes are relieved first).
    public static func sameNodeRanks(_ pods: [Pod]) -> [String: Double] {
        var byNode: [String: [Pod]] = [:]
        for pod in pods {
            if let node = pod.spec.nodeName, !node.isEmpty { byNode[node, default: []].append(pod) }
        }
        var ranks: [String: Double] = [:]
        for (_, onNode) in byNode where onNode.count > 1 {
            let ordered = Array(activeOrder(onNode).dropLast())
            for (index, pod) in ordered.enumerated() { ranks[pod.name] = Double(ordered.count - index) }
        }
        return ranks
    }

    static func stableSorted(_ pods: [Pod], by less: (Pod, Pod) -> Bool) -> [Pod] {
        pods.enumerated().sorted { lhs, rhs in
            if less(lhs.element, rhs.element) { return true }
            if less(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func phaseOrdinal(_ pod: Pod) -> Int {
        switch pod.status.phase {
        case "Unknown": 1
        case "Running": 2
        default: 0
        }
    }

    private static func compareBasics(_ lhs: Pod, _ rhs: Pod) -> Bool? {
        let lhsNode = lhs.spec.nodeName ?? "", rhsNode = rhs.spec.nodeName ?? ""
        if lhsNode != rhsNode && (lhsNode.isEmpty || rhsNode.isEmpty) { return lhsNode.isEmpty }
        let lhsPhase = phaseOrdinal(lhs), rhsPhase = phaseOrdinal(rhs)
        if lhsPhase != rhsPhase { return lhsPhase < rhsPhase }
        return nil
    }

    private static func compareReady(_ lhs: Pod, _ rhs: Pod, withTimes: Bool) -> Bool? {
        if lhs.isReady != rhs.isReady { return !lhs.isReady }
        return nil
    }

    /// `afterOrZero`: a zero time sorts first, otherwise the later time.
    private static func afterOrZero(_ lhs: KubeTime?, _ rhs: KubeTime?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil }
        return rhs < lhs
    }

    private static func maxRestarts(_ pod: Pod) -> Int32 {
        pod.status.containerStatuses.map(\.restartCount).max() ?? 0
    }

    private static func compareTail(_ lhs: Pod, _ rhs: Pod) -> Bool {
        if lhs.isReady && rhs.isReady {
            let lhsTime = lhs.status.conditions[type: "Ready"]?.lastTransitionTime
            let rhsTime = rhs.status.conditions[type: "Ready"]?.lastTransitionTime
            if lhsTime != rhsTime { return afterOrZero(lhsTime, rhsTime) }
        }
        let lhsRestarts = maxRestarts(lhs), rhsRestarts = maxRestarts(rhs)
        if lhsRestarts != rhsRestarts { return lhsRestarts > rhsRestarts }
        let lhsCreated = lhs.metadata.creationTimestamp, rhsCreated = rhs.metadata.creationTimestamp
        if lhsCreated != rhsCreated { return afterOrZero(lhsCreated, rhsCreated) }
        return false
    }
}
