public import KubeJSON
public import KubeModel

/// apps.kruise.io/v1alpha1 WorkloadSpread: spreads the pods of one workload over subsets (zones, node pools)
/// with per-subset node affinity, tolerations, a pod patch and a replica limit.
///
/// A typed view over the JSON object: every field not modelled here is kept and written back unchanged.
public struct WorkloadSpread: KubeObject {
    /// `apps.kruise.io/v1alpha1`, kind `WorkloadSpread`.
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "WorkloadSpread")
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec`.
    public var spec: WorkloadSpreadSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    /// `status`.
    public var status: WorkloadSpreadStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
