public import KubeJSON

/// core/v1 ContainerStatus.
public struct ContainerStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var image: String? {
        get { self.value("image") }
        set { self.setValue("image", newValue) }
    }

    public var imageID: String? {
        get { self.value("imageID") }
        set { self.setValue("imageID", newValue) }
    }

    public var containerID: String? {
        get { self.value("containerID") }
        set { self.setValue("containerID", newValue) }
    }

    public var ready: Bool {
        get { self.value("ready") ?? false }
        set { self.setValue("ready", newValue) }
    }

    public var started: Bool? {
        get { self.value("started") }
        set { self.setValue("started", newValue) }
    }

    public var restartCount: Int32 {
        get { self.value("restartCount") ?? 0 }
        set { self.setValue("restartCount", newValue) }
    }

    /// `state` (`waiting`, `running` or `terminated` with details), kept as JSON.
    public var state: JSONValue? {
        get { self.object["state"] }
        set { self.object["state"] = newValue }
    }

    /// `lastState`, kept as JSON.
    public var lastState: JSONValue? {
        get { self.object["lastState"] }
        set { self.object["lastState"] = newValue }
    }
}
