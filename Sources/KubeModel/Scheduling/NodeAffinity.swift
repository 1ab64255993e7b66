public import KubeJSON

/// core/v1 NodeAffinity: the required node selector and the weighted preferences.
public struct NodeAffinity: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `requiredDuringSchedulingIgnoredDuringExecution`; `nil` when absent (no requirement).
    public var required: NodeSelector? {
        get {
            guard case .object(let selector)? = self.object["requiredDuringSchedulingIgnoredDuringExecution"] else {
                return nil
            }
            return NodeSelector(object: selector)
        }
        set { self.object["requiredDuringSchedulingIgnoredDuringExecution"] = newValue.map { .object($0.object) } }
    }

    /// `preferredDuringSchedulingIgnoredDuringExecution`.
    public var preferred: [PreferredSchedulingTerm] {
        get { self.views("preferredDuringSchedulingIgnoredDuringExecution") }
        set { self.setViews("preferredDuringSchedulingIgnoredDuringExecution", newValue) }
    }
}
