import KubeJSON
import KubeModel

extension APIServer {
    /// DELETE of one object. Finalizers (and `propagationPolicy: Foreground` or `Orphan`, which add
    /// `foregroundDeletion` or `orphan`) keep the object, marked with a deletion timestamp, until they are
    /// removed; otherwise it goes at once. Dependents are then collected as the policy says.
    func delete(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) -> APIResponse {
        let options = try Self.deleteOptions(request)
        // A concurrent write (a controller updating status) makes the store refuse our write; without
        // client preconditions kube simply tries again with the new state.
        for _ in 0..<8 {
            if let response = try await self.deleteOnce(target, options: options) { return response }
        }
        throw APIStatus.conflict(target.resource, name: target.name ?? "", reason: APIStatus.objectModifiedMessage)
    }

    /// One attempt at a DELETE; `nil` when the object changed under it.
    private func deleteOnce(_ target: ResourceRequest, options: DeleteRequestOptions) async throws(APIStatus) -> APIResponse? {
        let stored = try self.existing(target)
        // Compared as text, as kube's storage compares them: a precondition that is no version never matches.
        if let precondition = options.preconditionVersion, precondition != String(stored.resourceVersion) {
            throw APIStatus.conflict(
                target.resource,
                name: target.name ?? "",
                reason: "Precondition failed: ResourceVersion in precondition: \(precondition), ResourceVersion in object meta: \(stored.resourceVersion)"
            )
        }
        if let uid = options.preconditionUID, uid != stored.value["metadata"]?["uid"]?.stringValue {
            throw APIStatus.conflict(
                target.resource,
                name: target.name ?? "",
                reason: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(stored.value["metadata"]?["uid"]?.stringValue ?? "")"
            )
        }
        _ = try await self.admit(
            .delete, object: nil, oldObject: self.presented(stored.value, for: target), target: target, dryRun: options.isDryRun
        )
        var metadata = ObjectMeta(object: stored.value["metadata"]?.objectValue ?? JSONObject())
        var finalizers = metadata.finalizers
        let isNamespace = target.resource.isNamespaces
        let isDefinition = target.resource.isCustomResourceDefinitions
        switch options.policy {
        case .foreground? where !finalizers.contains("foregroundDeletion"): finalizers.append("foregroundDeletion")
        case .orphan? where !finalizers.contains("orphan"): finalizers.append("orphan")
        default: break
        }
        let grace = Self.gracePeriod(for: stored.value, target: target, requested: options.gracePeriodSeconds)
        let keepsObject = !finalizers.isEmpty || isNamespace || isDefinition || grace != nil
        if options.isDryRun {
            return .jsonBytes(self.presentedBytes(stored, for: target))
        }
        guard keepsObject else {
            let removed: StoredObject
            do {
                removed = try await self.store.delete(self.key(for: target), expectedResourceVersion: stored.resourceVersion)
            } catch .conflict where options.preconditionVersion == nil {
                return nil
            } catch {
                throw self.status(for: error, target)
            }
            self.scheduleCleanup(after: removed, target: target)
            return .jsonBytes(self.presentedBytes(stored, for: target))
        }
        if let grace {
            // Graceful pod deletion: the kubelet stops the containers, then deletes with grace 0. A second
            // DELETE may shorten the period, never lengthen it.
            let deadline = KubeTime.now().truncatedToSeconds.adding(seconds: grace)
            if !metadata.isBeingDeleted || (metadata.deletionGracePeriodSeconds ?? .max) > grace {
                metadata.deletionTimestamp = deadline
                metadata.deletionGracePeriodSeconds = grace
            }
        } else if !metadata.isBeingDeleted {
            metadata.deletionTimestamp = KubeTime.now()
            metadata.deletionGracePeriodSeconds = 0
        }
        metadata.finalizers = finalizers
        var updated = stored.value
        updated["metadata"] = .object(metadata.object)
        if isNamespace {
            updated["status"] = ["phase": "Terminating"]
        }
        let marked: StoredObject
        do {
            marked = try await self.store.update(self.key(for: target), updated, expectedResourceVersion: stored.resourceVersion)
        } catch .conflict where options.preconditionVersion == nil {
            return nil
        } catch {
            throw self.status(for: error, target)
        }
        self.scheduleCleanup(after: marked, target: target)
        return .jsonBytes(self.presentedBytes(marked, for: target))
    }

