public import KubeJSON

/// core/v1 ServiceSpec.
public struct ServiceSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `ClusterIP` (the default), `NodePort`, `LoadBalancer` or `ExternalName`.
    public var type: String? {
        get { self.value("type") }
        set { self.setValue("type", newValue) }
    }

    public var selector: [String: String] {
        get { self.stringMap("selector") }
        set { self.setStringMap("selector", newValue) }
    }

    public var clusterIP: String? {
        get { self.value("clusterIP") }
        set { self.setValue("clusterIP", newValue) }
    }

    /// `ports[]`, kept as JSON (port, targetPort, protocol, name, nodePort).
    public var ports: [JSONValue] {
        get { self.value("ports") ?? [] }
        set { self.setValue("ports", newValue.isEmpty ? nil : newValue) }
    }
}
