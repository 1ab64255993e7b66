public import KubeJSON

/// core/v1 NodeSelectorRequirement: one expression of a node selector term (`key`, `operator`, `values`).
///
/// Operators are `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` and `Lt`, with the semantics of
/// `k8s.io/component-helpers/scheduling/corev1/nodeaffinity`.
public struct NodeSelectorRequirement: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A requirement on `key`.
    public init(key: String, operator: String, values: [String] = []) {
        self.object = JSONObject()
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    public var key: String {
        get { self.value("key") ?? "" }
        set { self.setValue("key", newValue) }
    }

    /// `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`.
    public var `operator`: String {
        get { self.value("operator") ?? "" }
        set { self.setValue("operator", newValue) }
    }

    public var values: [String] {
        get { self.value("values") ?? [] }
        set { self.setValue("values", newValue.isEmpty ? nil : newValue) }
    }

    /// Whether a label (or field) whose value is `value` (`nil` when absent) satisfies this requirement.
    /// `nil` when the requirement is invalid (unknown operator, `Gt`/`Lt` without exactly one integer value,
    /// `In`/`NotIn` without values): the scheduler treats a term holding an invalid requirement as not
    /// matching.
    public func evaluate(_ value: String?) -> Bool? {
        let values = self.values
        switch self.operator {
        case "In":
            guard !values.isEmpty else { return nil }
            guard let value else { return false }
            return values.contains(value)
        case "NotIn":
            guard !values.isEmpty else { return nil }
            guard let value else { return true }
            return !values.contains(value)
        case "Exists":
            guard values.isEmpty else { return nil }
            return value != nil
        case "DoesNotExist":
            guard values.isEmpty else { return nil }
            return value == nil
        case "Gt", "Lt":
            guard values.count == 1, let bound = Int64(values[0]) else { return nil }
            guard let value, let number = Int64(value) else { return false }
            return self.operator == "Gt" ? number > bound : number < bound
        default:
            return nil
        }
    }
}
