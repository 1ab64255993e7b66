public import KubeJSON
public import KubeModel

/// apps.kruise.io `Lifecycle`: hooks that hold a pod in a preparing state until users' controllers let go.
public struct Lifecycle: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `preDelete`: hook checked before a pod is deleted.
    public var preDelete: LifecycleHook? {
        get { self.hook("preDelete") }
        set { self.setHook("preDelete", newValue) }
    }

    /// `inPlaceUpdate`: hook checked before a pod is updated in place.
    public var inPlaceUpdate: LifecycleHook? {
        get { self.hook("inPlaceUpdate") }
        set { self.setHook("inPlaceUpdate", newValue) }
    }

    /// `preNormal`: hook a new pod must carry before it becomes Normal.
    public var preNormal: LifecycleHook? {
        get { self.hook("preNormal") }
        set { self.setHook("preNormal", newValue) }
    }

    /// `true` when any hook sets `markPodNotReady` (upstream `IsLifecycleMarkPodNotReady`).
    public var marksPodNotReady: Bool {
        [self.preDelete, self.inPlaceUpdate, self.preNormal].contains { $0?.markPodNotReady == true }
    }

    private func hook(_ key: String) -> LifecycleHook? {
        guard case .object(let nested)? = self.object[key] else { return nil }
        return LifecycleHook(object: nested)
    }

    private mutating func setHook(_ key: String, _ hook: LifecycleHook?) {
        self.object[key] = hook.map { .object($0.object) }
    }
}
