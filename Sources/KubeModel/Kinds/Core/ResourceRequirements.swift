public import KubeJSON

/// core/v1 ResourceRequirements.
public struct ResourceRequirements: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var requests: [String: Quantity] {
        get { self.value("requests") ?? [:] }
        set { self.setValue("requests", newValue.isEmpty ? nil : newValue) }
    }

    public var limits: [String: Quantity] {
        get { self.value("limits") ?? [:] }
        set { self.setValue("limits", newValue.isEmpty ? nil : newValue) }
    }
}
