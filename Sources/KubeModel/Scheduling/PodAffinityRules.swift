public import KubeJSON

/// core/v1 PodAffinity or PodAntiAffinity (the two share one shape): required and preferred terms.
public struct PodAffinityRules: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `requiredDuringSchedulingIgnoredDuringExecution`.
    public var required: [PodAffinityTerm] {
        get { self.views("requiredDuringSchedulingIgnoredDuringExecution") }
        set { self.setViews("requiredDuringSchedulingIgnoredDuringExecution", newValue) }
    }

    /// `preferredDuringSchedulingIgnoredDuringExecution`.
    public var preferred: [WeightedPodAffinityTerm] {
        get { self.views("preferredDuringSchedulingIgnoredDuringExecution") }
        set { self.setViews("preferredDuringSchedulingIgnoredDuringExecution", newValue) }
    }
}
