public import ControllerRuntime
public import KubeModel

/// Maps events of the objects a CloneSet owns (pods, PVCs, ControllerRevisions) to the CloneSet's key, and
/// tells the CloneSet's expectations what the cache now shows (upstream `enqueueRequestForPod` and the PVC
/// handler):
/// - a pod or PVC that appears is an observed creation; one that starts terminating or disappears is an
///   observed deletion (a disappearance also counts as the creation, in case the cache never showed it);
/// - a pod that disappears drops its resourceVersion expectation.
///
/// Only children whose controller reference is of kind `CloneSet` are routed; a child whose controller
/// changed is routed to both the old and the new owner.
public struct CloneSetEventRouter: Sendable {
    /// The kind of the owners routed to.
    public static let ownerKind = "CloneSet"
    /// The expectations to update.
    public let expectations: CloneSetExpectations

    /// A router updating `expectations`.
    public init(expectations: CloneSetExpectations) {
        self.expectations = expectations
    }

    /// The CloneSet keys to reconcile for a pod event.
    public func keys(for event: InformerEvent<Pod>) -> [ObjectKey] {
        let entry = CloneSetExpectations.podEntry(event.object.name)
        switch event {
        case .added(let pod):
            guard let owner = Self.owner(of: pod) else { return [] }
            self.observe(owner, entry: entry, added: true, terminating: pod.metadata.isBeingDeleted)
            return [owner]
        case .updated(let old, let new):
            return self.updatedKeys(old: old, new: new, entry: entry)
        case .deleted(let pod):
            self.expectations.resourceVersions.delete(ObjectKey(pod))
            guard let owner = Self.owner(of: pod) else { return [] }
            self.observe(owner, entry: entry, added: true, terminating: true)
            return [owner]
        }
    }

    /// The CloneSet keys to reconcile for a PVC event.
    public func keys(for event: InformerEvent<PersistentVolumeClaim>) -> [ObjectKey] {
        let entry = CloneSetExpectations.claimEntry(event.object.name)
        switch event {
        case .added(let claim):
            guard let owner = Self.owner(of: claim) else { return [] }
            self.observe(owner, entry: entry, added: true, terminating: claim.metadata.isBeingDeleted)
            return [owner]
        case .updated(let old, let new):
            return self.updatedKeys(old: old, new: new, entry: entry)
        case .deleted(let claim):
            guard let owner = Self.owner(of: claim) else { return [] }
            self.observe(owner, entry: entry, added: true, terminating: true)
            return [owner]
        }
    }

    /// The CloneSet keys to reconcile for a ControllerRevision event (no expectations).
    public func keys(for event: InformerEvent<ControllerRevision>) -> [ObjectKey] {
        switch event {
        case .added(let revision), .deleted(let revision):
            return Self.owner(of: revision).map { [$0] } ?? []
        case .updated(let old, let new):
            var keys: [ObjectKey] = []
            if let owner = Self.owner(of: new) { keys.append(owner) }
            if let previous = Self.owner(of: old), !keys.contains(previous) { keys.append(previous) }
            return keys
        }
    }

    /// The key of the object's controller, when it is a CloneSet.
    public static func owner(of object: some KubeObject) -> ObjectKey? {
        guard let reference = object.metadata.controllerReference, reference.kind == Self.ownerKind else { return nil }
        return ObjectKey(namespace: object.namespace, name: reference.name)
    }

    private func updatedKeys<Child: KubeObject>(old: Child, new: Child, entry: String) -> [ObjectKey] {
        var keys: [ObjectKey] = []
        if let owner = Self.owner(of: new) {
            if new.metadata.isBeingDeleted { self.expectations.scale.observe(owner, .delete, name: entry) }
            keys.append(owner)
        }
        if let previous = Self.owner(of: old), !keys.contains(previous) { keys.append(previous) }
        return keys
    }

    private func observe(_ owner: ObjectKey, entry: String, added: Bool, terminating: Bool) {
        if added { self.expectations.scale.observe(owner, .create, name: entry) }
        if terminating { self.expectations.scale.observe(owner, .delete, name: entry) }
    }
}
