public import KubeJSON

/// core/v1 WeightedPodAffinityTerm: a pod affinity term with a weight (1...100) for scoring.
public struct WeightedPodAffinityTerm: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A preference of `weight` for `term`.
    public init(weight: Int32, term: PodAffinityTerm) {
        self.object = JSONObject()
        self.weight = weight
        self.podAffinityTerm = term
    }

    public var weight: Int32 {
        get { self.value("weight") ?? 0 }
        set { self.setValue("weight", newValue) }
    }

    public var podAffinityTerm: PodAffinityTerm {
        get { self.view("podAffinityTerm") }
        set { self.setView("podAffinityTerm", newValue) }
    }
}
