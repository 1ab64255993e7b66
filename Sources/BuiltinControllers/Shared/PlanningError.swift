import KubeJSON
public import KubeModel

/// Why a planner could not plan: the owner's spec is invalid in a way the API server's validation would
/// normally have rejected.
public enum PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `spec.selector` is missing or cannot be turned into a selector.
    case invalidSelector(FieldError)
    /// An int-or-percent field (`maxSurge`, `maxUnavailable`) is a string that is not a percentage.
    case invalidIntOrString(field: String, FieldError)

    public var description: String {
        switch self {
        case .invalidSelector(let error): "invalid selector: \(error)"
        case .invalidIntOrString(let field, let error): "invalid value for \(field): \(error.message)"
        }
    }
}
