public import KubeJSON
public import KubeModel

/// apps.kruise.io/v1alpha1 ImageListPullJob: one ImagePullJob per listed image, with a shared template; its
/// status sums theirs.
public struct ImageListPullJob: KubeObject {
    /// `apps.kruise.io/v1alpha1`, kind `ImageListPullJob`.
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "ImageListPullJob")
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec`.
    public var spec: ImageListPullJobSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    /// `status`.
    public var status: ImageListPullJobStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
