public import ControllerRuntime
public import KubeModel

/// The bookkeeping that keeps a CloneSet from acting on a cache that has not yet seen its own writes.
///
/// - ``scale``: name-based (Kruise's `ScaleExpectations`). The planner names every pod (`<cloneset>-<id>`) and
///   PVC (`<template>-<cloneset>-<id>`) itself, so the names a sync creates or deletes are known before the
///   calls; entries are ``podEntry(_:)``/``claimEntry(_:)`` so a pod and a PVC never share one.
/// - ``resourceVersions``: per pod, the resourceVersion our last write returned (Kruise's
///   `ResourceVersionExpectations`): a pod updated in place, relabelled or given a status condition is not
///   planned on again until the cache shows that version.
public final class CloneSetExpectations: Sendable {
    /// Creations and deletions of pods and PVCs, per CloneSet key.
    public let scale: ScaleExpectations
    /// Pod versions written, per pod key.
    public let resourceVersions: ResourceVersionExpectations

    /// Expectations that give up after `timeout` (leak recovery; Kruise uses 5 minutes).
    public init(timeout: Duration = .seconds(300)) {
        self.scale = ScaleExpectations(timeout: timeout)
        self.resourceVersions = ResourceVersionExpectations(timeout: timeout)
    }

    /// The scale-expectation entry of the pod `name`.
    public static func podEntry(_ name: String) -> String { "pod/" + name }

    /// The scale-expectation entry of the PVC `name`.
    public static func claimEntry(_ name: String) -> String { "pvc/" + name }

    /// `true` when `owner`'s creations and deletions were all observed, and the cache shows at least the
    /// version we last wrote of every pod in `pods` (each pod's cached version is recorded as observed first).
    public func isSatisfied(_ owner: ObjectKey, pods: [Pod], now: ContinuousClock.Instant = .now) -> Bool {
        guard self.scale.isSatisfied(owner, now: now) else { return false }
        return self.resourceVersions.observeAll(pods, now: now) { pod in (ObjectKey(pod), pod.metadata.resourceVersion) }
    }

    /// Forgets a deleted CloneSet.
    public func forget(_ owner: ObjectKey) {
        self.scale.delete(owner)
    }
}
