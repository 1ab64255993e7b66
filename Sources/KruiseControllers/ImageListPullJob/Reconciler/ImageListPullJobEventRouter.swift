public import ControllerRuntime
public import KruiseAPI
import KubeModel

/// Maps ImagePullJob events to the ImageListPullJob controlling the job (upstream's owner handler), and tells
/// the list job's expectations what the cache now shows:
/// - a child that appears is an observed creation (by its image, as the creation was expected before the
///   server named it);
/// - a child that starts terminating or disappears is an observed deletion (by name); a disappearance also counts
///   as the creation, in case the cache never showed the child.
///
/// Only jobs whose controller reference is of kind `ImageListPullJob` are routed.
public struct ImageListPullJobEventRouter: Sendable {
    /// The expectations to update.
    public let expectations: ScaleExpectations

    /// A router updating `expectations`.
    public init(expectations: ScaleExpectations) {
        self.expectations = expectations
    }

    /// The ImageListPullJob keys to reconcile for an ImagePullJob event.
    public func keys(for event: InformerEvent<ImagePullJob>) -> [ObjectKey] {
        switch event {
        case .added(let child):
            guard let owner = Self.owner(of: child) else { return [] }
            self.expectations.observe(owner, .create, name: child.spec.image)
            if child.metadata.isBeingDeleted { self.expectations.observe(owner, .delete, name: child.name) }
            return [owner]
        case .updated(let old, let new):
            var keys: [ObjectKey] = []
            if let owner = Self.owner(of: new) {
                if new.metadata.isBeingDeleted { self.expectations.observe(owner, .delete, name: new.name) }
                keys.append(owner)
            }
            if let previous = Self.owner(of: old), !keys.contains(previous) { keys.append(previous) }
            return keys
        case .deleted(let child):
            guard let owner = Self.owner(of: child) else { return [] }
            self.expectations.observe(owner, .create, name: child.spec.image)
            self.expectations.observe(owner, .delete, name: child.name)
            return [owner]
        }
    }

    /// The key of the job's controller, when it is an ImageListPullJob.
    public static func owner(of child: ImagePullJob) -> ObjectKey? {
        guard let reference = child.metadata.controllerReference,
            reference.kind == ImageListPullJob.groupVersionKind.kind
        else { return nil }
        return ObjectKey(namespace: child.namespace, name: reference.name)
    }
}
