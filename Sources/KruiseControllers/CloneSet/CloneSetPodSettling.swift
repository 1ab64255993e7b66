public import KruiseAPI
public import KubeModel

/// What a pod the scale-out just created gets in its first write, worked out from the pod as the server created
/// it (with the readiness gates admission added): what the first refresh would give it — `InPlaceUpdateReady`
/// True, the next lifecycle state — and, for a `KruisePodReady` gate, the initial condition the pod-readiness
/// controller would give it. One pods/status write instead of up to three.
public struct CloneSetPodSettling: Sendable, Hashable {
    /// The lifecycle state the pod moves to (`Normal` from `PreparingNormal`); `nil` when a preNormal hook holds
    /// it where it is.
    public var state: LifecycleState?
    /// When the planner decided it (condition and lifecycle timestamps).
    public var now: KubeTime

    public init(state: LifecycleState?, now: KubeTime) {
        self.state = state
        self.now = now
    }

    /// The change to `created`; `nil` when it needs none.
    public func change(for created: Pod) -> PodChange? {
        var settled = InPlaceUpdate.refresh(pod: created, now: self.now).status ?? created
        if let state = self.state { settled = CloneSetPods.settingLifecycle(settled, state, now: self.now) }
        if let initialized = KruisePodReadiness.initialized(settled, now: self.now) { settled = initialized }
        return settled == created ? nil : PodChange(from: created, to: settled)
    }
}
