public import KubeModel
import Synchronization

/// What the scheduler derives from each node (labels, taints, allocatable), memoised by name and
/// resourceVersion, so that a decision does not re-read every node's JSON. A node whose resourceVersion
/// changed is derived again, so the cache never answers with stale facts. (Bound pods are summed by
/// ``BoundPods`` instead.)
public final class SchedulingFactsCache: Sendable {
    /// Past this many entries the cache starts over (entries of deleted nodes are not tracked otherwise).
    private let limit: Int

    public init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// The derived values of one node version (the node itself kept for the rarer checks that read more).
    struct NodeFacts: Sendable {
        var node: Node
        var name: String
        var labels: [String: String]
        var taints: [Taint]
        var unschedulable: Bool
        /// `status.allocatable` as a request (cpu, memory, ephemeral storage, extended resources).
        var allocated: PodResourceRequest
        /// `status.allocatable.pods`.
        var allowedPods: Int64
    }

    private let nodeEntries: Mutex<[String: (version: String, value: NodeFacts)]> = Mutex([:])

    func facts(for node: Node) -> NodeFacts {
        let name = node.name
        return self.memoised(in: self.nodeEntries, key: name, version: node.metadata.resourceVersion ?? "") {
            let allocatable = node.status.allocatable
            return NodeFacts(
                node: node, name: name, labels: node.metadata.labels, taints: node.spec.taints,
                unschedulable: node.spec.unschedulable, allocated: PodResourceRequest.request(from: allocatable),
                allowedPods: allocatable["pods"]?.value ?? 0)
        }
    }

    /// The value derived from the object version `version` under `key`: the entry's when it was derived from
    /// that version, else `derive()`'s, kept for next time (objects without a key or version are not kept).
    private func memoised<Value: Sendable>(
        in table: borrowing Mutex<[String: (version: String, value: Value)]>, key: String, version: String,
        derive: () -> Value
    ) -> Value {
        guard !key.isEmpty, !version.isEmpty else { return derive() }
        if let cached = table.withLock({ $0[key] }), cached.version == version { return cached.value }
        let value = derive()
        table.withLock { entries in
            if entries.count >= self.limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = (version, value)
        }
        return value
    }
}
