import KubeJSON
import KubeModel

/// Decoding of request bodies by content type: JSON, YAML, and the four patch types.
enum RequestBody {
    /// The media types accepted for object bodies.
    static let objectMediaTypes = ["application/json", "application/yaml"]

    /// The body of a create or update as JSON.
    static func decode(_ request: APIRequest) throws(APIStatus) -> JSONValue {
        switch request.contentType ?? "application/json" {
        case "application/json", "*/*":
            return try Self.parseJSON(request.body)
        case "application/yaml", "application/x-yaml", "text/yaml":
            return try Self.parseYAML(request.body)
        case KubernetesProtobuf.mediaType:
            do {
                return try KubernetesProtobuf.decodeObject(request.body)
            } catch {
                guard error.isUnsupported else { throw APIStatus.badRequest(error.message) }
                throw APIStatus(failure: 415, reason: .unsupportedMediaType, message: error.message)
            }
        default:
            throw APIStatus.unsupportedMediaType(accepted: Self.objectMediaTypes)
        }
    }

    /// The body of a PATCH, with its type.
    static func decodePatch(_ request: APIRequest, target: ResourceRequest) throws(APIStatus) -> PatchDocument {
        let contentType = request.contentType ?? ""
        switch contentType {
        case "application/merge-patch+json":
            return PatchDocument(kind: .merge, document: try Self.parseJSON(request.body))
        case "application/json-patch+json":
            let document = try Self.parseJSON(request.body)
            let patch: JSONPatch
            do {
                patch = try JSONPatch(document)
            } catch {
                throw APIStatus.badRequest(error.description)
            }
            guard patch.operations.count <= Self.maximumJSONPatchOperations else {
                throw APIStatus(
                    failure: 413,
                    reason: StatusReason(rawValue: "RequestEntityTooLarge"),
                    message: "Request entity too large: The allowed maximum operations in a JSON patch is \(Self.maximumJSONPatchOperations), got \(patch.operations.count)"
                )
            }
            return PatchDocument(kind: .json(patch), document: document)
        case "application/apply-patch+yaml", "application/apply-patch+json":
            return PatchDocument(kind: .apply, document: try Self.parseYAML(request.body))
        case "application/strategic-merge-patch+json":
            let schemaExists =
                StrategicMergeSchema.builtIn(apiVersion: target.groupVersion.apiVersion, kind: target.resource.kind) != nil
            // kube-apiserver has no strategic merge patch for custom resources (scale excepted).
            guard schemaExists || target.subresource?.isScale == true else {
                throw APIStatus.unsupportedMediaType(accepted: Self.patchMediaTypes(strategic: false))
            }
            return PatchDocument(kind: .strategic, document: try Self.parseJSON(request.body))
        default:
            throw APIStatus.unsupportedMediaType(
                accepted: Self.patchMediaTypes(
                    strategic: StrategicMergeSchema.builtIn(
                        apiVersion: target.groupVersion.apiVersion,
                        kind: target.resource.kind
                    ) != nil
                )
            )
        }
    }

    /// kube-apiserver's limit on the operations of one JSON patch.
    static let maximumJSONPatchOperations = 10_000

    /// kube-apiserver's limit on the bytes a JSON patch's `copy` operations may add up to (`JSONPatchMaxCopyBytes`,
    /// the request body limit), so that a small patch cannot copy a document into itself until memory runs out.
    static let maximumJSONPatchCopyBytes = 3 * 1024 * 1024

    static func patchMediaTypes(strategic: Bool) -> [String] {
        var types = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]
        if strategic { types.append("application/strategic-merge-patch+json") }
        return types
    }

    private static func parseJSON(_ bytes: [UInt8]) throws(APIStatus) -> JSONValue {
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw APIStatus.badRequest("json: cannot unmarshal the request body: \(error)")
        }
    }

    private static func parseYAML(_ bytes: [UInt8]) throws(APIStatus) -> JSONValue {
        do {
            return try YAMLReader().read(bytes: bytes)
        } catch {
            throw APIStatus.badRequest("yaml: \(error)")
        }
    }
}

/// A decoded PATCH body and how to apply it.
struct PatchDocument {
    enum Kind {
        case merge
        case json(JSONPatch)
        case strategic
        /// Server-side apply: the document is the applied configuration.
        case apply
    }

    var kind: Kind
    var document: JSONValue

    /// The `metadata.resourceVersion` a merge or strategic patch carries: a precondition, as kube treats it.
    /// - Throws: a 400 for one that is not a version (see ``APIServer/resourceVersionPrecondition(of:)``).
    func resourceVersion() throws(APIStatus) -> UInt64? {
        switch self.kind {
        case .merge, .strategic, .apply: try APIServer.resourceVersionPrecondition(of: self.document)
        case .json: nil
        }
    }

    /// The patched document.
    func apply(to current: JSONValue, schema: StrategicMergeSchema?) throws(APIStatus) -> JSONValue {
        switch self.kind {
        case .merge, .apply:
            // Objects are applied through ServerSideApply; only an applied Scale (the scale subresource,
            // which has no field ownership of its own) is merged here.
            guard self.document.objectValue != nil else {
                throw APIStatus.badRequest("the patch must be a JSON object")
            }
            return JSONMergePatch.apply(self.document, to: current)
        case .json(let patch):
            do {
                return try patch.apply(to: current, copySizeLimit: RequestBody.maximumJSONPatchCopyBytes)
            } catch {
                throw APIStatus(failure: 422, reason: .invalid, message: error.description)
            }
        case .strategic:
            // The scale subresource (autoscaling/v1 Scale) has no lists: a strategic patch is a merge there.
            guard let schema else { return JSONMergePatch.apply(self.document, to: current) }
            do {
                return try StrategicMergePatch.apply(patch: self.document, to: current, schema: schema)
            } catch {
                // kube-apiserver passes merge failures through as 500s (kubernetes/kubernetes#79210); they are
                // the patch's fault, so they are answered as the patch that cannot be processed they are.
                let status = switch error.kind {
                case .malformedPatch: 400
                case .unprocessable, .mergeFailure: 422
                }
                throw APIStatus(failure: status, reason: status == 400 ? .badRequest : .invalid, message: error.description)
            }
        }
    }
}
