import ControllerRuntime
import KubeModel
import Synchronization

/// The pending pods the scheduler found unschedulable (`PodScheduled=False`), kept from the pod informer's
/// events as kube-scheduler keeps its unschedulable queue: when a node changes or a pod goes away, these are
/// the pods to try again, found without reading every pod (which, on each of a rollout's deletions, made the
/// scheduler's cost grow with the square of the pods).
final class UnschedulablePods: Sendable {
    private let keys = Mutex(Set<ObjectKey>())

    init() {}

    /// Applies one informer event; `isPending` tells whether a pod is this scheduler's to place.
    func apply(_ event: InformerEvent<Pod>, isPending: (Pod) -> Bool) {
        switch event {
        case .added(let pod), .updated(_, let pod):
            let unschedulable = isPending(pod) && pod.status.conditions[type: "PodScheduled"]?.status == "False"
            let key = ObjectKey(pod)
            self.keys.withLock { keys in
                if unschedulable { keys.insert(key) } else { keys.remove(key) }
            }
        case .deleted(let pod):
            let key = ObjectKey(pod)
            _ = self.keys.withLock { $0.remove(key) }
        }
    }

    /// The pods to try again, in key order.
    var all: [ObjectKey] {
        self.keys.withLock { $0.sorted() }
    }
}
