internal import KubeJSON
internal import KubeModel

/// The path items kube-apiserver publishes for a resource: collection and item paths (namespaced, and
/// across namespaces for namespaced resources), plus `status` and `scale` subresources, with one operation
/// per verb the resource supports.
///
/// Every PATCH carries `x-kubernetes-group-version-kind`, the `dryRun`, `fieldManager`, `fieldValidation` and
/// `force` query parameters and the patch media types the server accepts for every resource (apply, JSON
/// and merge patch). `application/strategic-merge-patch+json` is deliberately absent: when kubectl sees it, a
/// client-side `apply` computes the strategic merge patch from OpenAPI v3 schemas (patch strategies, merge
/// keys), which these small schemas do not carry; without it kubectl uses its compiled-in types for built-ins
/// and a JSON merge patch for custom resources.
struct OpenAPIOperations {
    let resource: APIResource
    let groupVersion: GroupVersion
    /// The schema name of the resource's kind and of its list.
    let kindSchema: String
    let listSchema: String

    /// The patch media types offered to clients.
    static let patchMediaTypes = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"]

    /// `(path, path item)` pairs.
    func pathItems() -> [(String, JSONValue)] {
        let root = self.groupVersion.group.isEmpty ? "/api/\(self.groupVersion.version)" : "/apis/\(self.groupVersion.group)/\(self.groupVersion.version)"
        let kind = self.resource.kind
        let prefix = OpenAPINames.operationPrefix(self.groupVersion)
        let scope = self.resource.namespaced ? "Namespaced" : ""
        let base = self.resource.namespaced ? "\(root)/namespaces/{namespace}/\(self.resource.plural)" : "\(root)/\(self.resource.plural)"
        let gvk = self.resource.groupVersionKind(version: self.groupVersion.version)
        var items: [(String, JSONValue)] = []

        // Collection.
        var collection = self.pathParameters(name: false)
        if self.resource.allows(.list) {
            collection["get"] = self.operation(
                "list\(prefix)\(scope)\(kind)", action: "list", gvk: gvk, description: "list or watch objects of kind \(kind)",
                query: Self.listParameters, response: self.listSchema
            )
        }
        if self.resource.allows(.create) {
            collection["post"] = self.operation(
                "create\(prefix)\(scope)\(kind)", action: "post", gvk: gvk, description: "create a \(kind)",
                query: Self.writeParameters, body: Self.body(self.kindSchema), response: self.kindSchema, created: true
            )
        }
        if self.resource.allows(.deletecollection) {
            collection["delete"] = self.operation(
                "delete\(prefix)Collection\(scope)\(kind)", action: "deletecollection", gvk: gvk,
                description: "delete collection of \(kind)", query: Self.deleteCollectionParameters,
                body: Self.body(OpenAPINames.deleteOptions), response: OpenAPINames.status
            )
        }
        items.append((base, .object(collection)))

        // Item.
        var item = self.pathParameters(name: true)
        if self.resource.allows(.get) {
            item["get"] = self.operation(
                "read\(prefix)\(scope)\(kind)", action: "get", gvk: gvk, description: "read the specified \(kind)",
                query: [], response: self.kindSchema
            )
        }
        if self.resource.allows(.update) {
            item["put"] = self.operation(
                "replace\(prefix)\(scope)\(kind)", action: "put", gvk: gvk, description: "replace the specified \(kind)",
                query: Self.writeParameters, body: Self.body(self.kindSchema), response: self.kindSchema, created: true
            )
        }
        if self.resource.allows(.delete) {
            item["delete"] = self.operation(
                "delete\(prefix)\(scope)\(kind)", action: "delete", gvk: gvk, description: "delete a \(kind)",
                query: Self.deleteParameters, body: Self.body(OpenAPINames.deleteOptions), response: OpenAPINames.status
            )
        }
        if self.resource.allows(.patch) {
            item["patch"] = self.patchOperation("patch\(prefix)\(scope)\(kind)", gvk: gvk, kind: kind, response: self.kindSchema)
        }
        items.append(("\(base)/{name}", .object(item)))

        // Subresources.
        for subresource in self.resource.version(named: self.groupVersion.version)?.subresources ?? [] {
            let subKind = subresource.isScale ? "Scale" : kind
            let schema = subresource.isScale ? OpenAPINames.scale : self.kindSchema
            let subGVK =
                subresource.responseGroup.isEmpty && subresource.responseVersion.isEmpty
                ? gvk
                : GroupVersionKind(group: subresource.responseGroup, version: subresource.responseVersion, kind: subresource.responseKind)
            guard subresource.name == "status" || subresource.isScale else { continue }
            let suffix = subresource.isScale ? "Scale" : "Status"
            var path = self.pathParameters(name: true, subresource: subKind)
            if subresource.allows(.get) {
                path["get"] = self.operation(
                    "read\(prefix)\(scope)\(kind)\(suffix)", action: "get", gvk: subGVK,
                    description: "read \(subresource.name) of the specified \(kind)", query: [], response: schema
                )
            }
            if subresource.allows(.update) {
                path["put"] = self.operation(
                    "replace\(prefix)\(scope)\(kind)\(suffix)", action: "put", gvk: subGVK,
                    description: "replace \(subresource.name) of the specified \(kind)", query: Self.writeParameters,
                    body: Self.body(schema), response: schema, created: true
                )
            }
            if subresource.allows(.patch) {
                path["patch"] = self.patchOperation("patch\(prefix)\(scope)\(kind)\(suffix)", gvk: subGVK, kind: kind, response: schema)
            }
            items.append(("\(base)/{name}/\(subresource.name)", .object(path)))
        }

        // Across namespaces.
        if self.resource.namespaced, self.resource.allows(.list) {
            var all = JSONObject()
            all["get"] = self.operation(
                "list\(prefix)\(kind)ForAllNamespaces", action: "list", gvk: gvk,
                description: "list or watch objects of kind \(kind)", query: Self.listParameters, response: self.listSchema
            )
            all["parameters"] = .array([Self.query("pretty", "If 'true', then the output is pretty printed.", type: "string")])
            items.append(("\(root)/\(self.resource.plural)", .object(all)))
        }
        return items
    }

