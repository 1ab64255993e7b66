public import KubeJSON
public import KubeModel

/// `SandboxConfig`: labels and annotations of the pod sandbox passed to the runtime's PullImage.
public struct ImagePullSandboxConfig: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `labels`.
    public var labels: [String: String] {
        get { self.stringMap("labels") }
        set { self.setStringMap("labels", newValue) }
    }

    /// `annotations`.
    public var annotations: [String: String] {
        get { self.stringMap("annotations") }
        set { self.setStringMap("annotations", newValue) }
    }
}
