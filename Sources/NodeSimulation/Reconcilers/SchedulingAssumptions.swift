import ControllerRuntime
import KubeModel
import Synchronization

/// kube-scheduler's assume cache: a pod bound by this scheduler counts as on its node until the scheduler's
/// bound-pod sums (``BoundPodsIndex``) show the binding, otherwise two quick decisions would double-book the
/// node. An assumption ends when the sums count the pod, the pod goes, or after ``lifetime``. A `Mutex`
/// guards it.
final class SchedulingAssumptions: Sendable {
    private struct Assumed {
        var pod: Pod
        /// What the pod counts on its node, derived once rather than for every decision while it is assumed.
        var member: BoundPods.Member?
        var since: ContinuousClock.Instant
    }

    /// How long an assumption outlives a binding the informer never shows.
    static let lifetime: Duration = .seconds(30)

    private let assumed = Mutex<[ObjectKey: Assumed]>([:])

    init() {}

    /// Counts `pod` as bound to `nodeName`.
    func assume(_ pod: Pod, on nodeName: String) {
        var bound = pod
        var spec = bound.spec
        spec.nodeName = nodeName
        bound.spec = spec
        let member = BoundPods.member(for: bound)
        self.assumed.withLock { $0[ObjectKey(pod)] = Assumed(pod: bound, member: member, since: .now) }
    }

    func forget(_ key: ObjectKey) {
        _ = self.assumed.withLock { $0.removeValue(forKey: key) }
    }

    /// `true` when this incarnation of `pod` was bound by us and the cache has not caught up.
    func isAssumed(_ pod: Pod) -> Bool {
        self.assumed.withLock { $0[ObjectKey(pod)]?.pod.metadata.uid == pod.metadata.uid }
    }

    /// The assumed pods not `counted` yet (as bound, with their UID); drops the assumptions that ended: the
    /// pod is gone from the cache or replaced, counted (or terminated), or assumed too long ago.
    func pending(cached: (ObjectKey) -> Pod?, counted: (Pod) -> Bool) -> [BoundPods.Member] {
        let now = ContinuousClock.now
        return self.assumed.withLock { assumed in
            var pods: [BoundPods.Member] = []
            for (key, entry) in assumed {
                let current = cached(key)
                // A terminated pod is never counted: its assumption ends once the cache shows it bound at all.
                let shownBound = current?.isScheduled == true && (current?.isTerminated == true || counted(entry.pod))
                let ended = current == nil || current?.metadata.uid != entry.pod.metadata.uid || shownBound
                    || now - entry.since > Self.lifetime
                if ended {
                    assumed[key] = nil
                } else if let member = entry.member {
                    pods.append(member)
                }
            }
            return pods
        }
    }
}
