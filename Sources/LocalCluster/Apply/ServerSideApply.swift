public import KubeJSON
public import KubeModel

/// Server-side apply and field ownership (`metadata.managedFields`), as kube-apiserver's field manager does it.
///
/// ``apply(config:to:manager:force:apiVersion:subresource:schema:now:)`` answers `PATCH` with
/// `application/apply-patch+yaml`; ``recordUpdate(old:new:manager:operation:apiVersion:subresource:schema:now:)``
/// keeps ownership current on every other write so that later applies see the right conflicts. Both are pure:
/// they take the stored object and return the object to store.
public enum ServerSideApply {
    /// What an apply produced.
    public struct Result: Sendable {
        /// The object to store, with its new `metadata.managedFields`.
        public var object: JSONValue
        /// The managed fields written into ``object``, in kube's order.
        public var managedFields: [ManagedFieldsEntry]
        /// `true` when there was no live object: the apply creates it (the server answers 201).
        public var created: Bool
        /// `true` when the object changed apart from its managed fields.
        public var objectChanged: Bool
    }

    /// The manager that owns the fields of an object that had no managed fields when it was first applied to.
    public static let beforeFirstApplyManager = "before-first-apply"

    /// The longest field manager name kube accepts.
    public static let maximumManagerLength = 128

    /// Fields nobody owns: identity and server-owned metadata (kube strips them from every entry).
    static let unownedFields = FieldSet([
        FieldPath(fields: "apiVersion"),
        FieldPath(fields: "kind"),
        FieldPath(fields: "metadata"),
        FieldPath(fields: "metadata", "name"),
        FieldPath(fields: "metadata", "namespace"),
        FieldPath(fields: "metadata", "creationTimestamp"),
        FieldPath(fields: "metadata", "selfLink"),
        FieldPath(fields: "metadata", "uid"),
        FieldPath(fields: "metadata", "clusterName"),
        FieldPath(fields: "metadata", "generation"),
        FieldPath(fields: "metadata", "managedFields"),
        FieldPath(fields: "metadata", "resourceVersion"),
    ])

