public import KubeModel
import Synchronization

/// What the scheduler derives from each bound pod on every cycle (resource requests, required
/// anti-affinity terms, controller), memoised by UID and resourceVersion. Without it every decision
/// re-reads every pod's JSON: at 10,000 pods that is most of a scheduling cycle. A pod whose
/// resourceVersion changed is derived again, so the cache never answers with stale facts.
public final class SchedulingFactsCache: Sendable {
    /// The derived values of one pod version.
    struct Facts: Sendable {
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

    /// Drops a deleted pod's entry.
    public func forget(uid: String) {
        _ = self.entries.withLock { $0.removeValue(forKey: uid) }
    }
}
