import KubeJSON
import KubeModel

extension APIServer {
    /// Dispatches a resource request by verb.
    func handleResource(_ request: APIRequest, _ target: ResourceRequest) async throws(APIStatus) -> APIResponse {
        let watch = request.query.bool("watch")
        guard let verb = target.verb(forMethod: request.method, watch: watch) else {
            if ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(request.method.uppercased()) {
                throw APIStatus.methodNotSupported(
                    group: target.resource.group,
                    resource: target.resource.plural,
                    verb: request.method.lowercased()
                )
            }
            throw APIStatus.methodNotAllowed()
        }
        if request.body.count > Self.maximumBodyBytes {
            throw APIStatus.requestEntityTooLarge(limit: Self.maximumBodyBytes)
        }
        switch verb {
        case .get: return try self.get(target, request: request)
        case .list: return try self.list(target, request: request)
        case .watch: return try self.watch(target, request: request)
        case .create: return try await self.create(target, request: request)
        case .update: return try await self.update(target, request: request)
        case .patch: return try await self.patch(target, request: request)
        case .delete: return try await self.delete(target, request: request)
        case .deletecollection: return try await self.deleteCollection(target, request: request)
        }
    }

    /// kube-apiserver's limit on request bodies.
    static var maximumBodyBytes: Int { 3 * 1024 * 1024 }

    // MARK: - Reads

    private func get(_ target: ResourceRequest, request: APIRequest) throws(APIStatus) -> APIResponse {
        try Self.checkResourceVersionParameter(request)
        let stored = try self.existing(target)
        if let subresource = target.subresource, subresource.isScale {
            return .json(try ScaleSubresource.scale(of: stored.value, request: target))
        }
        if target.subresource == nil, let table = self.tableResponse(stored, target: target, request: request) {
            return table
        }
        return .jsonBytes(self.presentedBytes(stored, for: target))
    }

    private static let comma: [UInt8] = [UInt8(ascii: ",")]
    private static let listEnd: [UInt8] = Array("]}".utf8)

    private func list(_ target: ResourceRequest, request: APIRequest) throws(APIStatus) -> APIResponse {
        let options = try Self.listOptions(request)
        let predicate = try ObjectFilter(options: options, resource: target.resource)
        let result: ListResult
        do {
            result = try self.store.list(
                group: target.resource.group,
                resource: target.resource.plural,
                namespace: target.namespace,
                limit: options.limit > 0 ? Int(options.limit) : nil,
                continueToken: options.continueToken.isEmpty ? nil : options.continueToken,
                resourceVersion: options.match == .exact ? UInt64(options.resourceVersion) : nil,
                where: predicate.isEverything ? nil : { predicate.matches($0.value) }
            )
        } catch {
            throw self.status(for: error, target)
        }
        if let tableResponse = self.tableResponse(result, target: target, request: request) { return tableResponse }
        var metadata: JSONObject = ["resourceVersion": .string(String(result.resourceVersion))]
        if let token = result.continueToken { metadata["continue"] = .string(token) }
        if let remaining = result.remainingItemCount, result.continueToken != nil {
            metadata["remainingItemCount"] = .int(Int64(remaining))
        }
        let envelope: JSONValue = [
            "kind": .string(target.resource.listKind),
            "apiVersion": .string(target.groupVersion.apiVersion),
            "metadata": .object(metadata),
        ]
        // The envelope without its closing brace, then the stored items' bytes as they are: no re-encoding,
        // and no copy until the HTTP layer writes them out in chunks.
        var head = envelope.serialized()
        head.removeLast()
        head.append(contentsOf: #","items":["#.utf8)
        var parts: [[UInt8]] = [head]
        parts.reserveCapacity(result.items.count * 2 + 2)
        for (index, item) in result.items.enumerated() {
            if index > 0 { parts.append(Self.comma) }
            parts.append(self.presentedBytes(item, for: target))
        }
        parts.append(Self.listEnd)
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .parts(parts))
    }

    // MARK: - Writes

