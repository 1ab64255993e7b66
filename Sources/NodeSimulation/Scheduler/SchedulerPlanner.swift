public import KubeModel

/// The scheduling core of `kruise local`: kube-scheduler's default filters and scores over plain values.
///
/// Filters, in kube-scheduler's plugin order (a node is rejected by the first that fails):
/// NodeUnschedulable, TaintToleration (NoSchedule and NoExecute), NodeAffinity (`nodeSelector` and required
/// node affinity), NodeResourcesFit (cpu, memory, ephemeral-storage, extended resources, pod count) and
/// InterPodAffinity (required pod affinity, required pod anti-affinity, and existing pods' anti-affinity).
///
/// Scores (weights as kube-scheduler's defaults): TaintToleration ×3 (PreferNoSchedule), NodeAffinity ×2
/// (preferred terms), spreading ×2 of pods with the same controller across zones then nodes (SelectorSpread's
/// formula), NodeResourcesFit ×1 (least allocated) and NodeResourcesBalancedAllocation ×1. Ties go to the
/// node whose name sorts first, so decisions are deterministic.
///
/// Priority preemption is not simulated: the unschedulable message reports every node that could only be
/// freed by preemption as "No preemption victims found for incoming pod".
public struct SchedulerPlanner: Sendable {
    /// The `schedulerName` this scheduler serves (pods without one are defaulted to it).
    public var schedulerName: String

    public init(schedulerName: String = "default-scheduler") {
        self.schedulerName = schedulerName
    }

    /// Decides where `pod` goes among `nodes`, given `boundPods` (the pods with a `spec.nodeName`; others and
    /// terminated ones are ignored, so a scheduler may pass every pod it knows) and the labels of namespaces
    /// (for `namespaceSelector`s).
    public func decide(
        pod: Pod,
        nodes: [Node],
        boundPods: [Pod],
        namespaceLabels: [String: [String: String]] = [:]
    ) -> SchedulingDecision {
        self.decide(pod: pod, nodes: nodes, bound: [BoundPods(pods: boundPods)], namespaceLabels: namespaceLabels)
    }

    /// Where `pod` goes among `nodes`, given the pods `bound` to them (summed in one or more parts: the
    /// scheduler's cache and its own bindings not yet in it); node facts are memoised in `facts`.
    public func decide(
        pod: Pod,
        nodes: [Node],
        bound: [BoundPods],
        namespaceLabels: [String: [String: String]] = [:],
        facts: SchedulingFactsCache = SchedulingFactsCache()
    ) -> SchedulingDecision {
        if let nodeName = pod.spec.nodeName, !nodeName.isEmpty {
            return .skipped(reason: "already assigned to node \(nodeName)")
        }
        if pod.metadata.isBeingDeleted { return .skipped(reason: "being deleted") }
        if pod.isTerminated { return .skipped(reason: "terminated") }
        let requestedScheduler = pod.spec.schedulerName ?? "default-scheduler"
        if requestedScheduler != self.schedulerName {
            return .skipped(reason: "scheduler \(requestedScheduler) is not \(self.schedulerName)")
        }
        if nodes.isEmpty { return .unschedulable(message: "no nodes available to schedule pods") }

        let nodeFacts = nodes.map { facts.facts(for: $0) }
        let context = SchedulingContext(pod: pod, nodes: nodeFacts, bound: bound, namespaceLabels: namespaceLabels)
        var statuses: [String: FilterStatus] = [:]
        var feasible: [SchedulingFactsCache.NodeFacts] = []
        for node in nodeFacts {
            if let status = context.filter(node) {
                statuses[node.name] = status
            } else {
                feasible.append(node)
            }
        }
        guard !feasible.isEmpty else {
            return .unschedulable(message: Self.unschedulableMessage(pod: pod, nodeCount: nodes.count, statuses: statuses))
        }
        let scores = context.scores(feasible)
        let best = feasible.max { lhs, rhs in
            let left = scores[lhs.name] ?? 0
            let right = scores[rhs.name] ?? 0
            if left != right { return left < right }
            return lhs.name > rhs.name
        }!
        return .bind(nodeName: best.name)
    }

    /// The scores of `nodes` for `pod` (for diagnostics and tests): the weighted sum over the scoring plugins
    /// of the nodes that pass every filter; rejected nodes are absent.
    public func scores(pod: Pod, nodes: [Node], boundPods: [Pod], namespaceLabels: [String: [String: String]] = [:]) -> [String: Int64] {
        let facts = SchedulingFactsCache()
        let nodeFacts = nodes.map { facts.facts(for: $0) }
        let context = SchedulingContext(pod: pod, nodes: nodeFacts, bound: [BoundPods(pods: boundPods)], namespaceLabels: namespaceLabels)
        return context.scores(nodeFacts.filter { context.filter($0) == nil })
    }

    /// kube-scheduler's `FitError` text followed by the preemption attempt's, e.g.
    /// `0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu.
    /// preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims
    /// found for incoming pod..` (the doubled period is kube-scheduler's).
    static func unschedulableMessage(pod: Pod, nodeCount: Int, statuses: [String: FilterStatus]) -> String {
        var reasons: [String: Int] = [:]
        for status in statuses.values {
            for reason in status.reasons { reasons[reason, default: 0] += 1 }
        }
        var message = "0/\(nodeCount) nodes are available: \(Self.histogram(reasons))."
        let postFilter: String
        if pod.spec.value("preemptionPolicy", as: String.self) == "Never" {
            postFilter = "not eligible due to preemptionPolicy=Never."
        } else {
            var preemption: [String: Int] = [:]
            for status in statuses.values {
                let reason = status.resolvable ? "No preemption victims found for incoming pod" : "Preemption is not helpful for scheduling"
                preemption[reason, default: 0] += 1
            }
            postFilter = "0/\(nodeCount) nodes are available: \(Self.histogram(preemption))."
        }
        message += " preemption: \(postFilter)."
        return message
    }

    /// `count reason` strings sorted as Go's `sort.Strings` (bytewise), joined by ", ".
    private static func histogram(_ reasons: [String: Int]) -> String {
        reasons.map { "\($0.value) \($0.key)" }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .joined(separator: ", ")
    }
}
