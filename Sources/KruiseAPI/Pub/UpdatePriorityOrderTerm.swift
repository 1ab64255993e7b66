public import KubeJSON
public import KubeModel

/// `UpdatePriorityOrderTerm`: pods are ordered by the trailing integer of this label's value, highest first.
public struct UpdatePriorityOrderTerm: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A term for `orderedKey`.
    public init(orderedKey: String) {
        self.object = JSONObject()
        self.orderedKey = orderedKey
    }

    /// `orderedKey`.
    public var orderedKey: String {
        get { self.value("orderedKey") ?? "" }
        set { self.setValue("orderedKey", newValue) }
    }
}
