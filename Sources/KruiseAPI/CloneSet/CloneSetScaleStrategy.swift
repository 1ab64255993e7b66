public import KubeJSON
public import KubeModel

/// `CloneSetScaleStrategy`: how pods are added and removed.
public struct CloneSetScaleStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `podsToDelete`: names of pods to delete first (truncated to existing pods by the controller).
    public var podsToDelete: [String] {
        get { self.value("podsToDelete") ?? [] }
        set { self.setValue("podsToDelete", newValue.isEmpty ? nil : newValue) }
    }

    /// `maxUnavailable`: limits scale-up while pods are unavailable (rounded up); `nil` means unlimited.
    public var maxUnavailable: IntOrString? {
        get { self.value("maxUnavailable") }
        set { self.setValue("maxUnavailable", newValue) }
    }

    /// `disablePVCReuse`: when `false` (the default) PVCs of deleted pods are reused by new pods.
    public var disablePVCReuse: Bool {
        get { self.value("disablePVCReuse") ?? false }
        set { self.setValue("disablePVCReuse", newValue ? true : nil) }
    }
}
