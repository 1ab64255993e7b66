public import KubeJSON

/// core/v1 PreferredSchedulingTerm: a node selector term with a weight (1...100) for scoring.
public struct PreferredSchedulingTerm: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A preference of `weight` for nodes matching `preference`.
    public init(weight: Int32, preference: NodeSelectorTerm) {
        self.object = JSONObject()
        self.weight = weight
        self.preference = preference
    }

    public var weight: Int32 {
        get { self.value("weight") ?? 0 }
        set { self.setValue("weight", newValue) }
    }

    public var preference: NodeSelectorTerm {
        get { self.view("preference") }
        set { self.setView("preference", newValue) }
    }
}
