public import KruiseAPI
public import KubeModel

/// Predicates CloneSet decisions are made from (`clonesetutils`, `lifecycle`, `specifieddelete` and the core
/// control of upstream).
public enum CloneSetPods {
    /// The text after the last `-` (upstream `GetShortHash`).
    public static func shortHash(_ revision: String) -> String {
        guard let dash = revision.utf8.lastIndex(of: UInt8(ascii: "-")) else { return revision }
        return String(revision[revision.utf8.index(after: dash)...])
    }

    /// Upstream `EqualToRevisionHash`: the pod's `controller-revision-hash` equals `revision`, or their short
    /// hashes are equal.
    public static func isAtRevision(_ pod: Pod, _ revision: String) -> Bool {
        let facts = CloneSetPodFacts.of(pod)
        return facts.revision == revision || facts.revisionShortHash == shortHash(revision)
    }

    /// The `lifecycle.apps.kruise.io/state` label; empty when absent.
    public static func lifecycleState(_ pod: Pod) -> String {
        CloneSetPodFacts.of(pod).lifecycleState
    }

    /// `true` when the pod is in `state`.
    public static func isInState(_ pod: Pod, _ state: LifecycleState) -> Bool {
        lifecycleState(pod) == state.rawValue
    }

    /// Upstream `isSpecifiedDelete`: the pod has the `apps.kruise.io/specified-delete` label or is named in
    /// `scaleStrategy.podsToDelete`.
    public static func isSpecifiedDelete(_ pod: Pod, of cloneSet: CloneSet) -> Bool {
        let facts = CloneSetPodFacts.of(pod)
        if facts.hasSpecifiedDeleteLabel { return true }
        return cloneSet.spec.scaleStrategy.podsToDelete.contains(facts.name)
    }

    /// `FilterActivePods`: not terminating, not Succeeded or Failed.
    public static func isActive(_ pod: Pod) -> Bool {
        CloneSetPodFacts.of(pod).isActive
    }

    /// `podutil.IsPodReady`: the Ready condition is True.
    public static func isReady(_ pod: Pod) -> Bool { pod.isReady }

    /// `IsRunningAndAvailable`: Running, Ready, and Ready for more than `minReadySeconds` at `now`.
    public static func isRunningAndAvailable(_ pod: Pod, minReadySeconds: Int32, now: KubeTime) -> Bool {
        let facts = CloneSetPodFacts.of(pod)
        guard facts.isRunningAndReady else { return false }
        if minReadySeconds == 0 { return true }
        guard let since = facts.readySince, since != KubeTime.epoch else { return false }
        return since.adding(seconds: Int64(minReadySeconds)) < now
    }

    /// The core control's `IsPodUpdateReady`: running and available, and the `InPlaceUpdateReady` condition
    /// absent or True.
    public static func isUpdateReady(_ pod: Pod, minReadySeconds: Int32, now: KubeTime) -> Bool {
        guard isRunningAndAvailable(pod, minReadySeconds: minReadySeconds, now: now) else { return false }
        return CloneSetPodFacts.of(pod).inPlaceUpdateReady != false
    }

    /// Upstream `IsPodAvailable` of the CloneSet sync: lifecycle state empty or Normal, and update-ready.
    public static func isAvailable(_ pod: Pod, minReadySeconds: Int32, now: KubeTime) -> Bool {
        let state = lifecycleState(pod)
        if !state.isEmpty && state != LifecycleState.normal.rawValue { return false }
        return isUpdateReady(pod, minReadySeconds: minReadySeconds, now: now)
    }

    /// `true` when the pod lists `InPlaceUpdateReady` among its readiness gates.
    public static func hasInPlaceReadinessGate(_ pod: Pod) -> Bool {
        CloneSetPodFacts.of(pod).hasInPlaceReadinessGate
    }

    /// `true` when the pod is controlled by `cloneSet` (controller reference UID, or kind and name when the
    /// CloneSet has no UID, as in tests).
    public static func isOwned(_ pod: Pod, by cloneSet: CloneSet) -> Bool {
        let facts = CloneSetPodFacts.of(pod)
        guard let uid = facts.controllerUID, let kind = facts.controllerKind, let name = facts.controllerName else {
            return false
        }
        return isController(uid: uid, kind: kind, name: name, of: cloneSet)
    }

    /// The same test for any object's metadata (PVCs).
    public static func isOwned(_ object: ObjectMeta, by cloneSet: CloneSet) -> Bool {
        guard let reference = object.controllerReference else { return false }
        return isController(uid: reference.uid, kind: reference.kind, name: reference.name, of: cloneSet)
    }

    /// Whether a controller reference names `cloneSet`: by UID, or by kind and name when it has none.
    private static func isController(uid: String, kind: String, name: String, of cloneSet: CloneSet) -> Bool {
        if let owner = cloneSet.metadata.uid, !owner.isEmpty { return uid == owner }
        return kind == "CloneSet" && name == cloneSet.name
    }

    /// `true` when `hook` is set and the pod carries any of its handlers.
    public static func isHooked(_ pod: Pod, _ hook: LifecycleHook?) -> Bool {
        guard let hook else { return false }
        return hook.isHooked(labels: pod.metadata.labels, finalizers: pod.metadata.finalizers)
    }

    /// `true` when `hook` is unset or the pod carries all of its handlers.
    public static func isAllHooked(_ pod: Pod, _ hook: LifecycleHook?) -> Bool {
        guard let hook else { return true }
        return hook.isAllHooked(labels: pod.metadata.labels, finalizers: pod.metadata.finalizers)
    }

    /// The pod with lifecycle `state` and its timestamp annotation (upstream `SetPodLifecycle`).
    public static func settingLifecycle(_ pod: Pod, _ state: LifecycleState, now: KubeTime) -> Pod {
        var copy = pod
        var labels = pod.metadata.labels
        var annotations = pod.metadata.annotations
        Self.setLifecycle(state, now: now, labels: &labels, annotations: &annotations)
        copy.metadata.labels = labels
        copy.metadata.annotations = annotations
        return copy
    }

    /// ``settingLifecycle(_:_:now:)`` on labels and annotations the caller writes back itself.
    static func setLifecycle(
        _ state: LifecycleState, now: KubeTime, labels: inout [String: String], annotations: inout [String: String]
    ) {
        labels[KruiseKeys.lifecycleState] = state.rawValue
        annotations[KruiseKeys.lifecycleTimestamp] = now.truncatedToSeconds.rfc3339
    }

    /// The pod's `controller.kubernetes.io/pod-deletion-cost` (0 when absent or invalid).
    public static func deletionCost(_ pod: Pod) -> Int64 {
        CloneSetPodFacts.of(pod).deletionCost
    }
}
