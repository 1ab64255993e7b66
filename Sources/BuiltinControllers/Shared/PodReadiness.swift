import KubeJSON
public import KubeModel

/// Readiness and availability as `podutil.IsPodReady` / `IsPodAvailable` define them.
public enum PodReadiness {
    /// The Ready condition is True.
    public static func isReady(_ pod: Pod) -> Bool {
        pod.status.condition("Ready")?.isTrue ?? false
    }

    /// When the pod became ready (the Ready condition's `lastTransitionTime`), if it is ready.
    public static func readySince(_ pod: Pod) -> KubeTime? {
        guard let condition = pod.status.condition("Ready"), condition.isTrue else { return nil }
        return condition.lastTransitionTime
    }

    /// Ready, and for `minReadySeconds` > 0 ready since strictly more than `minReadySeconds` before `now`.
    public static func isAvailable(_ pod: Pod, minReadySeconds: Int32, now: KubeTime) -> Bool {
        guard isReady(pod) else { return false }
        if minReadySeconds <= 0 { return true }
        guard let since = readySince(pod) else { return false }
        return since.adding(seconds: Int64(minReadySeconds)) < now
    }

    /// How long until a ready-but-not-yet-available pod becomes available; `nil` when it is not ready, already
    /// available, or `minReadySeconds` is 0. The result is at least one second, so a requeue makes progress.
    public static func timeUntilAvailable(_ pod: Pod, minReadySeconds: Int32, now: KubeTime) -> Duration? {
        guard minReadySeconds > 0, isReady(pod), !isAvailable(pod, minReadySeconds: minReadySeconds, now: now),
              let since = readySince(pod)
        else { return nil }
        let remaining = since.adding(seconds: Int64(minReadySeconds)).duration(since: now)
        return max(remaining, .seconds(1))
    }

    /// The earliest of `durations`, or `nil`.
    static func earliest(_ durations: [Duration?]) -> Duration? {
        durations.compactMap { $0 }.min()
    }
}