    /// The grace period a DELETE gives the object, or `nil` when it goes at once. Only pods are deleted
    /// gracefully, as kube-apiserver's pod strategy does: a pod bound to a node and still running gets the
    /// requested period or its `terminationGracePeriodSeconds` (default 30); an unscheduled or finished pod,
    /// or a period of 0, goes at once.
    static func gracePeriod(for object: JSONValue, target: ResourceRequest, requested: Int64?) -> Int64? {
        guard target.resource.group.isEmpty, target.resource.plural == "pods", target.subresource == nil else { return nil }
        let pod = Pod(object: object.objectValue ?? JSONObject())
        guard pod.isScheduled, !pod.isTerminated else { return nil }
        let grace = max(0, requested ?? pod.spec.terminationGracePeriodSeconds ?? 30)
        if grace == 0 { return nil }
        // An object already being deleted keeps its shorter deadline.
        if pod.metadata.isBeingDeleted, let current = pod.metadata.deletionGracePeriodSeconds, current <= grace { return current == 0 ? nil : current }
        return grace
    }

    /// DELETE of a collection: every object the selectors match, each as a single DELETE would.
    func deleteCollection(_ target: ResourceRequest, request: APIRequest) async throws(APIStatus) -> APIResponse {
        let options = try Self.listOptions(request)
        let filter = try ObjectFilter(options: options, resource: target.resource)
        let items: [StoredObject]
        do {
            items = try self.store.list(
                group: target.resource.group,
                resource: target.resource.plural,
                namespace: target.namespace,
                where: filter.isEverything ? nil : { filter.matches($0.value) }
            ).items
        } catch {
            throw self.status(for: error, target)
        }
        var deleted: [JSONValue] = []
        for item in items {
            var itemTarget = target
            itemTarget.name = item.key.name
            itemTarget.namespace = target.resource.namespaced ? item.key.namespace : nil
            do {
                let response = try await self.delete(itemTarget, request: request)
                if let bytes = response.bodyBytes, let value = try? JSONValue(parsing: bytes) { deleted.append(value) }
            } catch where error.httpStatus == 404 {
                continue  // deleted concurrently
            }
        }
        return .json([
            "kind": .string(target.resource.listKind),
            "apiVersion": .string(target.groupVersion.apiVersion),
            "metadata": ["resourceVersion": .string(String(self.store.resourceVersion))],
            "items": .array(deleted),
        ])
    }

    /// Removes an object whose deletion was waiting on finalizers once the last one is gone.
    func finalizeIfReleased(_ stored: StoredObject, target: ResourceRequest) async throws(APIStatus) -> StoredObject? {
        let metadata = ObjectMeta(object: stored.value["metadata"]?.objectValue ?? JSONObject())
        guard metadata.isBeingDeleted, metadata.finalizers.isEmpty else { return nil }
        if target.resource.isNamespaces {
            guard Namespace(object: stored.value.objectValue ?? JSONObject()).specFinalizers.isEmpty else { return nil }
        }
        do {
            let removed = try await self.store.delete(stored.key, expectedResourceVersion: stored.resourceVersion)
            self.scheduleCleanup(after: removed, target: target)
            return removed
        } catch .notFound {
            return nil
        } catch .conflict {
            return nil  // changed meanwhile; whoever changed it finalizes
        } catch {
            throw self.status(for: error, target)
        }
    }