    private func create(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) -> APIResponse {
        if let subresource = target.subresource {
            try await self.admitSubresourceCreate(target, request: request)
            return try await self.createSubresource(subresource, target, request: request)
        }
        let options = WriteQueryOptions(query: request.query)
        try Self.rejectInvalid(options.validate(), target)
        let body = try RequestBody.decode(request)
        try Self.checkDecoding(body, target: target, validation: options.validation, request: request)
        let prepared = try self.validateAgainstSchema(
            ObjectLifecycle.prepareForCreate(body, request: target, now: KubeTime.now()),
            target: target,
            validation: options.validation
        )
        let admitted = try await self.admit(
            .create, object: prepared, oldObject: nil, target: target, dryRun: options.isDryRun, validation: options.validation
        )
        let object = ServerSideApply.recordUpdate(
            old: nil,
            new: admitted ?? prepared,
            manager: Self.manager(options, request),
            apiVersion: target.groupVersion.apiVersion,
            schema: self.applySchema(for: target),
            now: KubeTime.now()
        )
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        var storedTarget = target
        storedTarget.name = name
        if target.resource.namespaced { storedTarget.namespace = object["metadata"]?["namespace"]?.stringValue }
        try self.requireActiveNamespace(storedTarget)
        try self.validateCustomResourceDefinition(object, target: target)
        let key = self.key(for: storedTarget)
        if options.isDryRun {
            if self.store.get(key) != nil { throw APIStatus.alreadyExists(target.resource, name: name) }
            return .json(object, status: 201)
        }
        let stored: StoredObject
        do {
            stored = try await self.store.create(key, self.toStorageVersion(object, target))
        } catch {
            throw self.status(for: error, storedTarget)
        }
        await self.afterWrite(stored, target: storedTarget)
        return .jsonBytes(self.presentedBytes(stored, for: target), status: 201)
    }

    private func update(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) -> APIResponse {
        let options = WriteQueryOptions(query: request.query)
        try Self.rejectInvalid(options.validate(), target)
        let body = try RequestBody.decode(request)
        try Self.checkDecoding(body, target: target, validation: options.validation, request: request)
        if let subresource = target.subresource, subresource.isScale {
            return try await self.updateScale(
                target,
                scale: body,
                dryRun: options.isDryRun,
                manager: Self.manager(options, request)
            )
        }
        let bodyVersion = try Self.resourceVersionPrecondition(of: body)
        if bodyVersion == nil && target.resource.isCustomResource && target.subresource == nil {
            throw APIStatus.invalid(
                target.resource,
                name: target.name ?? "",
                errors: [
                    FieldError(
                        field: "metadata.resourceVersion",
                        message: "Invalid value: 0x0: must be specified for an update"
                    )
                ]
            )
        }
        return try await self.writeObject(
            target,
            dryRun: options.isDryRun,
            expectedVersion: bodyVersion,
            validation: options.validation,
            ownership: .update(manager: Self.manager(options, request))
        ) { _ in body }
    }

    private func patch(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) -> APIResponse {
        let options = WriteQueryOptions(query: request.query)
        try Self.rejectInvalid(options.validate(), target)
        let patch = try RequestBody.decodePatch(request, target: target)
        if let subresource = target.subresource, subresource.isScale {
            let current = try ScaleSubresource.scale(of: try self.existing(target).value, request: target)
            var patched = try patch.apply(to: current, schema: nil)
            // The Scale read above carries the object's version; only the client's own version is a precondition.
            if try patch.resourceVersion() == nil { patched["metadata"]?["resourceVersion"] = nil }
            return try await self.updateScale(
                target,
                scale: patched,
                dryRun: options.isDryRun,
                manager: Self.manager(options, request)
            )
        }
        if case .apply = patch.kind {
            try Self.checkApplyConfiguration(patch.document, target: target)
            return try await self.apply(target, configuration: patch.document, options: options)
        }
        let patchVersion = try patch.resourceVersion()
        let schema = StrategicMergeSchema.builtIn(
            apiVersion: target.groupVersion.apiVersion,
            kind: target.resource.kind
        )
        return try await self.writeObject(
            target,
            dryRun: options.isDryRun,
            expectedVersion: patchVersion,
            validation: options.validation,
            ownership: .update(manager: Self.manager(options, request))
        ) {
            (current) throws(APIStatus) in
            var base = current
            // A patch is applied to what the client sees: the object at the requested version.
            base["apiVersion"] = .string(target.groupVersion.apiVersion)
            let patched = try patch.apply(to: base, schema: schema)
            try Self.checkPatchedDecoding(patched, base: base, target: target, validation: options.validation)
            return patched
        }
    }

