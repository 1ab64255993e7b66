/// An in-place update of one pod, as upstream's `inplaceupdate.Update` performs it: first (when the pod has the
/// `InPlaceUpdateReady` readiness gate) a status write setting that condition False with reason
/// `StartInPlaceUpdate`, then the pod update writing the new revision labels, the lifecycle state, the
/// `apps.kruise.io/inplace-update-state` annotation and the new images (or, with a grace period, the
/// `apps.kruise.io/inplace-update-grace` annotation).
public struct InPlaceUpdateChange: Sendable, Hashable {
    /// The status write to make first; `nil` when the pod has no `InPlaceUpdateReady` readiness gate.
    public var statusChange: PodChange?
    /// The metadata and spec change.
    public var podChange: PodChange
    /// The update revision the pod moves to.
    public var revision: String

    /// A change from its parts.
    public init(statusChange: PodChange?, podChange: PodChange, revision: String) {
        self.statusChange = statusChange
        self.podChange = podChange
        self.revision = revision
    }
}
