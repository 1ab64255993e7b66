public import KubeJSON
import KubeModel

/// Reading and writing an object's `metadata.managedFields`.
public enum ManagedFields {
    /// The entries of `object`'s `metadata.managedFields`; none when the field is absent or `null`.
    /// - Throws: ``FieldSetDecodingError`` when the field is not a list or an entry does not decode.
    /// - Parameter stored: `object` is a stored version, whose entries this server wrote (see
    ///   ``ManagedFieldsEntry/init(storedJSON:)``).
    public static func entries(of object: JSONValue, stored: Bool = false) throws(FieldSetDecodingError) -> [ManagedFieldsEntry] {
        guard let list = object["metadata"]?["managedFields"], !list.isNull else { return [] }
        guard case .array(let items) = list else {
            throw FieldSetDecodingError(message: "metadata.managedFields must be a list, got \(list.typeName)")
        }
        var entries: [ManagedFieldsEntry] = []
        entries.reserveCapacity(items.count)
        for item in items {
            entries.append(stored ? try ManagedFieldsEntry(storedJSON: item) : try ManagedFieldsEntry(json: item))
        }
        return entries
    }

    /// `true` when `object` asks for its managed fields to be cleared: `managedFields: []` or `[{}]`
    /// (kube's reset on update).
    public static func isReset(_ object: JSONValue) -> Bool {
        guard case .array(let items)? = object["metadata"]?["managedFields"] else { return false }
        if items.isEmpty { return true }
        return items.count == 1 && items[0].objectValue?.isEmpty == true
    }

    /// `object` with `metadata.managedFields` set to `entries` sorted as kube sorts them (``sorted(_:)``), or
    /// removed when there are none.
    public static func setting(_ entries: [ManagedFieldsEntry], on object: JSONValue) -> JSONValue {
        guard !entries.isEmpty else { return Self.removing(from: object) }
        return Self.setting(encoded: Self.sorted(entries).map(\.json), on: object)
    }

    /// `object` with `metadata.managedFields` set to `entries`, already in kube's order and encoded.
    static func setting(encoded entries: [JSONValue], on object: JSONValue) -> JSONValue {
        guard !entries.isEmpty else { return Self.removing(from: object) }
        var result = object
        var metadata = result["metadata"] ?? .emptyObject
        metadata["managedFields"] = .array(entries)
        result["metadata"] = metadata
        return result
    }

    /// `object` without `metadata.managedFields`.
    public static func removing(from object: JSONValue) -> JSONValue {
        guard object["metadata"]?["managedFields"] != nil else { return object }
        var result = object
        result["metadata"]?["managedFields"] = nil
        return result
    }

    /// kube's order: Apply entries before Update entries, then by time (oldest first, unknown times first),
    /// manager, API version and subresource.
    public static func sorted(_ entries: [ManagedFieldsEntry]) -> [ManagedFieldsEntry] {
        entries.sorted { p, q in
            if p.operation != q.operation { return p.operation == .apply }
            let pSeconds = p.time?.seconds ?? 0
            let qSeconds = q.time?.seconds ?? 0
            if pSeconds != qSeconds { return pSeconds < qSeconds }
            if p.manager != q.manager { return p.manager.utf8.lexicographicallyPrecedes(q.manager.utf8) }
            if p.apiVersion != q.apiVersion { return p.apiVersion.utf8.lexicographicallyPrecedes(q.apiVersion.utf8) }
            return p.subresource.utf8.lexicographicallyPrecedes(q.subresource.utf8)
        }
    }
}
