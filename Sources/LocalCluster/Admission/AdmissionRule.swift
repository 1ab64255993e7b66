public import KubeJSON
import KubeModel

/// One entry of a webhook's `rules` (kube's `RuleWithOperations`): operations, API groups, versions,
/// resources (with subresources) and scope.
public struct AdmissionRule: Sendable, Hashable {
    public var operations: [String]
    public var apiGroups: [String]
    public var apiVersions: [String]
    /// `pods`, `pods/status`, `pods/*`, `*`, `*/scale`, `*/*`.
    public var resources: [String]
    /// `Cluster`, `Namespaced` or `*` (the default).
    public var scope: String

    public init(
        operations: [String],
        apiGroups: [String],
        apiVersions: [String],
        resources: [String],
        scope: String = "*"
    ) {
        self.operations = operations
        self.apiGroups = apiGroups
        self.apiVersions = apiVersions
        self.resources = resources
        self.scope = scope
    }

    /// Reads a rule from its JSON form; absent lists are empty (and so match nothing).
    public init(json: JSONValue) {
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(
            operations: strings("operations"),
            apiGroups: strings("apiGroups"),
            apiVersions: strings("apiVersions"),
            resources: strings("resources"),
            scope: json["scope"]?.stringValue ?? "*"
        )
    }

    /// `true` when the rule covers a request (kube's `rules.Matcher`), with the request's resource seen at
    /// `version`.
    public func matches(_ attributes: AdmissionAttributes, version: String) -> Bool {
        self.covers(
            attributes.operation, group: attributes.resource.group, version: version,
            resource: attributes.resource.resource, subresource: attributes.subresource)
            && self.matchesScope(attributes)
    }

    /// `true` when the rule covers the operation on the resource at `version`, its scope aside: what
    /// ``matches(_:version:)`` checks before the scope.
    public func covers(
        _ operation: AdmissionOperation, group: String, version: String, resource: String, subresource: String
    ) -> Bool {
        self.matchesOperation(operation)
            && Self.contains(self.apiGroups, group)
            && Self.contains(self.apiVersions, version)
            && self.matchesResource(resource, subresource: subresource)
    }

    private func matchesOperation(_ operation: AdmissionOperation) -> Bool {
        self.operations.contains { $0 == "*" || $0 == operation.rawValue }
    }

    private static func contains(_ values: [String], _ value: String) -> Bool {
        values.contains { $0 == "*" || $0 == value }
    }

    /// `*` matches every resource but no subresource, `*/*` everything, `pods/*` pods and all its
    /// subresources, `*/scale` every `scale` subresource.
    private func matchesResource(_ resource: String, subresource: String) -> Bool {
        for entry in self.resources {
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let ruleResource = String(parts[0])
            let ruleSubresource = parts.count == 2 ? String(parts[1]) : ""
            let resourceMatches = ruleResource == "*" || ruleResource == resource
            let subresourceMatches = ruleSubresource == "*" || ruleSubresource == subresource
            if resourceMatches && subresourceMatches { return true }
        }
        return false
    }

    /// Namespace objects count as cluster-scoped even though their requests name a namespace in kube.
    private func matchesScope(_ attributes: AdmissionAttributes) -> Bool {
        switch self.scope {
        case "Cluster": return attributes.isNamespaceObject || attributes.namespace.isEmpty
        case "Namespaced": return !attributes.isNamespaceObject && !attributes.namespace.isEmpty
        default: return true
        }
    }
}
