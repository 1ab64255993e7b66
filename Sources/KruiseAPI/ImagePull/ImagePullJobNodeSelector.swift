public import KubeJSON
public import KubeModel

/// `ImagePullJobNodeSelector`: node names, or a label selector (inlined `matchLabels`/`matchExpressions`).
public struct ImagePullJobNodeSelector: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `names`: the nodes to pull on.
    public var names: [String] {
        get { self.value("names") ?? [] }
        set { self.setValue("names", newValue.isEmpty ? nil : newValue) }
    }

    /// The inlined label selector (`matchLabels`, `matchExpressions`).
    public var labelSelector: LabelSelector {
        var selector = self.object
        selector["names"] = nil
        return (try? LabelSelector(json: .object(selector))) ?? LabelSelector()
    }

    /// Whether the label selector part says anything.
    public var hasLabelSelector: Bool { self.object["matchLabels"] != nil || self.object["matchExpressions"] != nil }
}