    /// Delete options from the body (`DeleteOptions`, as kubectl sends them) and the query (as the Python
    /// client sends them).
    static func deleteOptions(_ request: APIRequest) throws(APIStatus) -> DeleteRequestOptions {
        var options: DeleteQueryOptions
        do {
            options = try DeleteQueryOptions(query: request.query)
        } catch {
            throw APIStatus.badRequest(error.description)
        }
        var result = DeleteRequestOptions(query: options)
        if !request.body.isEmpty {
            let body: JSONValue
            do {
                body = try JSONValue(parsing: request.body)
            } catch {
                throw APIStatus.badRequest("DeleteOptions: \(error)")
            }
            // Members of the wrong type used to be ignored, which could drop a precondition or a dry run.
            if let typeError = Self.deleteOptionsTypeError(body) { throw APIStatus.badRequest(typeError) }
            if body["orphanDependents"] == .bool(true) { options.propagationPolicy = "Orphan" }
            if let policy = body["propagationPolicy"]?.stringValue { options.propagationPolicy = policy }
            if let dryRun = body["dryRun"]?.arrayValue?.compactMap(\.stringValue), !dryRun.isEmpty {
                options.dryRun = dryRun
            }
            if let grace = body["gracePeriodSeconds"], !grace.isNull {
                guard let seconds = grace.int64Value else {
                    throw APIStatus.badRequest("DeleteOptions.gracePeriodSeconds: must be an integer")
                }
                options.gracePeriodSeconds = seconds
            }
            result = DeleteRequestOptions(query: options)
            result.preconditionVersion = body["preconditions"]?["resourceVersion"]?.stringValue
            result.preconditionUID = body["preconditions"]?["uid"]?.stringValue
        }
        let errors = options.validate()
        if !errors.isEmpty {
            throw APIStatus.invalid(group: "meta.k8s.io", kind: "DeleteOptions", name: "", errors: errors)
        }
        return result
    }
}

extension APIServer {
    /// Go's error decoding a `DeleteOptions` body whose members have the wrong JSON type; `nil` when they fit.
    static func deleteOptionsTypeError(_ body: JSONValue) -> String? {
        guard case .object(let options) = body else {
            return TypedDecoding.typeErrorText(TypedDecoding.valueName(body), owner: "", fieldPath: [], type: "v1.DeleteOptions")
        }
        func mismatch(_ value: JSONValue?, _ fits: (JSONValue) -> Bool, _ owner: String, _ field: String, _ type: String) -> String? {
            guard let value, !value.isNull, !fits(value) else { return nil }
            return TypedDecoding.typeErrorText(TypedDecoding.valueName(value), owner: owner, fieldPath: [field], type: type)
        }
        let isString: (JSONValue) -> Bool = { $0.stringValue != nil }
        let isBool: (JSONValue) -> Bool = { $0.boolValue != nil }
        let isStrings: (JSONValue) -> Bool = { $0.arrayValue?.allSatisfy { $0.isNull || $0.stringValue != nil } ?? false }
        if let error = mismatch(options["kind"], isString, "DeleteOptions", "kind", "string")
            ?? mismatch(options["apiVersion"], isString, "DeleteOptions", "apiVersion", "string")
            ?? mismatch(options["orphanDependents"], isBool, "DeleteOptions", "orphanDependents", "bool")
            ?? mismatch(options["propagationPolicy"], isString, "DeleteOptions", "propagationPolicy", "v1.DeletionPropagation")
            ?? mismatch(options["dryRun"], isStrings, "DeleteOptions", "dryRun", "[]string")
            ?? mismatch(options["preconditions"], { $0.objectValue != nil }, "DeleteOptions", "preconditions", "v1.Preconditions")
            ?? mismatch(options["preconditions"]?["uid"], isString, "Preconditions", "preconditions.uid", "types.UID")
            ?? mismatch(options["preconditions"]?["resourceVersion"], isString, "Preconditions", "preconditions.resourceVersion", "string")
        {
            return error
        }
        return nil
    }
}

/// Everything a DELETE asks for.
struct DeleteRequestOptions {
    var policy: DeleteQueryOptions.PropagationPolicy?
    var isDryRun: Bool
    /// The `resourceVersion` precondition as sent: compared as text, so one that is no version never matches.
    var preconditionVersion: String?
    var preconditionUID: String?
    /// The requested grace period; `nil` uses the object's own (a pod's terminationGracePeriodSeconds).
    var gracePeriodSeconds: Int64?

    init(query: DeleteQueryOptions) {
        self.policy = query.policy
        self.isDryRun = query.isDryRun
        self.gracePeriodSeconds = query.gracePeriodSeconds
    }
}
