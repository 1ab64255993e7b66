public import KubeJSON
public import KubeModel

/// `WorkloadSpreadSpec` (apps.kruise.io/v1alpha1).
public struct WorkloadSpreadSpec: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `targetRef` (required, immutable): the workload whose pods are spread; `nil` when absent.
    public var targetRef: WorkloadSpreadTargetReference? {
        get {
            guard case .object(let nested)? = self.object["targetRef"] else { return nil }
            return WorkloadSpreadTargetReference(object: nested)
        }
        set { self.object["targetRef"] = newValue.map { .object($0.object) } }
    }

    /// `subsets` (required), in priority order: pods fill the first subset with room.
    public var subsets: [WorkloadSpreadSubset] {
        get { self.views("subsets") }
        set { self.setViews("subsets", newValue) }
    }

    /// `scheduleStrategy`.
    public var scheduleStrategy: WorkloadSpreadScheduleStrategy {
        get { self.view("scheduleStrategy") }
        set { self.setView("scheduleStrategy", newValue) }
    }
}
