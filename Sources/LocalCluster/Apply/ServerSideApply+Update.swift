public import KubeJSON
public import KubeModel

extension ServerSideApply {
    /// Records an ordinary write (create, update, a non-apply patch) in the managed fields of `new`.
    ///
    /// `manager`'s entry for this operation, API version and subresource gains the fields whose values the
    /// write added or changed; other entries lose the changed fields they owned; fields the write removed leave
    /// every entry; entries left empty are dropped. The entry's time moves to `now` only when it gained fields.
    ///
    /// The starting entries are those of `new` when it carries decodable ones (a client may set them; `[]` or
    /// `[{}]` clears them), else those of `old`. Writes through a subresource always start from `old`'s.
    ///
    /// - Parameters:
    ///   - old: the stored object; `nil` for a create.
    ///   - new: the object about to be stored.
    ///   - manager: the field manager (``managerName(fieldManager:userAgent:)``).
    /// - Returns: `new` with its `metadata.managedFields` set.
    public static func recordUpdate(
        old: JSONValue?,
        new: JSONValue,
        manager: String,
        operation: ManagedFieldsEntry.Operation = .update,
        apiVersion: String,
        subresource: String = "",
        schema: ApplySchema,
        now: KubeTime
    ) -> JSONValue {
        var entries: [ManagedFieldsEntry]
        if subresource.isEmpty && ManagedFields.isReset(new) {
            entries = []
        } else if subresource.isEmpty, let old, Self.carriesStoredEntries(new, of: old) {
            // A patch, or an update that sent back what it read: the stored entries, read as stored.
            entries = (try? ManagedFields.entries(of: old, stored: true)) ?? []
        } else if subresource.isEmpty, let supplied = try? ManagedFields.entries(of: new), !supplied.isEmpty {
            entries = supplied
        } else {
            entries = (try? ManagedFields.entries(of: old ?? .emptyObject, stored: true)) ?? []
        }
        let newObject = ManagedFields.removing(from: new)
        if old == nil && entries.isEmpty {
            // A create: the manager's entry holds every field, written straight from the object.
            guard let fields = CreationFields.fieldsV1(of: newObject, schema: schema) else { return newObject }
            let entry = ManagedFieldsEntry.json(
                manager: manager, operation: operation, apiVersion: apiVersion, time: now, fieldsV1: fields,
                subresource: subresource)
            return ManagedFields.setting(encoded: [entry], on: newObject)
        }
        entries = Self.updatedEntries(
            entries,
            old: old.map { ManagedFields.removing(from: $0) },
            new: newObject,
            manager: manager,
            operation: operation,
            apiVersion: apiVersion,
            subresource: subresource,
            schema: schema,
            now: now
        )
        return ManagedFields.setting(entries, on: newObject)
    }

    /// `true` when `new` carries `old`'s managed fields unchanged: decoding them as supplied would give the same
    /// entries, so they are read as stored (see ``ManagedFieldsEntry/init(storedJSON:)``) and only those the
    /// write touches are decoded. Packed entries compare by their text.
    private static func carriesStoredEntries(_ new: JSONValue, of old: JSONValue) -> Bool {
        guard let supplied = new["metadata"]?["managedFields"], !supplied.isNull,
            let stored = old["metadata"]?["managedFields"]
        else { return false }
        return supplied == stored
    }

    /// The field manager of an ordinary write: the `fieldManager` query parameter, or else kube's default, the
    /// User-Agent up to its first `/` (`kubectl/v1.32.4 (linux/amd64) ...` → `kubectl`), without unprintable
    /// characters and cut to ``maximumManagerLength`` bytes.
    public static func managerName(fieldManager: String?, userAgent: String?) -> String {
        if let fieldManager, !fieldManager.isEmpty { return fieldManager }
        guard let userAgent else { return "" }
        let prefix = userAgent.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        // Printable ASCII (every user agent our clients and kubectl send) needs no per-character properties.
        if prefix.utf8.count <= Self.maximumManagerLength, prefix.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return String(prefix)
        }
        var name = ""
        var length = 0
        for scalar in prefix.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                continue
            }
            let size = String(scalar).utf8.count
            if length + size > Self.maximumManagerLength { break }
            name.unicodeScalars.append(scalar)
            length += size
        }
        return name
    }

    /// `entries` after a write from `old` to `new` by `manager`.
    static func updatedEntries(
        _ entries: [ManagedFieldsEntry],
        old: JSONValue?,
        new: JSONValue,
        manager: String,
        operation: ManagedFieldsEntry.Operation,
        apiVersion: String,
        subresource: String,
        schema: ApplySchema,
        now: KubeTime
    ) -> [ManagedFieldsEntry] {
        let comparison = FieldComparison(old: old, new: new, schema: schema)
        let changed = comparison.changed
        let gained = changed.subtracting(Self.unownedFields)
        let lost = changed.union(comparison.removed)
        // The common write: a manager that already has an entry changes fields. Its entry becomes
        // `entry − removed ∪ changed` in one edit of its stored FieldsV1 (the general path below edits it twice:
        // it takes `lost` away, then adds `gained` back), or stays as stored with its time moved when it owns
        // every changed field already and nothing was removed.
        let writer = ManagedFieldsEntry(manager: manager, operation: operation, apiVersion: apiVersion, subresource: subresource)
        if gained.count == changed.count, let index = entries.firstIndex(where: { $0.isSameOwner(as: writer) }),
            let rewritten = entries[index].rewritten(removing: comparison.removed, adding: changed, time: gained.isEmpty ? nil : now)
        {
            var result = entries
            for other in result.indices where other != index {
                if result[other].mayOwnAny(of: changed) || result[other].mayOwnAny(of: comparison.removed) {
                    result[other] = result[other].removing(lost)
                }
            }
            result[index] = rewritten
            result.removeAll { $0.hasNoFields }
            return ManagedFields.sorted(result)
        }
        var result = entries.map { entry in
            // A stored entry that owns none of the changed or removed fields stays as stored, not even decoded.
            if !entry.mayOwnAny(of: changed) && !entry.mayOwnAny(of: comparison.removed) { return entry }
            return entry.removing(lost)
        }
        if !gained.isEmpty {
            var entry = ManagedFieldsEntry(
                manager: manager,
                operation: operation,
                apiVersion: apiVersion,
                time: now,
                fields: gained,
                subresource: subresource
            )
            if let index = result.firstIndex(where: { $0.isSameOwner(as: entry) }) {
                entry = result.remove(at: index).merged(into: entry)
            }
            result.append(entry)
        }
        result.removeAll { $0.hasNoFields }
        return ManagedFields.sorted(result)
    }
}
