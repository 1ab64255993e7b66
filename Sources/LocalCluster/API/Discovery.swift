public import KubeJSON
public import KubeModel

/// The discovery documents of a ``ResourceRegistry``: legacy (`APIVersions`, `APIGroupList`, `APIGroup`,
/// `APIResourceList`) and aggregated (`APIGroupDiscoveryList`, `apidiscovery.k8s.io/v2` and `v2beta1`).
public struct Discovery: Sendable {
    /// What is served.
    public var registry: ResourceRegistry
    /// The `host:port` clients reach the server at, reported in `serverAddressByClientCIDRs`.
    public var serverAddress: String

    public init(registry: ResourceRegistry, serverAddress: String) {
        self.registry = registry
        self.serverAddress = serverAddress
    }

    /// Which root discovery endpoint is asked for.
    public enum Root: Sendable, Hashable {
        /// `GET /api`: the core group.
        case core
        /// `GET /apis`: every other group.
        case groups
    }

    /// The answer to `GET /api` or `GET /apis`: the body and the exact `Content-Type`, negotiated from the
    /// request's `Accept` header with ``DiscoveryFormat/negotiate(accept:)`` (never 406).
    public func response(for root: Root, accept: String?) -> DiscoveryResponse {
        let format = DiscoveryFormat.negotiate(accept: accept)
        let body: JSONValue
        switch (root, format) {
        case (.core, .legacy): body = self.apiVersions()
        case (.groups, .legacy): body = self.apiGroupList()
        case (.core, _): body = self.aggregatedCore(format: format)
        case (.groups, _): body = self.aggregatedGroups(format: format)
        }
        return DiscoveryResponse(body: body, contentType: format.contentType)
    }

    // MARK: Legacy

    /// `GET /api`: `APIVersions` (no `apiVersion`, as kube-apiserver sends it).
    public func apiVersions() -> JSONValue {
        [
            "kind": "APIVersions",
            "versions": .array(self.registry.versions(ofGroup: "").map(JSONValue.string)),
            "serverAddressByClientCIDRs": self.serverAddressByClientCIDRs,
        ]
    }

    /// `GET /apis`: `APIGroupList`.
    public func apiGroupList() -> JSONValue {
        [
            "kind": "APIGroupList",
            "apiVersion": "v1",
            "groups": .array(self.registry.groups.compactMap { self.groupBody(for: $0).map(JSONValue.object) }),
        ]
    }

    /// `GET /apis/<group>`: `APIGroup`; `nil` when the group is not served.
    public func apiGroup(_ group: String) -> JSONValue? {
        guard !group.isEmpty, let body = self.groupBody(for: group) else { return nil }
        var object: JSONObject = ["kind": "APIGroup", "apiVersion": "v1"]
        for member in body { object.appendUnchecked(key: member.key, value: member.value) }
        return .object(object)
    }

    /// `GET /api/v1` or `GET /apis/<group>/<version>`: `APIResourceList`; `nil` when the group version is not
    /// served. Subresources are entries of their own (`deployments/status`), right after their resource.
    public func apiResourceList(_ groupVersion: GroupVersion) -> JSONValue? {
        let resources = self.registry.resources(in: groupVersion)
        guard !resources.isEmpty else { return nil }
        var entries: [JSONValue] = []
        for resource in resources {
            guard let version = resource.version(named: groupVersion.version) else { continue }
            entries.append(Self.legacyEntry(resource))
            for subresource in version.subresources {
                entries.append(Self.legacyEntry(subresource, of: resource))
            }
        }
        return [
            "kind": "APIResourceList",
            "apiVersion": "v1",
            "groupVersion": .string(groupVersion.apiVersion),
            "resources": .array(entries),
        ]
    }

    // MARK: Aggregated

    /// `GET /api` with aggregated discovery: one item, the core group (no name).
    public func aggregatedCore(format: DiscoveryFormat) -> JSONValue {
        Self.aggregatedList(items: [self.aggregatedGroup("")], format: format)
    }

    /// `GET /apis` with aggregated discovery: one item per group, in ``ResourceRegistry/groups`` order.
    public func aggregatedGroups(format: DiscoveryFormat) -> JSONValue {
        Self.aggregatedList(items: self.registry.groups.map { self.aggregatedGroup($0) }, format: format)
    }

    private static func aggregatedList(items: [JSONValue], format: DiscoveryFormat) -> JSONValue {
        [
            "kind": "APIGroupDiscoveryList",
            "apiVersion": .string(format.aggregatedAPIVersion ?? DiscoveryFormat.aggregatedV2.aggregatedAPIVersion!),
            "metadata": .emptyObject,
            "items": .array(items),
        ]
    }

    private func aggregatedGroup(_ group: String) -> JSONValue {
        var metadata = JSONObject()
        if !group.isEmpty { metadata.appendUnchecked(key: "name", value: .string(group)) }
        metadata.appendUnchecked(key: "creationTimestamp", value: .null)
        let versions: [JSONValue] = self.registry.versions(ofGroup: group).map { version in
            let resources = self.registry.resources(in: GroupVersion(group: group, version: version))
                .sorted { $0.plural < $1.plural }
                .map { Self.aggregatedEntry($0, version: version) }
            return ["version": .string(version), "resources": .array(resources), "freshness": "Current"]
        }
        return ["metadata": .object(metadata), "versions": .array(versions)]
    }

