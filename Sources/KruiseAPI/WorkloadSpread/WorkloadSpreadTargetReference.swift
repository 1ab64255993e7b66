public import KubeJSON
public import KubeModel

/// `TargetReference`: the workload a WorkloadSpread manages (`apiVersion`, `kind`, `name`, all required).
public struct WorkloadSpreadTargetReference: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A reference to the workload `kind` named `name`.
    public init(apiVersion: String, kind: String, name: String) {
        self.object = JSONObject()
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }

    /// `apiVersion` (empty when absent).
    public var apiVersion: String {
        get { self.value("apiVersion") ?? "" }
        set { self.setValue("apiVersion", newValue) }
    }

    /// `kind` (empty when absent).
    public var kind: String {
        get { self.value("kind") ?? "" }
        set { self.setValue("kind", newValue) }
    }

    /// `name` (empty when absent).
    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    /// The API group of `apiVersion` as Go's `schema.ParseGroupVersion` reads it (`""` for `v1` and for an empty
    /// string); `nil` when `apiVersion` has more than one `/`.
    public var group: String? { Self.group(ofAPIVersion: self.apiVersion) }

    /// Whether this reference and an object's `apiVersion`/`kind`/`name` name the same workload: same group, kind and
    /// name (the version does not matter, as upstream's `isReferenceEqual`).
    public func refers(toAPIVersion apiVersion: String, kind: String, name: String) -> Bool {
        guard let group = self.group, let otherGroup = Self.group(ofAPIVersion: apiVersion) else { return false }
        return group == otherGroup && self.kind == kind && self.name == name
    }

    /// Whether both references name the same workload (group, kind and name).
    public func refersToSameWorkload(as other: WorkloadSpreadTargetReference) -> Bool {
        self.refers(toAPIVersion: other.apiVersion, kind: other.kind, name: other.name)
    }

    /// The group of an `apiVersion` (Go's `schema.ParseGroupVersion`): `""` and `"/"` have the empty group, `v1` the
    /// core group, `g/v` group `g`; `nil` for more than one `/`.
    public static func group(ofAPIVersion apiVersion: String) -> String? {
        if apiVersion.isEmpty || apiVersion == "/" { return "" }
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return ""
        case 2: return String(parts[0])
        default: return nil
        }
    }
}
