public import KubeJSON
import KubeModel

/// `ImageListPullJobSpec`: the images plus the inlined ``ImagePullJobTemplateFields`` every child job gets.
public struct ImageListPullJobSpec: ImagePullJobTemplateFields {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `images`: one ImagePullJob is created for each.
    public var images: [String] {
        get { self.value("images") ?? [] }
        set { self.setValue("images", newValue) }
    }

    /// The template part: everything but `images`, as each child ImagePullJob's spec takes it.
    public var template: ImagePullJobTemplate {
        var template = self.object
        template["images"] = nil
        return ImagePullJobTemplate(object: template)
    }
}