    /// Read-modify-write of one object: computes the new body from the stored one, runs the update strategy,
    /// checks the resourceVersion precondition, stores (unless dry run) and answers with the stored object.
    func writeObject(
        _ target: ResourceRequest,
        dryRun: Bool,
        expectedVersion: UInt64?,
        validation: WriteQueryOptions.FieldValidation? = nil,
        ownership: FieldOwnership,
        _ body: (JSONValue) throws(APIStatus) -> JSONValue
    ) async throws(APIStatus) -> APIResponse {
        for _ in 0..<8 {
            let current = try self.existing(target)
            if let expectedVersion, expectedVersion != current.resourceVersion {
                throw APIStatus.conflict(
                    target.resource,
                    name: target.name ?? "",
                    reason: APIStatus.objectModifiedMessage
                )
            }
            let presented = self.presented(current.value, for: target)
            // Pruning and defaulting come first, so that neither counts as a spec change for `generation`.
            var updated = try ObjectLifecycle.prepareForUpdate(
                self.validateAgainstSchema(try body(presented), target: target, validation: validation),
                existing: presented,
                request: target
            )
            updated = try await self.admit(
                .update, object: updated, oldObject: presented, target: target, dryRun: dryRun, validation: validation
            ) ?? updated
            if case .update(let manager) = ownership {
                updated = ServerSideApply.recordUpdate(
                    old: presented,
                    new: updated,
                    manager: manager,
                    apiVersion: target.groupVersion.apiVersion,
                    subresource: target.subresource?.name ?? "",
                    schema: self.applySchema(for: target),
                    now: KubeTime.now()
                )
            }
            try self.validateCustomResourceDefinition(updated, target: target)
            if dryRun { return .json(updated) }
            let stored: StoredObject
            do {
                stored = try await self.store.update(
                    self.key(for: target),
                    self.toStorageVersion(updated, target),
                    expectedResourceVersion: current.resourceVersion
                )
            } catch .conflict where expectedVersion == nil {
                continue  // someone else wrote in between; recompute from the new state, as kube's GuaranteedUpdate does
            } catch {
                throw self.status(for: error, target)
            }
            await self.afterWrite(stored, target: target)
            if let finalized = try await self.finalizeIfReleased(stored, target: target) {
                return .jsonBytes(self.presentedBytes(finalized, for: target))
            }
            return .jsonBytes(self.presentedBytes(stored, for: target))
        }
        throw APIStatus.conflict(
            target.resource,
            name: target.name ?? "",
            reason: APIStatus.objectModifiedMessage
        )
    }

