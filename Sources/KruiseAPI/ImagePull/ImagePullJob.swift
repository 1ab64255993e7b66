public import KubeJSON
public import KubeModel

/// apps.kruise.io/v1alpha1 ImagePullJob: pulls one image on a set of nodes through their NodeImages and the
/// daemon on each node.
///
/// A typed view over the JSON object: every field not modelled here is kept and written back unchanged.
public struct ImagePullJob: KubeObject {
    /// `apps.kruise.io/v1alpha1`, kind `ImagePullJob`.
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "ImagePullJob")
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec`.
    public var spec: ImagePullJobSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    /// `status`.
    public var status: ImagePullJobStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