    private static func aggregatedEntry(_ resource: APIResource, version: String) -> JSONValue {
        var entry = JSONObject()
        entry.appendUnchecked(key: "resource", value: .string(resource.plural))
        entry.appendUnchecked(
            key: "responseKind",
            value: Self.ownKind(resource, version: version, kind: resource.kind)
        )
        entry.appendUnchecked(key: "scope", value: resource.namespaced ? "Namespaced" : "Cluster")
        entry.appendUnchecked(key: "singularResource", value: .string(resource.singular))
        entry.appendUnchecked(key: "verbs", value: Self.verbs(resource.verbs))
        if !resource.shortNames.isEmpty { entry.appendUnchecked(key: "shortNames", value: Self.strings(resource.shortNames)) }
        if !resource.categories.isEmpty { entry.appendUnchecked(key: "categories", value: Self.strings(resource.categories)) }
        let subresources = resource.version(named: version)?.subresources ?? []
        if !subresources.isEmpty {
            let list: [JSONValue] = subresources.map { subresource in
                let kind: JSONValue =
                    subresource.responseGroup.isEmpty && subresource.responseVersion.isEmpty
                    ? Self.ownKind(resource, version: version, kind: subresource.responseKind)
                    : Self.groupVersionKind(subresource.responseGroup, subresource.responseVersion, subresource.responseKind)
                return ["subresource": .string(subresource.name), "responseKind": kind, "verbs": Self.verbs(subresource.verbs)]
            }
            entry.appendUnchecked(key: "subresources", value: .array(list))
        }
        return .object(entry)
    }

    /// A kind of the resource's own group version: built-ins leave group and version empty, as
    /// kube-apiserver's installer does; custom resources name them, as the CRD discovery controller does.
    private static func ownKind(_ resource: APIResource, version: String, kind: String) -> JSONValue {
        resource.isCustomResource
            ? Self.groupVersionKind(resource.group, version, kind)
            : Self.groupVersionKind("", "", kind)
    }

    private static func groupVersionKind(_ group: String, _ version: String, _ kind: String) -> JSONValue {
        ["group": .string(group), "version": .string(version), "kind": .string(kind)]
    }

    // MARK: Pieces

    private var serverAddressByClientCIDRs: JSONValue {
        [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(self.serverAddress)]]
    }

    /// `name`, `versions`, `preferredVersion` of a group (the members of an `APIGroup`).
    private func groupBody(for group: String) -> JSONObject? {
        let versions = self.registry.versions(ofGroup: group)
        guard let preferred = versions.first else { return nil }
        func entry(_ version: String) -> JSONValue {
            ["groupVersion": .string(GroupVersion(group: group, version: version).apiVersion), "version": .string(version)]
        }
        return [
            "name": .string(group),
            "versions": .array(versions.map(entry)),
            "preferredVersion": entry(preferred),
        ]
    }

    private static func legacyEntry(_ resource: APIResource) -> JSONValue {
        var entry = JSONObject()
        entry.appendUnchecked(key: "name", value: .string(resource.plural))
        entry.appendUnchecked(key: "singularName", value: .string(resource.singular))
        entry.appendUnchecked(key: "namespaced", value: .bool(resource.namespaced))
        entry.appendUnchecked(key: "kind", value: .string(resource.kind))
        entry.appendUnchecked(key: "verbs", value: Self.verbs(resource.verbs))
        if !resource.shortNames.isEmpty { entry.appendUnchecked(key: "shortNames", value: Self.strings(resource.shortNames)) }
        if !resource.categories.isEmpty { entry.appendUnchecked(key: "categories", value: Self.strings(resource.categories)) }
        entry.appendUnchecked(key: "storageVersionHash", value: .string(resource.storageVersionHash))
        return .object(entry)
    }

    private static func legacyEntry(_ subresource: APISubresource, of resource: APIResource) -> JSONValue {
        var entry = JSONObject()
        entry.appendUnchecked(key: "name", value: .string("\(resource.plural)/\(subresource.name)"))
        entry.appendUnchecked(key: "singularName", value: "")
        entry.appendUnchecked(key: "namespaced", value: .bool(resource.namespaced))
        if !subresource.responseGroup.isEmpty || !subresource.responseVersion.isEmpty {
            entry.appendUnchecked(key: "group", value: .string(subresource.responseGroup))
            entry.appendUnchecked(key: "version", value: .string(subresource.responseVersion))
        }
        entry.appendUnchecked(key: "kind", value: .string(subresource.responseKind))
        entry.appendUnchecked(key: "verbs", value: Self.verbs(subresource.verbs))
        return .object(entry)
    }

    private static func verbs(_ verbs: [APIVerb]) -> JSONValue { .array(verbs.map { .string($0.rawValue) }) }

    private static func strings(_ strings: [String]) -> JSONValue { .array(strings.map { .string($0) }) }
}
