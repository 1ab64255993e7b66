public import KubeModel

/// An in-place update of one pod, as upstream's `inplaceupdate.Update` performs it: first (when the pod has the
/// `InPlaceUpdateReady` readiness gate) a status write setting that condition False with reason
/// `StartInPlaceUpdate`, then the pod update writing the new revision labels, the lifecycle state, the
/// `apps.kruise.io/inplace-update-state` annotation and the new images (or, with a grace period, the
/// `apps.kruise.io/inplace-update-grace` annotation).
///
/// The plan carries what to do (the pod, the spec, the time); the two writes are worked out when asked for, by
/// the executor's task that sends them, so a wave's first writes leave while later pods' changes are still
/// being built, on both cores (building them was a third of planning a 200-pod wave).
public struct InPlaceUpdateChange: Sendable, Hashable {
    /// The pod as observed.
    public let pod: Pod
    /// What the update changes.
    public let spec: InPlaceUpdate.Spec
    /// When the update starts.
    public let now: KubeTime

    /// A change of `pod` to `spec` starting at `now`.
    public init(pod: Pod, spec: InPlaceUpdate.Spec, now: KubeTime) {
        self.pod = pod
        self.spec = spec
        self.now = now
    }

    /// The update revision the pod moves to.
    public var revision: String { self.spec.revision }

    /// The status write to make first; `nil` when the pod has no `InPlaceUpdateReady` readiness gate.
    public var statusChange: PodChange? { InPlaceUpdate.startingStatus(of: self.pod, now: self.now) }

    /// The metadata and spec change.
    public var podChange: PodChange { InPlaceUpdate.updatedPod(self.pod, spec: self.spec, now: self.now) }
}
