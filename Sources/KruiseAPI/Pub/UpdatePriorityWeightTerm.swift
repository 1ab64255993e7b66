public import KubeJSON
public import KubeModel

/// `UpdatePriorityWeightTerm`: pods matching the selector gain `weight`; higher sums update first.
public struct UpdatePriorityWeightTerm: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A term.
    public init(weight: Int32, matchSelector: LabelSelector) {
        self.object = JSONObject()
        self.weight = weight
        self.matchSelector = matchSelector
    }

    /// `weight`, 1–100.
    public var weight: Int32 {
        get { self.value("weight") ?? 0 }
        set { self.setValue("weight", newValue) }
    }

    /// `matchSelector`.
    public var matchSelector: LabelSelector? {
        get { self.value("matchSelector") }
        set { self.setValue("matchSelector", newValue) }
    }
}
