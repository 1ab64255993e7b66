public import KubeJSON
public import KubeModel

/// `WorkloadSpreadSubset`: one domain of a WorkloadSpread (a zone, a node pool) and what pods placed in it get.
public struct WorkloadSpreadSubset: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A subset named `name` with at most `maxReplicas` pods (`nil`: unlimited).
    public init(name: String, maxReplicas: IntOrString? = nil) {
        self.object = JSONObject()
        self.name = name
        self.maxReplicas = maxReplicas
    }

    /// `name` (required, unique within the WorkloadSpread).
    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    /// `requiredNodeSelectorTerm`: ANDed into every required node selector term of the pod; `nil` when absent.
    public var requiredNodeSelectorTerm: NodeSelectorTerm? {
        get {
            guard case .object(let nested)? = self.object["requiredNodeSelectorTerm"] else { return nil }
            return NodeSelectorTerm(object: nested)
        }
        set { self.object["requiredNodeSelectorTerm"] = newValue.map { .object($0.object) } }
    }

    /// `preferredNodeSelectorTerms`: appended to the pod's preferred node affinity.
    public var preferredNodeSelectorTerms: [PreferredSchedulingTerm] {
        get { self.views("preferredNodeSelectorTerms") }
        set { self.setViews("preferredNodeSelectorTerms", newValue) }
    }

    /// `tolerations`: appended to the pod's tolerations.
    public var tolerations: [Toleration] {
        get { self.views("tolerations") }
        set { self.setViews("tolerations", newValue) }
    }

    /// `maxReplicas`: an absolute count or a percentage of the workload's replicas (rounded up); `nil` is unlimited.
    public var maxReplicas: IntOrString? {
        get { self.value("maxReplicas") }
        set { self.setValue("maxReplicas", newValue) }
    }

    /// `patch`: a strategic merge patch applied to pods placed in this subset; `nil` when absent or `null`.
    public var patch: JSONValue? {
        get {
            guard let raw = self.object["patch"], !raw.isNull else { return nil }
            return raw
        }
        set { self.object["patch"] = newValue }
    }

    /// The pod limit for a workload of `workloadReplicas` replicas: `nil` when unlimited, otherwise `maxReplicas`
    /// scaled as apimachinery's `GetScaledValueFromIntOrPercent` with rounding up (integer percentages only). A
    /// value that is not a count or an integer percentage (validation rejects it) counts as 0, as upstream's
    /// webhook ignores the error.
    public func replicaLimit(workloadReplicas: Int) -> Int? {
        guard let maxReplicas else { return nil }
        switch CloneSetValidation.kubeScaledValue(maxReplicas, total: workloadReplicas) {
        case .success(let value): return value
        case .failure: return 0
        }
    }
}
