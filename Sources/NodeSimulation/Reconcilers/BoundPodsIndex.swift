import ControllerRuntime
import KubeModel
import Synchronization

/// The scheduler's ``BoundPods``, kept up to date from the pod informer's events as kube-scheduler keeps
/// its cache, so that a decision reads per-node sums instead of every pod. A `Mutex` guards it; a pod's
/// requests are read outside it.
final class BoundPodsIndex: Sendable {
    private let bound = Mutex(BoundPods())

    init() {}

    /// Applies one informer event.
    func apply(_ event: InformerEvent<Pod>) {
        switch event {
        case .added(let pod), .updated(_, let pod):
            // Only this informer's handler writes, one event at a time: what the pod counted cannot change between
            // reading it and replacing it.
            let previous = self.bound.withLock { $0.member(namespace: pod.namespace, name: pod.name) }
            let member = BoundPods.member(for: pod, previous: previous)
            self.bound.withLock { $0.replace(namespace: pod.namespace, name: pod.name, with: member) }
        case .deleted(let pod):
            self.bound.withLock { $0.remove(namespace: pod.namespace, name: pod.name) }
        }
    }

    /// The sums now, to read while events keep arriving.
    var summary: BoundPods {
        self.bound.withLock { $0.summary }
    }

    /// Whether this incarnation of `pod` counts as bound.
    func contains(_ pod: Pod) -> Bool {
        self.bound.withLock { $0.contains(namespace: pod.namespace, name: pod.name, uid: pod.metadata.uid) }
    }
}
