public import KubeModel
import Synchronization

/// What the scheduler derives from each bound pod on every cycle (resource requests, required
/// anti-affinity terms, controller, phase), memoised by UID and resourceVersion, and from each node
/// (labels, taints, allocatable), memoised by name and resourceVersion. Without it every decision
/// re-reads every pod's and node's JSON: at 10,000 pods that is most of a scheduling cycle. An object whose
/// resourceVersion changed is derived again, so the cache never answers with stale facts.
public final class SchedulingFactsCache: Sendable {
    /// The derived values of one pod version.
    struct Facts: Sendable {
        var uid: String
        var namespace: String
        var isTerminated: Bool
        var request: PodResourceRequest
        var nonZeroRequest: PodResourceRequest
        var requiredAntiAffinity: [PodAffinityTerm]
        var controllerUID: String?
        var isBeingDeleted: Bool
    }

    private let entries: Mutex<[String: (version: String, value: Facts)]> = Mutex([:])
    /// Past this many entries the cache starts over (entries of deleted pods are not tracked otherwise).
    private let limit: Int

    public init(limit: Int = 100_000) {
        self.limit = limit
    }

    func facts(for pod: Pod) -> Facts {
        let uid = pod.metadata.uid ?? ""
        return self.memoised(in: self.entries, key: uid, version: pod.metadata.resourceVersion ?? "") {
            Facts(
                uid: uid,
                namespace: pod.namespace,
                isTerminated: pod.isTerminated,
                request: PodResourceRequest(pod: pod),
                nonZeroRequest: PodResourceRequest(pod: pod, nonZero: true),
                requiredAntiAffinity: pod.spec.affinityRules.podAntiAffinity.required,
                controllerUID: pod.metadata.controllerReference?.uid,
                isBeingDeleted: pod.metadata.isBeingDeleted
            )
        }
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

    /// Drops a deleted pod's entry.
    public func forget(uid: String) {
        _ = self.entries.withLock { $0.removeValue(forKey: uid) }
    }
}
