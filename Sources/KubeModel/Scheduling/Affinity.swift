public import KubeJSON

/// core/v1 Affinity: node affinity, pod affinity and pod anti-affinity.
public struct Affinity: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var nodeAffinity: NodeAffinity {
        get { self.view("nodeAffinity") }
        set { self.setView("nodeAffinity", newValue) }
    }

    public var podAffinity: PodAffinityRules {
        get { self.view("podAffinity") }
        set { self.setView("podAffinity", newValue) }
    }

    public var podAntiAffinity: PodAffinityRules {
        get { self.view("podAntiAffinity") }
        set { self.setView("podAntiAffinity", newValue) }
    }
}
