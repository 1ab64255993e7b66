public import KubeJSON
import KubeModel

/// `ImagePullJobSpec`: the image plus the inlined ``ImagePullJobTemplateFields``.
public struct ImagePullJobSpec: ImagePullJobTemplateFields {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `image`: the image to pull (`nginx:1.25`; no tag means `latest`).
    public var image: String {
        get { self.value("image") ?? "" }
        set { self.setValue("image", newValue) }
    }
}
