public import KruiseAPI
public import KubeModel

/// The update order of CloneSet pods (`SortUpdateIndexes` and `pkg/util/updatesort`): Kubernetes' ActivePods
/// order, then priorityStrategy (stable), then scatterStrategy, then PreparingUpdate pods first (stable).
public enum CloneSetUpdateSort {
    /// Sorts `candidates` (indexes into `pods`).
    public static func sort(pods: [Pod], candidates: [Int], strategy: CloneSetUpdateStrategy) -> [Int] {
        let ordered = CloneSetPodOrder.activeOrder(candidates.map { pods[$0] })
        var byName: [String: Int] = [:]
        for index in candidates { byName[pods[index].name] = index }
        var indexes = ordered.map { byName[$0.name]! }
        if let priority = strategy.priorityStrategy {
            indexes = prioritySorted(pods: pods, indexes: indexes, strategy: priority)
        }
        let scatter = strategy.scatterStrategy
        if !scatter.isEmpty {
            indexes = scatterSorted(pods: pods, indexes: indexes, terms: scatter)
        }
        let preparing = indexes.filter { CloneSetPods.isInState(pods[$0], .preparingUpdate) }
        let others = indexes.filter { !CloneSetPods.isInState(pods[$0], .preparingUpdate) }
        return preparing + others
    }

    /// The priority sort: by summed matching weights (higher first), or by the first ordered key present
    /// (earlier key first; pods with none of the keys first, level −1, as upstream) and then by the value's
    /// trailing integer (higher first). Stable.
    public static func prioritySorted(pods: [Pod], indexes: [Int], strategy: UpdatePriorityStrategy) -> [Int] {
        let weights = strategy.weightPriority
        let orders = strategy.orderPriority
        if !weights.isEmpty {
            let selectors = weights.map { term in (term.weight, term.matchSelector.flatMap { try? $0.asSelector() }) }
            func weight(_ pod: Pod) -> Int64 {
                var total: Int64 = 0
                for (value, selector) in selectors {
                    if let selector, selector.matches(pod.metadata.labels) { total += Int64(value) }
                }
                return total
            }
            return stable(indexes) { weight(pods[$0]) > weight(pods[$1]) }
        }
        if !orders.isEmpty {
            func level(_ pod: Pod) -> (Int, Int64) {
                for (index, term) in orders.enumerated() {
                    if let value = pod.metadata.labels[term.orderedKey] { return (index, trailingInteger(value)) }
                }
                return (-1, 0)
            }
            return stable(indexes) { lhs, rhs in
                let left = level(pods[lhs]), right = level(pods[rhs])
                if left.0 != right.0 { return left.0 < right.0 }
                return left.1 > right.1
            }
        }
        return indexes
    }

    /// `getIntFromStringSuffix`: the trailing decimal digits of `value` ("sts-10" → 10), 0 when none.
    public static func trailingInteger(_ value: String) -> Int64 {
        let digits = value.reversed().prefix { $0.isASCII && $0.isNumber }
        return Int64(String(digits.reversed())) ?? 0
    }

    /// The scatter sort: for each term (most matched first), interleave matched and unmatched pods by density,
    /// keeping the last matched pod at the end.
    public static func scatterSorted(pods: [Pod], indexes: [Int], terms: [UpdateScatterTerm]) -> [Int] {
        guard indexes.count > 1 else { return indexes }
        var result = indexes
        for term in orderedTerms(pods: pods, indexes: indexes, terms: terms) {
            result = scatter(term: term, pods: pods, indexes: result)
        }
        return result
    }

    private static func orderedTerms(pods: [Pod], indexes: [Int], terms: [UpdateScatterTerm]) -> [UpdateScatterTerm] {
        if terms.count == 1 { return terms }
        var seen: [UpdateScatterTerm] = []
        var counts: [String: Int] = [:]
        for term in terms {
            for index in indexes where pods[index].metadata.labels[term.key] == term.value {
                let id = term.key + ":" + term.value
                if counts[id] == nil { seen.append(UpdateScatterTerm(key: term.key, value: term.value)) }
                counts[id, default: 0] += 1
            }
        }
        return seen.enumerated().sorted { lhs, rhs in
            let left = counts[lhs.element.key + ":" + lhs.element.value] ?? 0
            let right = counts[rhs.element.key + ":" + rhs.element.value] ?? 0
            if left != right { return left > right }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private struct Group {
        var count = 0, matchedSize = 0, unmatchedSize = 0, unmatchedRemainder = 0

        init(matched: Int, unmatched: Int) {
            self.count = min(matched, unmatched)
            guard self.count > 0 else { return }
            self.matchedSize = Int((Double(matched) / Double(self.count)).rounded())
            self.unmatchedSize = Int((Double(unmatched) / Double(self.count)).rounded())
        }

        init() {}
    }

    private static func scatter(term: UpdateScatterTerm, pods: [Pod], indexes: [Int]) -> [Int] {
        var matched = indexes.filter { pods[$0].metadata.labels[term.key] == term.value }
        var unmatched = indexes.filter { pods[$0].metadata.labels[term.key] != term.value }
        if matched.count <= 1 || unmatched.count <= 1 { return indexes }
        var totalMatched = pods.filter { $0.metadata.labels[term.key] == term.value }.count
        let totalUnmatched = pods.count - totalMatched
        let last = matched.removeLast()
        totalMatched -= 1

        let group = density(totalMatched: totalMatched, totalUnmatched: totalUnmatched, matched: matched.count, unmatched: unmatched.count)
        var result: [Int] = []
        if group.unmatchedRemainder > 0 {
            result += unmatched.prefix(group.unmatchedRemainder)
            unmatched.removeFirst(min(group.unmatchedRemainder, unmatched.count))
        }
        func migrate(_ source: inout [Int], _ size: Int) {
            if source.isEmpty { return }
            if source.count < size {
                result += source
                source = []
                return
            }
            result += source.prefix(size)
            source.removeFirst(size)
        }
        for _ in 0..<max(group.count, 0) {
            migrate(&matched, group.matchedSize)
            migrate(&unmatched, group.unmatchedSize)
        }
        result += matched + unmatched + [last]
        return result
    }

    private static func density(totalMatched: Int, totalUnmatched: Int, matched: Int, unmatched: Int) -> Group {
        let total = Group(matched: totalMatched, unmatched: totalUnmatched)
        let update = Group(matched: matched, unmatched: unmatched)
        if Float(totalUnmatched) / Float(totalMatched) >= Float(unmatched) / Float(matched) { return update }
        var group = Group()
        group.matchedSize = total.matchedSize
        group.unmatchedSize = total.unmatchedSize
        guard group.matchedSize > 0, group.unmatchedSize > 0 else { return update }
        group.count = min(matched / group.matchedSize, unmatched / group.unmatchedSize)
        group.unmatchedRemainder = unmatched - group.count * group.unmatchedSize
        return group
    }

    private static func stable(_ indexes: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        indexes.enumerated().sorted { lhs, rhs in
            if less(lhs.element, rhs.element) { return true }
            if less(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
