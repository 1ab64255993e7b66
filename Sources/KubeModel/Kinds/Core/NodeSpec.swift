public import KubeJSON

/// core/v1 NodeSpec.
public struct NodeSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var taints: [Taint] {
        get { self.views("taints") }
        set { self.setViews("taints", newValue) }
    }

    public var unschedulable: Bool {
        get { self.value("unschedulable") ?? false }
        set { self.setValue("unschedulable", newValue ? true : nil) }
    }

    public var podCIDR: String? {
        get { self.value("podCIDR") }
        set { self.setValue("podCIDR", newValue) }
    }

    public var providerID: String? {
        get { self.value("providerID") }
        set { self.setValue("providerID", newValue) }
    }
}
