/// A reason a CloneSet cannot be scaled or updated as asked; the planner records it in a status condition
/// instead of acting.
public enum CloneSetPlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The selector is invalid (upstream does nothing and does not retry).
    case invalidSelector(String)
    /// A pod must be updated but the strategy is InPlaceOnly and the change is not in-place-able.
    case inPlaceOnlyNotPossible(pod: String)
    /// A pod is in a lifecycle state that does not allow an in-place update.
    case inPlaceUpdateNotAllowed(pod: String, state: String)

    /// Upstream's error text.
    public var description: String {
        switch self {
        case .invalidSelector(let message): "invalid selector: \(message)"
        case .inPlaceOnlyNotPossible(let pod): "find Pod \(pod) update strategy is InPlaceOnly but can not update in-place"
        case .inPlaceUpdateNotAllowed(let pod, let state): "not allowed to in-place update pod \(pod) in state \(state)"
        }
    }
}