    /// Server-side apply (`application/apply-patch+yaml`): creates the object when it does not exist (201),
    /// else merges the configuration into it with field ownership and conflicts.
    private func apply(
        _ target: ResourceRequest,
        configuration: JSONValue,
        options: WriteQueryOptions
    ) async throws(APIStatus) -> APIResponse {
        guard !options.fieldManager.isEmpty else {
            throw APIStatus.invalid(
                group: "meta.k8s.io",
                kind: "PatchOptions",
                name: "",
                errors: [FieldError(field: "fieldManager", message: "Required value: is required for apply patch")]
            )
        }
        var config = configuration
        if target.subresource == nil && target.resource.hasStatusSubresource(version: target.version) {
            config["status"] = nil  // the main resource ignores status, so the applier must not own it
        }
        let schema = self.applySchema(for: target)
        let apiVersion = target.groupVersion.apiVersion
        let force = options.force ?? false
        let now = KubeTime.now()
        if target.subresource == nil, self.store.get(self.key(for: target)) == nil {
            let result: ServerSideApply.Result
            do {
                result = try ServerSideApply.apply(
                    config: config, to: nil, manager: options.fieldManager, force: force, apiVersion: apiVersion,
                    schema: schema, now: now
                )
            } catch {
                throw error.status
            }
            var body = result.object
            if let configName = body["metadata"]?["name"]?.stringValue, !configName.isEmpty, configName != target.name {
                throw APIStatus.badRequest(
                    "the name of the object (\(configName)) does not match the name on the URL (\(target.name ?? ""))"
                )
            }
            body["metadata"]?["name"] = .string(target.name ?? "")
            var prepared = try self.validateAgainstSchema(
                ObjectLifecycle.prepareForCreate(body, request: target, now: now),
                target: target,
                validation: options.validation
            )
            prepared = try await self.admit(
                .create, object: prepared, oldObject: nil, target: target, dryRun: options.isDryRun, validation: options.validation
            ) ?? prepared
            try self.requireActiveNamespace(target)
            try self.validateCustomResourceDefinition(prepared, target: target)
            if options.isDryRun { return .json(prepared, status: 201) }
            do {
                let stored = try await self.store.create(self.key(for: target), self.toStorageVersion(prepared, target))
                await self.afterWrite(stored, target: target)
                return .jsonBytes(self.presentedBytes(stored, for: target), status: 201)
            } catch .alreadyExists {
                // Created concurrently: apply to it as an update instead.
            } catch {
                throw self.status(for: error, target)
            }
        }
        return try await self.writeObject(
            target,
            dryRun: options.isDryRun,
            expectedVersion: try Self.resourceVersionPrecondition(of: config),
            validation: options.validation,
            ownership: .apply
        ) { (current) throws(APIStatus) in
            let result = Result { () throws(ServerSideApplyError) in
                try ServerSideApply.apply(
                    config: config, to: current, manager: options.fieldManager, force: force, apiVersion: apiVersion,
                    subresource: target.subresource?.name ?? "", schema: schema, now: now
                )
            }
            switch result {
            case .success(let applied): return applied.object
            case .failure(let error): throw error.status
            }
        }
    }

    // MARK: - Helpers

    /// The stored object a request names.
    func existing(_ target: ResourceRequest) throws(APIStatus) -> StoredObject {
        guard let stored = self.store.get(self.key(for: target)) else {
            throw APIStatus.notFound(target.resource, name: target.name ?? "")
        }
        return stored
    }

    /// The store key of the object a request names.
    func key(for target: ResourceRequest) -> ObjectKey {
        ObjectKey(
            group: target.resource.group,
            resource: target.resource.plural,
            namespace: target.resource.namespaced ? (target.namespace ?? "") : "",
            name: target.name ?? ""
        )
    }

    /// Objects are stored at their resource's storage version; a request at another version of a CRD (whose
    /// conversion is `None`) sees the same object with its `apiVersion` rewritten.
    func presented(_ value: JSONValue, for target: ResourceRequest) -> JSONValue {
        let apiVersion = target.groupVersion.apiVersion
        guard value["apiVersion"]?.stringValue != apiVersion else { return value }
        var copy = value
        copy["apiVersion"] = .string(apiVersion)
        return copy
    }

    func presentedBytes(_ stored: StoredObject, for target: ResourceRequest) -> [UInt8] {
        if stored.value["apiVersion"]?.stringValue == target.groupVersion.apiVersion { return stored.bytes }
        return self.presented(stored.value, for: target).serialized()
    }

    func toStorageVersion(_ value: JSONValue, _ target: ResourceRequest) -> JSONValue {
        let storage = GroupVersion(group: target.resource.group, version: target.resource.storageVersion).apiVersion
        guard value["apiVersion"]?.stringValue != storage else { return value }
        var copy = value
        copy["apiVersion"] = .string(storage)
        return copy
    }

