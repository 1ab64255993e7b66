public import KubeJSON

/// core/v1 ContainerPort.
public struct ContainerPort: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var name: String? {
        get { self.value("name") }
        set { self.setValue("name", newValue) }
    }

    public var containerPort: Int32 {
        get { self.value("containerPort") ?? 0 }
        set { self.setValue("containerPort", newValue) }
    }

    public var hostPort: Int32? {
        get { self.value("hostPort") }
        set { self.setValue("hostPort", newValue) }
    }

    /// `TCP` (the default), `UDP` or `SCTP`.
    public var `protocol`: String? {
        get { self.value("protocol") }
        set { self.setValue("protocol", newValue) }
    }
}