    private func patchOperation(_ id: String, gvk: GroupVersionKind, kind: String, response: String) -> JSONValue {
        var content = JSONObject()
        for mediaType in Self.patchMediaTypes {
            content.appendUnchecked(key: mediaType, value: ["schema": OpenAPISchema.reference(OpenAPINames.patch)])
        }
        return self.operation(
            id, action: "patch", gvk: gvk, description: "partially update the specified \(kind)",
            query: Self.patchParameters, body: ["content": .object(content), "required": true], response: response, created: true
        )
    }

    private func operation(
        _ id: String,
        action: String,
        gvk: GroupVersionKind,
        description: String,
        query: [JSONValue],
        body: JSONValue? = nil,
        response: String,
        created: Bool = false
    ) -> JSONValue {
        var operation = JSONObject()
        operation.appendUnchecked(key: "tags", value: [.string(OpenAPINames.tag(self.groupVersion))])
        operation.appendUnchecked(key: "description", value: .string(description))
        operation.appendUnchecked(key: "operationId", value: .string(id))
        if !query.isEmpty { operation.appendUnchecked(key: "parameters", value: .array(query)) }
        if let body { operation.appendUnchecked(key: "requestBody", value: body) }
        var responses = JSONObject()
        responses.appendUnchecked(key: "200", value: Self.response("OK", schema: response))
        if created { responses.appendUnchecked(key: "201", value: Self.response("Created", schema: response)) }
        responses.appendUnchecked(key: "401", value: ["description": "Unauthorized"])
        operation.appendUnchecked(key: "responses", value: .object(responses))
        operation.appendUnchecked(key: "x-kubernetes-action", value: .string(action))
        operation.appendUnchecked(
            key: "x-kubernetes-group-version-kind",
            value: ["group": .string(gvk.group), "kind": .string(gvk.kind), "version": .string(gvk.version)]
        )
        return .object(operation)
    }

