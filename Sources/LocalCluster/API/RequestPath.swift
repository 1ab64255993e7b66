public import KubeModel

/// What a request path names: a discovery document, a server endpoint, or a resource.
///
/// Parse with ``init(parsing:registry:)``; the registry decides which group versions, resources and
/// subresources exist, and resolves `/api/v1/namespaces/<name>/<x>` (a namespaced collection when `<x>` is a
/// namespaced resource, the Namespace's subresource otherwise).
public enum RequestPath: Sendable, Hashable {
    /// `/`: the list of served paths.
    case root
    /// `/version`.
    case version
    /// `/healthz`, `/livez`, `/readyz`, optionally with one named check (`/livez/ping`).
    case health(HealthEndpoint, check: String?)
    /// `/openapi/v2`.
    case openAPIV2
    /// `/openapi/v3`: the index of group version documents.
    case openAPIV3Index
    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/<group>/<version>`: one group version's document.
    case openAPIV3(GroupVersion)
    /// `/api`: `APIVersions` or aggregated discovery of the core group.
    case coreAPIVersions
    /// `/apis`: `APIGroupList` or aggregated discovery of every other group.
    case apiGroupList
    /// `/apis/<group>`: `APIGroup`.
    case apiGroup(String)
    /// `/api/v1`, `/apis/<group>/<version>`: `APIResourceList`.
    case apiResourceList(GroupVersion)
    /// A resource collection, object or subresource.
    case resource(ResourceRequest)

    /// The health endpoints.
    public enum HealthEndpoint: String, Sendable, Hashable, CaseIterable {
        case healthz
        case livez
        case readyz
    }

    /// Parses `path` (a query after `?` is ignored), percent-decoding each segment. One trailing `/` is
    /// accepted; empty segments elsewhere are not.
    /// - Throws: ``RequestPathError/invalidEscape(_:)`` for a malformed escape (400),
    ///   ``RequestPathError/notFound(detail:)`` for anything the registry does not serve (404).
    public init(parsing path: String, registry: ResourceRegistry) throws(RequestPathError) {
        let rawPath = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard rawPath.first == "/" else { throw .notFound(detail: "path must start with /") }
        var rawSegments = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if rawSegments.count > 1 && rawSegments.last == "" { rawSegments.removeLast() }
        if rawSegments == [""] { rawSegments = [] }
        var segments: [String] = []
        segments.reserveCapacity(rawSegments.count)
        for raw in rawSegments {
            switch PercentDecoding.decode(raw, plusAsSpace: false) {
            case .success(let segment):
                guard !segment.isEmpty else { throw .notFound(detail: "empty path segment") }
                segments.append(segment)
            case .failure(let error):
                throw .invalidEscape(error.escape)
            }
        }
        self = try Self.resolve(segments[...], registry: registry)
    }

    private static func resolve(_ segments: ArraySlice<String>, registry: ResourceRegistry) throws(RequestPathError) -> RequestPath {
        guard let first = segments.first else { return .root }
        let rest = segments.dropFirst()
        switch first {
        case "version" where rest.isEmpty:
            return .version
        case "healthz", "livez", "readyz":
            guard rest.count <= 1, let endpoint = HealthEndpoint(rawValue: first) else {
                throw .notFound(detail: "unknown health check path")
            }
            return .health(endpoint, check: rest.first)
        case "openapi":
            return try Self.resolveOpenAPI(rest, registry: registry)
        case "api":
            guard let version = rest.first else { return .coreAPIVersions }
            let groupVersion = GroupVersion(group: "", version: version)
            guard registry.serves(groupVersion) else { throw .notFound(detail: "group version \(groupVersion) is not served") }
            let resourcePath = rest.dropFirst()
            if resourcePath.isEmpty { return .apiResourceList(groupVersion) }
            return .resource(try Self.resolveResource(resourcePath, groupVersion: groupVersion, registry: registry))
        case "apis":
            guard let group = rest.first else { return .apiGroupList }
            guard registry.serves(group: group) else { throw .notFound(detail: "group \(group) is not served") }
            let afterGroup = rest.dropFirst()
            guard let version = afterGroup.first else { return .apiGroup(group) }
            let groupVersion = GroupVersion(group: group, version: version)
            guard registry.serves(groupVersion) else { throw .notFound(detail: "group version \(groupVersion) is not served") }
            let resourcePath = afterGroup.dropFirst()
            if resourcePath.isEmpty { return .apiResourceList(groupVersion) }
            return .resource(try Self.resolveResource(resourcePath, groupVersion: groupVersion, registry: registry))
        default:
            throw .notFound(detail: "no endpoint /\(segments.joined(separator: "/"))")
        }
    }

    private static func resolveOpenAPI(_ segments: ArraySlice<String>, registry: ResourceRegistry) throws(RequestPathError) -> RequestPath {
        let parts = Array(segments)
        switch parts.count {
        case 1 where parts[0] == "v2":
            return .openAPIV2
        case 1 where parts[0] == "v3":
            return .openAPIV3Index
        case 3 where parts[0] == "v3" && parts[1] == "api":
            let groupVersion = GroupVersion(group: "", version: parts[2])
            guard registry.serves(groupVersion) else { throw .notFound(detail: "no OpenAPI document for \(groupVersion)") }
            return .openAPIV3(groupVersion)
        case 4 where parts[0] == "v3" && parts[1] == "apis":
            let groupVersion = GroupVersion(group: parts[2], version: parts[3])
            guard registry.serves(groupVersion) else { throw .notFound(detail: "no OpenAPI document for \(groupVersion)") }
            return .openAPIV3(groupVersion)
        default:
            throw .notFound(detail: "unknown OpenAPI path")
        }
    }

    /// Resolves the segments after `/api/<v>` or `/apis/<g>/<v>`.
    private static func resolveResource(
        _ segments: ArraySlice<String>,
        groupVersion: GroupVersion,
        registry: ResourceRegistry
    ) throws(RequestPathError) -> ResourceRequest {
        let parts = Array(segments)
        func lookup(_ plural: String) -> APIResource? {
            registry.resource(group: groupVersion.group, version: groupVersion.version, plural: plural)
        }
        // /namespaces/<ns>/<plural>[/<name>[/<subresource>]] when <plural> is a namespaced resource.
        if parts.count >= 3, parts[0] == "namespaces", let resource = lookup(parts[2]), resource.namespaced {
            return try Self.request(
                resource,
                version: groupVersion.version,
                namespace: parts[1],
                tail: parts[3...]
            )
        }
        guard let resource = lookup(parts[0]) else {
            throw .notFound(detail: "resource \(parts[0]) is not served in \(groupVersion)")
        }
        if resource.namespaced {
            // Without a namespace, a namespaced resource is only served as a collection across namespaces.
            guard parts.count == 1 else { throw .notFound(detail: "\(resource.plural) is namespaced") }
            return ResourceRequest(resource: resource, version: groupVersion.version)
        }
        return try Self.request(resource, version: groupVersion.version, namespace: nil, tail: parts[1...])
    }

    /// `[<name>[/<subresource>]]` after a collection.
    private static func request(
        _ resource: APIResource,
        version: String,
        namespace: String?,
        tail: ArraySlice<String>
    ) throws(RequestPathError) -> ResourceRequest {
        var request = ResourceRequest(resource: resource, version: version, namespace: namespace)
        guard let name = tail.first else { return request }
        request.name = name
        let afterName = tail.dropFirst()
        guard let subresourceName = afterName.first else { return request }
        guard afterName.count == 1 else { throw .notFound(detail: "too many path segments") }
        guard let subresource = resource.version(named: version)?.subresource(named: subresourceName) else {
            throw .notFound(detail: "\(resource.plural) has no subresource \(subresourceName)")
        }
        request.subresource = subresource
        return request
    }
}
