public import KubeJSON
public import KubeModel

/// The OpenAPI v3 documents of a ``ResourceRegistry``: the `/openapi/v3` index and one document per served
/// group version, built once (a value: rebuild it when the registry changes).
///
/// What kubectl needs from them: `apply`, `create -f`, `edit` and `replace` look for the PATCH operation of
/// the manifest's kind with a `fieldValidation` query parameter and, finding it, let the server validate
/// (`fieldValidation=Strict`) instead of downloading OpenAPI v2; `explain` finds the kind's path, then the
/// schema in `components.schemas` whose `x-kubernetes-group-version-kind` names it, and walks its properties.
/// Every resource therefore gets collection, item, `status` and `scale` paths with operations for its verbs
/// (see ``OpenAPIOperations``), and every kind a schema: the CRD's own for custom resources, a small built-in
/// catalog for KubeModel's kinds (``BuiltinSchemas``), a generic one otherwise. A document carries only the
/// schemas its operations and kinds reach.
///
/// OpenAPI v2 (`/openapi/v2`) is not served (404): only kubectl 1.28 and older validate with it, and the
/// server announces 1.32; kubectl 1.32/1.33 fall back to v2 only when v3 lacks a kind, and tolerate its 404.
public struct OpenAPIDocuments: Sendable {
    /// The index (`GET /openapi/v3`): `{"paths": {"apis/apps/v1": {"serverRelativeURL": "…?hash=…"}}}`.
    public let index: JSONValue
    /// ``index`` as compact JSON.
    public let indexBytes: [UInt8]
    /// The group version documents, in ``ResourceRegistry/groupVersions`` order.
    public let documents: [OpenAPIGroupVersionDocument]

    /// The documents of `registry`; `kubernetesVersion` fills `info.version`.
    public init(registry: ResourceRegistry, kubernetesVersion: String = "v1.32.0") {
        self.documents = registry.groupVersions.map {
            OpenAPIGroupVersionDocument(
                groupVersion: $0,
                body: Self.document(for: $0, registry: registry, kubernetesVersion: kubernetesVersion)
            )
        }
        var paths = JSONObject()
        for document in self.documents {
            paths.appendUnchecked(key: document.path, value: ["serverRelativeURL": .string(document.serverRelativeURL)])
        }
        self.index = ["paths": .object(paths)]
        self.indexBytes = self.index.serialized()
    }

    /// The document of `groupVersion`, if it is served.
    public func document(for groupVersion: GroupVersion) -> OpenAPIGroupVersionDocument? {
        self.documents.first { $0.groupVersion == groupVersion }
    }

    /// The document at `path` after `/openapi/v3/` (`api/v1`, `apis/apps/v1`), if it exists.
    public func document(atPath path: String) -> OpenAPIGroupVersionDocument? {
        self.documents.first { $0.path == path }
    }

    // MARK: Building

    static func document(for groupVersion: GroupVersion, registry: ResourceRegistry, kubernetesVersion: String) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        var local: [String: JSONValue] = [:]
        var roots: [String] = [OpenAPINames.apiResourceList]
        for resource in registry.resources(in: groupVersion) {
            guard let version = resource.version(named: groupVersion.version) else { continue }
            let custom = resource.isCustomResource
            let gvk = resource.groupVersionKind(version: version.name)
            let listGVK = GroupVersionKind(group: gvk.group, version: gvk.version, kind: resource.listKind)
            let kindSchema = OpenAPINames.schemaName(gvk, custom: custom)
            let listSchema = OpenAPINames.schemaName(listGVK, custom: custom)
            if custom {
                local[kindSchema] = CustomResourceSchema.schema(of: resource, version: version)
            } else if BuiltinSchemas.catalog[kindSchema] == nil {
                local[kindSchema] = Self.genericSchema(gvk)
            }
            local[listSchema] = BuiltinSchemas.list(of: kindSchema, kind: resource.kind, listKind: listGVK)
            roots += [kindSchema, listSchema]
            let operations = OpenAPIOperations(
                resource: resource,
                groupVersion: groupVersion,
                kindSchema: kindSchema,
                listSchema: listSchema
            )
            paths += operations.pathItems()
        }
        paths.append(Self.discoveryPath(groupVersion))

        var pathObject = JSONObject(paths)
        pathObject.sortKeys()
        OpenAPISchema.references(in: .object(pathObject), into: &roots)
        var schemas = JSONObject()
        var pending = roots
        while let name = pending.popLast() {
            guard schemas[name] == nil, let schema = local[name] ?? BuiltinSchemas.catalog[name] else { continue }
            schemas[name] = schema
            var references: [String] = []
            OpenAPISchema.references(in: schema, into: &references)
            pending += references
        }
        schemas.sortKeys()
        return [
            "openapi": "3.0.0",
            "info": ["title": "Kubernetes", "version": .string(kubernetesVersion)],
            "paths": .object(pathObject),
            "components": ["schemas": .object(schemas)],
        ]
    }

    /// `GET /apis/<group>/<version>/`: the group version's `APIResourceList`.
    private static func discoveryPath(_ groupVersion: GroupVersion) -> (String, JSONValue) {
        let path = "/\(OpenAPINames.path(groupVersion))/"
        let response: JSONValue = [
            "description": "OK",
            "content": [
                "application/json": ["schema": OpenAPISchema.reference(OpenAPINames.apiResourceList)],
                "application/yaml": ["schema": OpenAPISchema.reference(OpenAPINames.apiResourceList)],
            ],
        ]
        let operation: JSONValue = [
            "tags": [.string(OpenAPINames.tag(groupVersion))],
            "description": "get available resources",
            "operationId": .string("get\(OpenAPINames.operationPrefix(groupVersion))APIResources"),
            "responses": ["200": response, "401": ["description": "Unauthorized"]],
        ]
        return (path, ["get": operation])
    }

    /// A kind the catalog does not describe: its type meta and free-form `spec` and `status`.
    private static func genericSchema(_ gvk: GroupVersionKind) -> JSONValue {
        OpenAPISchema.object(
            "\(gvk.kind) is a \(gvk.group.isEmpty ? "core" : gvk.group) \(gvk.version) resource.",
            kinds: [gvk],
            BuiltinSchemas.typeMeta(gvk.kind) + [
                ("spec", OpenAPISchema.opaque("The desired state of the \(gvk.kind).")),
                ("status", OpenAPISchema.opaque("The observed state of the \(gvk.kind).")),
            ]
        )
    }
}