    private static func response(_ description: String, schema: String) -> JSONValue {
        var content = JSONObject()
        for mediaType in ["application/json", "application/yaml"] {
            content.appendUnchecked(key: mediaType, value: ["schema": OpenAPISchema.reference(schema)])
        }
        return ["description": .string(description), "content": .object(content)]
    }

    private static func body(_ schema: String) -> JSONValue {
        ["content": ["*/*": ["schema": OpenAPISchema.reference(schema)]], "required": true]
    }

    /// The path-level parameters: `name` (items), `namespace` (namespaced), `pretty`.
    private func pathParameters(name: Bool, subresource: String? = nil) -> JSONObject {
        var parameters: [JSONValue] = []
        if name {
            parameters.append(Self.pathParameter("name", "name of the \(subresource ?? self.resource.kind)"))
        }
        if self.resource.namespaced {
            parameters.append(Self.pathParameter("namespace", "object name and auth scope, such as for teams and projects"))
        }
        parameters.append(Self.query("pretty", "If 'true', then the output is pretty printed.", type: "string"))
        return ["parameters": .array(parameters)]
    }

    private static func pathParameter(_ name: String, _ description: String) -> JSONValue {
        [
            "name": .string(name), "in": "path", "description": .string(description), "required": true,
            "schema": ["type": "string", "uniqueItems": true],
        ]
    }

    private static func query(_ name: String, _ description: String, type: String) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(description), "schema": ["type": .string(type), "uniqueItems": true]]
    }

    private static let dryRun = query(
        "dryRun",
        "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed",
        type: "string"
    )
    private static let fieldManager = query(
        "fieldManager",
        "fieldManager is a name associated with the actor or entity that is making these changes.",
        type: "string"
    )
    private static let fieldValidation = query(
        "fieldValidation",
        "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.",
        type: "string"
    )
    private static let force = query(
        "force",
        "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people.",
        type: "boolean"
    )
    private static let gracePeriodSeconds = query(
        "gracePeriodSeconds",
        "The duration in seconds before the object should be deleted.",
        type: "integer"
    )
    private static let orphanDependents = query(
        "orphanDependents",
        "Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7.",
        type: "boolean"
    )
    private static let propagationPolicy = query(
        "propagationPolicy",
        "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.",
        type: "string"
    )
    private static let selection: [JSONValue] = [
        query("continue", "The continue option should be set when retrieving more results from the server.", type: "string"),
        query("fieldSelector", "A selector to restrict the list of returned objects by their fields. Defaults to everything.", type: "string"),
        query("labelSelector", "A selector to restrict the list of returned objects by their labels. Defaults to everything.", type: "string"),
        query("limit", "limit is a maximum number of responses to return for a list call.", type: "integer"),
        query("resourceVersion", "resourceVersion sets a constraint on what resource versions a request may be served from.", type: "string"),
        query("resourceVersionMatch", "resourceVersionMatch determines how resourceVersion is applied to list calls.", type: "string"),
        query("sendInitialEvents", "`sendInitialEvents=true` may be set together with `watch=true`.", type: "boolean"),
        query("timeoutSeconds", "Timeout for the list/watch call.", type: "integer"),
    ]

    static let listParameters: [JSONValue] =
        [query("allowWatchBookmarks", "allowWatchBookmarks requests watch events with type \"BOOKMARK\".", type: "boolean")]
        + selection
        + [query("watch", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.", type: "boolean")]
    static let writeParameters: [JSONValue] = [dryRun, fieldManager, fieldValidation]
    static let patchParameters: [JSONValue] = [dryRun, fieldManager, fieldValidation, force]
    static let deleteParameters: [JSONValue] = [dryRun, gracePeriodSeconds, orphanDependents, propagationPolicy]
    static let deleteCollectionParameters: [JSONValue] = [dryRun, gracePeriodSeconds, orphanDependents, propagationPolicy] + selection
}
