public import KubeJSON
public import KubeModel

/// apps.kruise.io/v1alpha1 CloneSet: a stateless workload with in-place update, partition, maxSurge,
/// specified delete, lifecycle hooks and per-pod PVCs.
///
/// A typed view over the JSON object: every field not modelled here is kept and written back unchanged.
public struct CloneSet: KubeObject {
    /// `apps.kruise.io/v1alpha1`, kind `CloneSet`.
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "CloneSet")
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec`.
    public var spec: CloneSetSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    /// `status`.
    public var status: CloneSetStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