    /// Applies `config` for `manager` to the stored object `live` (`nil` when it does not exist yet).
    ///
    /// The configuration is merged into the live object; the fields `manager` applied before and leaves out now
    /// are removed unless another manager owns them; fields whose value changes and that another manager owns
    /// are conflicts, refused unless `force`, when ownership moves to `manager`. Afterwards `manager`'s Apply
    /// entry holds exactly the configuration's fields. A live object without managed fields first has all its
    /// fields given to ``beforeFirstApplyManager``.
    ///
    /// - Parameters:
    ///   - config: the applied configuration (the decoded YAML or JSON body).
    ///   - apiVersion: the API version of the request; the configuration must carry the same.
    ///   - subresource: the subresource applied through (`status`); empty for the main resource.
    ///   - schema: the kind's schema (``ApplySchema/forKind(apiVersion:kind:openAPIV3Schema:)``).
    ///   - now: the time recorded in the entries that change.
    /// - Throws: ``ServerSideApplyError``: `badRequest` for an unusable configuration (list items without keys or
    ///   with duplicate keys included), `conflicts` (409), `internalError` for stored managed fields that do not
    ///   decode.
    public static func apply(
        config: JSONValue,
        to live: JSONValue?,
        manager: String,
        force: Bool,
        apiVersion: String,
        subresource: String = "",
        schema: ApplySchema,
        now: KubeTime
    ) throws(ServerSideApplyError) -> Result {
        guard case .object = config else {
            throw .badRequest("error decoding YAML: the applied configuration must be an object, got \(config.typeName)")
        }
        let configVersion = config["apiVersion"]?.stringValue ?? ""
        guard configVersion == apiVersion else {
            throw .badRequest(
                "Incorrect version specified in apply patch. Specified patch version: \(configVersion), expected: \(apiVersion)"
            )
        }
        if let managedFields = config["metadata"]?["managedFields"], !managedFields.isNull {
            throw .badRequest("metadata.managedFields must be nil")
        }

        var entries: [ManagedFieldsEntry]
        do {
            entries = try ManagedFields.entries(of: live ?? .emptyObject)
        } catch {
            throw .internalError("failed to decode managed fields: \(error)")
        }
        let liveObject = live.map { ManagedFields.removing(from: $0) }
        if let liveObject, entries.isEmpty {
            entries = Self.updatedEntries(
                [],
                old: nil,
                new: liveObject,
                manager: Self.beforeFirstApplyManager,
                operation: .update,
                apiVersion: apiVersion,
                subresource: "",
                schema: schema,
                now: now
            )
        }

        let configFields: FieldSet
        var result: JSONValue
        do {
            configFields = try FieldSet.fields(of: config, schema: schema, path: FieldPath([]), strict: true)
                .subtracting(Self.unownedFields)
            result = try Self.merge(config, into: liveObject ?? .emptyObject, schema: schema, path: FieldPath([]))
                ?? .emptyObject
        } catch {
            // kube-apiserver answers this with a 500 (kubernetes/kubernetes#139253); the fault is the configuration's,
            // so it is a 400 with the same message, as kubernetes/kubernetes#139255 makes it.
            throw .badRequest("failed to create typed patch object (\(Self.describe(config))): \(error.message)")
        }

        let previousIndex = entries.firstIndex {
            $0.manager == manager && $0.operation == .apply && $0.subresource == subresource
        }
        var applier = ManagedFieldsEntry(
            manager: manager,
            operation: .apply,
            apiVersion: apiVersion,
            time: previousIndex.flatMap { entries[$0].time },
            fields: configFields,
            subresource: subresource
        )
        if let previousIndex {
            let lastFields = entries.remove(at: previousIndex).fields
            var kept = applier.fields
            for entry in entries { kept = kept.union(entry.fields) }
            Self.prune(&result, schema: schema, last: lastFields, kept: kept)
        }

        let comparison = FieldComparison(old: liveObject, new: result, schema: schema)
        let changed = comparison.changed
        var conflicts: [FieldManagerConflict] = []
        var contested: [FieldSet] = []
        for entry in entries {
            let owned = entry.fields.intersection(changed)
            contested.append(owned)
            for path in owned.paths {
                conflicts.append(
                    FieldManagerConflict(
                        manager: entry.manager,
                        isUpdate: entry.operation == .update,
                        apiVersion: entry.apiVersion,
                        subresource: entry.subresource,
                        field: path.description
                    )
                )
            }
        }
        if !force && !conflicts.isEmpty {
            throw .conflicts(conflicts.sorted { $0.manager.utf8.lexicographicallyPrecedes($1.manager.utf8) })
        }
        for index in entries.indices {
            entries[index].fields = entries[index].fields.subtracting(contested[index]).subtracting(comparison.removed)
        }
        entries.removeAll { $0.fields.isEmpty }

        let objectChanged = liveObject.map { $0 != result } ?? true
        if objectChanged { applier.time = now }
        if !applier.fields.isEmpty { entries.append(applier) }
        let sortedEntries = ManagedFields.sorted(entries)
        return Result(
            object: ManagedFields.setting(sortedEntries, on: result),
            managedFields: sortedEntries,
            created: live == nil,
            objectChanged: objectChanged
        )
    }

    /// `namespace/name; group/version, Kind=Kind`, as kube names the object in typed-conversion errors.
    /// How kube's field manager names the object of a configuration: `default/web; apps/v1, Kind=Deployment`.
    static func describe(_ config: JSONValue) -> String {
        let namespace = config["metadata"]?["namespace"]?.stringValue ?? ""
        let name = config["metadata"]?["name"]?.stringValue ?? ""
        let apiVersion = config["apiVersion"]?.stringValue ?? ""
        let groupVersion = apiVersion.contains("/") ? apiVersion : "/" + apiVersion
        let kind = config["kind"]?.stringValue ?? ""
        return "\(namespace)/\(name); \(groupVersion), Kind=\(kind)"
    }
}
