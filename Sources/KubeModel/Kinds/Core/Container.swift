public import KubeJSON

/// core/v1 Container.
public struct Container: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A container with a name and an image.
    public init(name: String, image: String) {
        self.object = JSONObject()
        self.name = name
        self.image = image
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var image: String? {
        get { self.value("image") }
        set { self.setValue("image", newValue) }
    }

    /// `Always`, `IfNotPresent` or `Never`.
    public var imagePullPolicy: String? {
        get { self.value("imagePullPolicy") }
        set { self.setValue("imagePullPolicy", newValue) }
    }

    public var command: [String] {
        get { self.value("command") ?? [] }
        set { self.setValue("command", newValue.isEmpty ? nil : newValue) }
    }

    public var args: [String] {
        get { self.value("args") ?? [] }
        set { self.setValue("args", newValue.isEmpty ? nil : newValue) }
    }

    public var env: [EnvVar] {
        get { self.views("env") }
        set { self.setViews("env", newValue) }
    }

    public var ports: [ContainerPort] {
        get { self.views("ports") }
        set { self.setViews("ports", newValue) }
    }

    public var resources: ResourceRequirements {
        get { self.view("resources") }
        set { self.setView("resources", newValue) }
    }

    public var volumeMounts: [JSONValue] {
        get { self.value("volumeMounts") ?? [] }
        set { self.setValue("volumeMounts", newValue.isEmpty ? nil : newValue) }
    }

    /// `lifecycle` (postStart/preStop handlers), kept as JSON.
    public var lifecycle: JSONValue? {
        get { self.object["lifecycle"] }
        set { self.object["lifecycle"] = newValue }
    }

    /// `readinessProbe`, kept as JSON.
    public var readinessProbe: JSONValue? {
        get { self.object["readinessProbe"] }
        set { self.object["readinessProbe"] = newValue }
    }

    /// `livenessProbe`, kept as JSON.
    public var livenessProbe: JSONValue? {
        get { self.object["livenessProbe"] }
        set { self.object["livenessProbe"] = newValue }
    }
}
