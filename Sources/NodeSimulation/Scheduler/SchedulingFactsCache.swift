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

    private let entries: Mutex<[String: (version: String, facts: Facts)]> = Mutex([:])
    /// Past this many entries the cache starts over (entries of deleted pods are not tracked otherwise).
    private let limit: Int

    public init(limit: Int = 100_000) {
        self.limit = limit
    }

    func facts(for pod: Pod) -> Facts {
        let uid = pod.metadata.uid ?? ""
        let version = pod.metadata.resourceVersion ?? ""
        if !uid.isEmpty, !version.isEmpty, let cached = self.entries.withLock({ $0[uid] }), cached.version == version {
            return cached.facts
        }
        let facts = Facts(
            uid: uid,
            namespace: pod.namespace,
            isTerminated: pod.isTerminated,
            request: PodResourceRequest(pod: pod),
            nonZeroRequest: PodResourceRequest(pod: pod, nonZero: true),
            requiredAntiAffinity: pod.spec.affinityRules.podAntiAffinity.required,
            controllerUID: pod.metadata.controllerReference?.uid,
            isBeingDeleted: pod.metadata.isBeingDeleted
        )
        if !uid.isEmpty, !version.isEmpty {
            self.entries.withLock { entries in
                if entries.count >= self.limit { entries.removeAll(keepingCapacity: true) }
                entries[uid] = (version, facts)
            }
        }
        return facts
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

    private let nodeEntries: Mutex<[String: (version: String, facts: NodeFacts)]> = Mutex([:])

    func facts(for node: Node) -> NodeFacts {
        let name = node.name
        let version = node.metadata.resourceVersion ?? ""
        if !version.isEmpty, let cached = self.nodeEntries.withLock({ $0[name] }), cached.version == version {
            return cached.facts
        }
        let allocatable = node.status.allocatable
        let facts = NodeFacts(
            node: node, name: name, labels: node.metadata.labels, taints: node.spec.taints,
            unschedulable: node.spec.unschedulable, allocated: PodResourceRequest.request(from: allocatable),
            allowedPods: allocatable["pods"]?.value ?? 0)
        if !version.isEmpty {
            self.nodeEntries.withLock { entries in
                if entries.count >= self.limit { entries.removeAll(keepingCapacity: true) }
                entries[name] = (version, facts)
            }
        }
        return facts
    }

    /// Drops a deleted pod's entry.
    public func forget(uid: String) {
        _ = self.entries.withLock { $0.removeValue(forKey: uid) }
    }
}
