/// The value of the `lifecycle.apps.kruise.io/state` pod label.
public enum LifecycleState: String, Sendable, Hashable, CaseIterable {
    /// Created, waiting for preNormal hooks (and scheduling).
    case preparingNormal = "PreparingNormal"
    /// Serving.
    case normal = "Normal"
    /// Waiting for the inPlaceUpdate hook to be removed.
    case preparingUpdate = "PreparingUpdate"
    /// Being updated in place.
    case updating = "Updating"
    /// Updated, waiting for the inPlaceUpdate hook to be re-applied.
    case updated = "Updated"
    /// Waiting for the preDelete hook to be removed.
    case preparingDelete = "PreparingDelete"
}