    /// A store failure as the Status kube-apiserver answers.
    func status(for error: StoreError, _ target: ResourceRequest) -> APIStatus {
        let name = target.name ?? ""
        switch error {
        case .notFound(let key): return .notFound(target.resource, name: key.name)
        case .alreadyExists(let key): return .alreadyExists(target.resource, name: key.name)
        case .conflict:
            return .conflict(
                target.resource,
                name: name,
                reason: APIStatus.objectModifiedMessage
            )
        case .invalidObject(_, let reason): return .badRequest(reason)
        case .invalidContinueToken: return .badRequest("continue key is not valid: invalid continue token")
        case .expired: return .continueExpired()
        case .tooOldResourceVersion(let requested, let oldest):
            return .tooOldResourceVersion(requested: Int64(requested), oldest: Int64(oldest))
        case .tooLargeResourceVersion(let requested, let current):
            return .timeout(
                "Too large resource version: \(requested), current: \(current)",
                retryAfterSeconds: 1
            )
        case .watcherTooSlow, .io, .corrupt, .directoryLocked, .closed:
            return .internalError(error.description)
        }
    }

    static func listOptions(_ request: APIRequest) throws(APIStatus) -> ListQueryOptions {
        let options: ListQueryOptions
        do {
            options = try ListQueryOptions(query: request.query)
        } catch {
            throw APIStatus.badRequest(error.description)
        }
        if let invalid = options.validationStatus() { throw invalid }
        return options
    }

    static func rejectInvalid(_ errors: [FieldError], _ target: ResourceRequest) throws(APIStatus) {
        if !errors.isEmpty { throw APIStatus.invalid(target.resource, name: target.name ?? "", errors: errors) }
    }

    /// Prunes, defaults and validates a custom resource against its version's `openAPIV3Schema`, as
    /// kube-apiserver does before storing it. `fieldValidation=Strict` turns pruned fields into a 400.
    func validateAgainstSchema(
        _ object: JSONValue,
        target: ResourceRequest,
        validation: WriteQueryOptions.FieldValidation?
    ) throws(APIStatus) -> JSONValue {
        guard target.resource.isCustomResource, let schema = target.resource.version(named: target.version)?.schema else {
            return object
        }
        let outcome = StructuralSchemaProcessor(schema: schema).process(object)
        if validation == .strict && !outcome.unknownFields.isEmpty {
            throw APIStatus.strictDecoding(unknownFields: outcome.unknownFields)
        }
        if !outcome.errors.isEmpty {
            throw APIStatus.invalid(
                target.resource,
                name: object["metadata"]?["name"]?.stringValue ?? target.name ?? "",
                errors: outcome.errors
            )
        }
        return outcome.object
    }

    /// The field-ownership schema of a resource: list keys from the built-in types or the CRD's schema.
    func applySchema(for target: ResourceRequest) -> ApplySchema {
        ApplySchema.forKind(
            apiVersion: target.groupVersion.apiVersion,
            kind: target.resource.kind,
            openAPIV3Schema: target.resource.version(named: target.version)?.schema
        )
    }

    /// The field manager of an ordinary write.
    static func manager(_ options: WriteQueryOptions, _ request: APIRequest) -> String {
        ServerSideApply.managerName(fieldManager: options.fieldManager, userAgent: request.header("User-Agent"))
    }

    /// Objects in a namespace need the namespace to exist and not be terminating.
    func requireActiveNamespace(_ target: ResourceRequest) throws(APIStatus) {
        guard target.resource.namespaced, let namespace = target.namespace else { return }
        let key = ObjectKey(group: "", resource: "namespaces", namespace: "", name: namespace)
        guard let stored = self.store.get(key) else {
            throw APIStatus.notFound(group: "", resource: "namespaces", name: namespace)
        }
        if Namespace(object: stored.value.objectValue ?? JSONObject()).metadata.isBeingDeleted {
            throw APIStatus.namespaceTerminating(
                group: target.resource.group,
                resource: target.resource.plural,
                name: target.name ?? "",
                namespace: namespace
            )
        }
    }
}
