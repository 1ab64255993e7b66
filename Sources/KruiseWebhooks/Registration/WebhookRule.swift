public import KubeJSON

/// One `rules[]` entry of a webhook: which operations on which resources are sent to it.
public struct WebhookRule: Sendable, Hashable {
    public var apiGroups: [String]
    public var apiVersions: [String]
    /// `CREATE`, `UPDATE`, `DELETE`, `CONNECT`.
    public var operations: [String]
    /// Plural resources, `pods/eviction` for a subresource.
    public var resources: [String]

    public init(apiGroups: [String], apiVersions: [String], operations: [String], resources: [String]) {
        self.apiGroups = apiGroups
        self.apiVersions = apiVersions
        self.operations = operations
        self.resources = resources
    }

    /// DELETE of `resources` in `group` at `versions`.
    public static func delete(group: String, versions: [String], resources: [String]) -> WebhookRule {
        WebhookRule(apiGroups: [group], apiVersions: versions, operations: ["DELETE"], resources: resources)
    }

    /// The JSON, in the API's field order (`operations`, `apiGroups`, `apiVersions`, `resources`).
    public var json: JSONValue {
        [
            "operations": .array(self.operations.map { .string($0) }),
            "apiGroups": .array(self.apiGroups.map { .string($0) }),
            "apiVersions": .array(self.apiVersions.map { .string($0) }),
            "resources": .array(self.resources.map { .string($0) }),
        ]
    }
}
