public import ControllerRuntime
public import KubeModel
import Synchronization

/// Maps events of owned objects (pods, ReplicaSets, revisions) to the key of their controller of one kind,
/// and tells the owner's expectations what the cache now shows: a new child is an observed creation; a child
/// that starts terminating, or disappears without having been seen terminating, is an observed deletion.
public final class ChildEventRouter<Child: KubeObject>: Sendable {
    /// The owner kind whose children are routed (`ReplicaSet`, `Job`, ...).
    public let ownerKind: String
    private let expectations: ControllerExpectations?
    /// UIDs of children already counted as deleted when they started terminating.
    private let terminating: Mutex<Set<String>> = Mutex([])

    public init(ownerKind: String, expectations: ControllerExpectations?) {
        self.ownerKind = ownerKind
        self.expectations = expectations
    }

    /// The owner keys to reconcile for `event`.
    public func keys(for event: InformerEvent<Child>) -> [ObjectKey] {
        switch event {
        case .added(let child):
            guard let owner = self.owner(of: child) else { return [] }
            if child.metadata.isBeingDeleted {
                self.observeDeletion(child, owner: owner)
            } else {
                self.expectations?.creationObserved(owner)
            }
            return [owner]
        case .updated(let old, let new):
            var keys: [ObjectKey] = []
            if let owner = self.owner(of: new) {
                if new.metadata.isBeingDeleted && !old.metadata.isBeingDeleted { self.observeDeletion(new, owner: owner) }
                keys.append(owner)
            }
            if let previous = self.owner(of: old), !keys.contains(previous) { keys.append(previous) }
            return keys
        case .deleted(let child):
            guard let owner = self.owner(of: child) else { return [] }
            let uid = child.metadata.uid ?? ""
            let counted = self.terminating.withLock { $0.remove(uid) != nil }
            if !counted { self.expectations?.deletionObserved(owner) }
            return [owner]
        }
    }

    /// The key of the child's controller, when it is of ``ownerKind``.
    public func owner(of child: Child) -> ObjectKey? {
        guard let reference = child.metadata.controllerReference, reference.kind == self.ownerKind else { return nil }
        return ObjectKey(namespace: child.namespace, name: reference.name)
    }

    private func observeDeletion(_ child: Child, owner: ObjectKey) {
        let uid = child.metadata.uid ?? ""
        let first = self.terminating.withLock { $0.insert(uid).inserted }
        if first { self.expectations?.deletionObserved(owner) }
    }
}
