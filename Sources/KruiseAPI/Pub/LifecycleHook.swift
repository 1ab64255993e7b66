public import KubeJSON
public import KubeModel

/// `LifecycleHook`: labels and finalizers whose presence on a pod means "hooked".
public struct LifecycleHook: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `labelsHandler`.
    public var labelsHandler: [String: String] {
        get { self.stringMap("labelsHandler") }
        set { self.setStringMap("labelsHandler", newValue) }
    }

    /// `finalizersHandler`.
    public var finalizersHandler: [String] {
        get { self.value("finalizersHandler") ?? [] }
        set { self.setValue("finalizersHandler", newValue.isEmpty ? nil : newValue) }
    }

    /// `markPodNotReady`: set the pod NotReady (KruisePodReady) while preparing.
    public var markPodNotReady: Bool {
        get { self.value("markPodNotReady") ?? false }
        set { self.setValue("markPodNotReady", newValue ? true : nil) }
    }

    /// Upstream `IsPodHooked`: the pod carries ANY handler label (with its value) or finalizer.
    public func isHooked(labels: [String: String], finalizers: [String]) -> Bool {
        for (key, value) in self.labelsHandler where labels[key] == value { return true }
        for finalizer in self.finalizersHandler where finalizers.contains(finalizer) { return true }
        return false
    }

    /// Upstream `IsPodAllHooked`: the pod carries EVERY handler label (with its value) and finalizer.
    public func isAllHooked(labels: [String: String], finalizers: [String]) -> Bool {
        for (key, value) in self.labelsHandler where labels[key] != value { return false }
        for finalizer in self.finalizersHandler where !finalizers.contains(finalizer) { return false }
        return true
    }
}
