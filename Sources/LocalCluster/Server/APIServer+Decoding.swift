import KubeJSON
import KubeModel

extension APIServer {
    /// What kube-apiserver's decoding of a create or update body into the kind's Go type rejects: a value a field
    /// cannot take (400 `Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go
    /// struct field ObjectMeta.metadata.name of type string`) and, under `fieldValidation=Strict`, members no
    /// field takes and keys a JSON object repeats (400 `... cannot be handled as a Pod: strict decoding error:
    /// unknown field "spec.foo", duplicate field "metadata.name"`).
    /// Custom resources have their `metadata` checked here; their schema does the rest.
    static func checkDecoding(
        _ body: JSONValue,
        target: ResourceRequest,
        validation: WriteQueryOptions.FieldValidation?,
        request: APIRequest
    ) throws(APIStatus) {
        guard let decoding = Self.typedDecoding(body, target: target) else { return }
        let kind = target.resource.kind
        let prefix = "\(kind) in version \(GoQuote.quote(target.version)) cannot be handled as a \(kind): "
        if let error = decoding.error {
            throw APIStatus.badRequest(prefix + error)
        }
        guard validation == .strict else { return }
        var unknownFields = decoding.unknownFields
        if target.resource.isCustomResource, let schema = target.resource.version(named: target.version)?.schema {
            // The fields the CRD's schema prunes, as a create or update reports them (a patch's are reported,
            // without the prefix, by the schema validation of the patched object).
            unknownFields += StructuralSchemaProcessor(schema: schema).process(body).unknownFields
        }
        var duplicateFields: [String] = []
        if ["application/json", "*/*"].contains(request.contentType ?? "application/json") {
            // A YAML body with a repeated key is refused as it is read.
            duplicateFields = JSONDuplicateKeys.paths(in: request.body)
        }
        if !unknownFields.isEmpty || !duplicateFields.isEmpty {
            throw APIStatus.strictDecoding(unknownFields: unknownFields, duplicateFields: duplicateFields, prefix: prefix)
        }
    }

    /// The same decoding of the result of a merge, JSON or strategic merge patch: a value a field cannot take is
    /// kube's 422 on the field `patch`, members no field takes a 400 under `fieldValidation=Strict`.
    /// `base` is the stored object the patch was applied to: parts of `patched` still held in its storage are
    /// not checked again.
    static func checkPatchedDecoding(
        _ patched: JSONValue,
        base: JSONValue? = nil,
        target: ResourceRequest,
        validation: WriteQueryOptions.FieldValidation?
    ) throws(APIStatus) {
        guard let decoding = Self.typedDecoding(patched, target: target, unchanged: base?.objectValue) else { return }
        if let error = decoding.error {
            throw APIStatus.invalid(
                group: "",
                kind: "",
                name: "",
                errors: [FieldError(field: "patch", message: "Invalid value: \(GoQuote.quote(patched.serializedString())): \(error)")]
            )
        }
        if validation == .strict && !decoding.unknownFields.isEmpty {
            throw APIStatus.strictDecoding(unknownFields: decoding.unknownFields)
        }
    }

    /// Server-side apply turns the configuration into the kind's typed form before merging it: a value a field
    /// cannot take, or a member no field takes, makes kube-apiserver fail with `failed to create typed patch object
    /// (...)`. Kube answers that with a 500 (kubernetes/kubernetes#139253); it is the configuration's fault, so
    /// here it is a 400, as kubernetes/kubernetes#139255 makes it. Custom resources have their `metadata` checked.
    static func checkApplyConfiguration(_ config: JSONValue, target: ResourceRequest) throws(APIStatus) {
        guard let decoding = Self.typedDecoding(config, target: target) else { return }
        let prefix = "failed to create typed patch object (\(ServerSideApply.describe(config))): "
        if let error = decoding.error {
            throw APIStatus.badRequest(prefix + error)
        }
        let undeclared = decoding.unknownFields.map { ".\($0): field not declared in schema" }
        switch undeclared.count {
        case 0: return
        case 1: throw APIStatus.badRequest(prefix + undeclared[0])
        default: throw APIStatus.badRequest(prefix + "errors:\n  " + undeclared.joined(separator: "\n  "))
        }
    }

    /// The `metadata.resourceVersion` of a write body, the version the write is conditional on: `nil` when absent
    /// or empty. One that is not a version fails in kube's storage with a 500 (`resourceVersion: Invalid value:
    /// "abc": strconv.ParseUint: ...`); here it is that message as a 400, where before it was ignored and the
    /// write made unconditional.
    static func resourceVersionPrecondition(of body: JSONValue) throws(APIStatus) -> UInt64? {
        guard let value = body["metadata"]?["resourceVersion"], let text = value.stringValue else { return nil }
        do {
            return try QueryParameterError.parseResourceVersion(text)
        } catch {
            throw error.status
        }
    }

    /// The `resourceVersion` parameter of a GET of one object: only a version (or nothing) is accepted.
    static func checkResourceVersionParameter(_ request: APIRequest) throws(APIStatus) {
        do {
            _ = try QueryParameterError.parseResourceVersion(request.query.value("resourceVersion") ?? "")
        } catch {
            throw error.status
        }
    }

    /// The decoding checks of `body` for `target`; `nil` when there is nothing to check: a body that is not an
    /// object of the request's own apiVersion and kind (refused elsewhere), or the scale subresource.
    private static func typedDecoding(_ body: JSONValue, target: ResourceRequest, unchanged: JSONObject? = nil) -> TypedDecoding? {
        guard case .object(let object) = body, target.subresource?.isScale != true else { return nil }
        let expected = target.groupVersionKind
        for (member, value) in [("apiVersion", expected.apiVersion), ("kind", expected.kind)] {
            switch object[member] {
            case nil, .null?, .string("")?: continue
            case .string(let given)? where given == value: continue
            default: return nil
            }
        }
        if let message = TypedDecoding.message(apiVersion: expected.apiVersion, kind: expected.kind) {
            return TypedDecoding(object: object, message: message, unchanged: unchanged)
        }
        return TypedDecoding(metadataOf: object, kind: expected.kind)
    }
}
