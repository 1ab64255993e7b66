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
        return sorted(pods) { pod in
            SortKey(pod, available: available(pod), cost: CloneSetPods.deletionCost(pod), rank: ranks[pod.name] ?? 0)
        } by: { lhs, rhs in
            if let order = compareBasics(lhs, rhs) { return order }
            if lhs.available != rhs.available { return !lhs.available }
            if let order = compareReady(lhs, rhs) { return order }
            if lhs.cost != rhs.cost { return lhs.cost < rhs.cost }
            if lhs.rank != rhs.rank { return lhs.rank > rhs.rank }
            return compareTail(lhs, rhs)
        }
    }

    /// Kubernetes' `ActivePods.Less` (the default update order): unassigned < assigned; Pending < Unknown <
    /// Running; not ready < ready; shorter ready time first; more restarts first; newer first. Stable for ties.
    public static func activeOrder(_ pods: [Pod]) -> [Pod] {
        sorted(pods) { SortKey($0) } by: { lhs, rhs in
            if let order = compareBasics(lhs, rhs) { return order }
            if let order = compareReady(lhs, rhs) { return order }
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

    /// What the orderings compare, read from each pod once: the comparisons run O(n log n) times, and every
    /// field read walks the pod's JSON.
    struct SortKey {
        var unassigned: Bool
        var phase: Int
        var available: Bool
        var ready: Bool
        var cost: Int64
        var rank: Double
        var readyTime: KubeTime?
        var restarts: Int32
        var created: KubeTime?

        init(_ pod: Pod, available: Bool = false, cost: Int64 = 0, rank: Double = 0) {
            self.unassigned = (pod.spec.nodeName ?? "").isEmpty
            self.phase = CloneSetPodOrder.phaseOrdinal(pod)
            self.available = available
            self.ready = pod.isReady
            self.cost = cost
            self.rank = rank
            self.readyTime = self.ready ? pod.status.conditions[type: "Ready"]?.lastTransitionTime : nil
            self.restarts = pod.status.containerStatuses.map(\.restartCount).max() ?? 0
            self.created = pod.metadata.creationTimestamp
        }
    }

    /// `pods` stably sorted by `less` over each pod's key.
    static func sorted(_ pods: [Pod], key: (Pod) -> SortKey, by less: (SortKey, SortKey) -> Bool) -> [Pod] {
        let keys = pods.map(key)
        let order = keys.indices.sorted { lhs, rhs in
            if less(keys[lhs], keys[rhs]) { return true }
            if less(keys[rhs], keys[lhs]) { return false }
            return lhs < rhs
        }
        return order.map { pods[$0] }
    }

    private static func phaseOrdinal(_ pod: Pod) -> Int {
        switch pod.status.phase {
        case "Unknown": 1
        case "Running": 2
        default: 0
        }
    }

    private static func compareBasics(_ lhs: SortKey, _ rhs: SortKey) -> Bool? {
        if lhs.unassigned != rhs.unassigned { return lhs.unassigned }
        if lhs.phase != rhs.phase { return lhs.phase < rhs.phase }
        return nil
    }

    private static func compareReady(_ lhs: SortKey, _ rhs: SortKey) -> Bool? {
        if lhs.ready != rhs.ready { return !lhs.ready }
        return nil
    }

    /// `afterOrZero`: a zero time sorts first, otherwise the later time.
    private static func afterOrZero(_ lhs: KubeTime?, _ rhs: KubeTime?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil }
        return rhs < lhs
    }

    private static func compareTail(_ lhs: SortKey, _ rhs: SortKey) -> Bool {
        if lhs.ready && rhs.ready, lhs.readyTime != rhs.readyTime { return afterOrZero(lhs.readyTime, rhs.readyTime) }
        if lhs.restarts != rhs.restarts { return lhs.restarts > rhs.restarts }
        if lhs.created != rhs.created { return afterOrZero(lhs.created, rhs.created) }
        return false
    }
}
