public import KubeModel

/// A change an informer observed and applied to its cache.
public enum InformerEvent<Object: KubeObject>: Sendable {
    case added(Object)
    /// An update, or a resync (then `old` and `new` are the same version).
    case updated(old: Object, new: Object)
    /// A deletion; after a relist the object is the last version the cache held.
    case deleted(Object)

    /// The object as it is now (or was last, for a deletion).
    public var object: Object {
        switch self {
        case .added(let object), .deleted(let object): object
        case .updated(_, let new): new
        }
    }
}
