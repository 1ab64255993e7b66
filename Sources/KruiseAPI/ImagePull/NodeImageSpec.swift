public import KubeJSON
public import KubeModel

/// `ImageSpec`: one image of a NodeImage, with its tags to pull, pull secrets and sandbox config.
public struct NodeImageSpec: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `pullSecrets`: Secrets (namespace and name) the daemon reads credentials from.
    public var pullSecrets: [NodeImageSecretReference] {
        get { self.views("pullSecrets") }
        set { self.setViews("pullSecrets", newValue) }
    }

    /// `tags` (always written, as upstream's JSON requires it).
    public var tags: [ImageTagSpec] {
        get { self.views("tags") }
        set { self.object["tags"] = .array(newValue.map { .object($0.object) }) }
    }

    /// `sandboxConfig`.
    public var sandboxConfig: ImagePullSandboxConfig? {
        get { self.object["sandboxConfig"]?.objectValue.map(ImagePullSandboxConfig.init(object:)) }
        set { self.object["sandboxConfig"] = newValue.map { .object($0.object) } }
    }
}

/// `ReferenceObject`: a Secret by namespace and name.
public struct NodeImageSecretReference: JSONObjectView, CustomStringConvertible {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A reference to `namespace/name`.
    public init(namespace: String, name: String) {
        self.object = JSONObject()
        self.setValue("namespace", namespace)
        self.setValue("name", name)
    }

    /// `namespace`.
    public var namespace: String { self.value("namespace") ?? "" }
    /// `name`.
    public var name: String { self.value("name") ?? "" }
    /// `namespace/name`.
    public var description: String { "\(self.namespace)/\(self.name)" }
}
