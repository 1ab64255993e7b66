/// `CloneSetUpdateStrategyType`: how pods move to a new revision.
public enum CloneSetUpdateStrategyType: String, Sendable, Hashable, CaseIterable {
    /// Delete old pods and create new ones (the default).
    case reCreate = "ReCreate"
    /// Update in place when only images (and metadata) changed, otherwise recreate.
    case inPlaceIfPossible = "InPlaceIfPossible"
    /// Update in place only; template changes other than images are rejected.
    case inPlaceOnly = "InPlaceOnly"
}
