/// Why a CustomResourceDefinition could not be added to a ``ResourceRegistry``.
public enum ResourceRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definition lacks something serving needs (group, plural or kind).
    case invalidDefinition(crd: String, reason: String)
    /// A name the definition asks for is already used by another resource of the same group
    /// (kube-apiserver reports this as `NamesAccepted=False`).
    case namesConflict(crd: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDefinition(let crd, let reason): "CustomResourceDefinition \"\(crd)\" cannot be served: \(reason)"
        case .namesConflict(let crd, let reason): "CustomResourceDefinition \"\(crd)\" names conflict: \(reason)"
        }
    }
}
