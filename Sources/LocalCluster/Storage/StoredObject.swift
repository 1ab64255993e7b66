public import KubeJSON

/// One version of one object as the store holds it: the parsed value and its compact JSON bytes, both with
/// `metadata.resourceVersion` set to ``resourceVersion``.
///
/// The bytes are written once, when the version is stored, and shared (copy-on-write) by every read, list and
/// watch event, so responses are built by concatenating them instead of encoding again. The value is a packed
/// view of those same bytes (see `PackedJSON`), so a stored version costs about its JSON text once.
public struct StoredObject: Sendable, Hashable {
    /// Where the object lives.
    public let key: ObjectKey
    /// The version that wrote this state (for a deletion, the version of the deletion).
    public let resourceVersion: UInt64
    /// The object.
    public let value: JSONValue
    /// ``value`` as compact JSON.
    public let bytes: [UInt8]

    /// Packs `value`, which is already stamped with `resourceVersion`.
    init(key: ObjectKey, resourceVersion: UInt64, packing value: JSONValue) {
        let packed = PackedJSON(value)
        self.key = key
        self.resourceVersion = resourceVersion
        self.value = packed.root
        self.bytes = packed.bytes
    }

    /// Stamps `value` with `resourceVersion` and packs it.
    init(key: ObjectKey, resourceVersion: UInt64, stamping value: JSONValue) throws(StoreError) {
        let stamped = try Self.stamp(value, resourceVersion: resourceVersion, key: key)
        self.init(key: key, resourceVersion: resourceVersion, packing: stamped)
    }

    /// `value` with `metadata.resourceVersion` set to the decimal `resourceVersion`; `metadata` is added when
    /// absent. Member order is kept.
    static func stamp(_ value: JSONValue, resourceVersion: UInt64, key: ObjectKey) throws(StoreError) -> JSONValue {
        guard case .object(var root) = value else {
            throw .invalidObject(key, reason: "expected a JSON object, got \(value.typeName)")
        }
        let version = JSONValue.string(String(resourceVersion))
        guard let index = root.index(forKey: "metadata") else {
            root.appendUnchecked(key: "metadata", value: .object(JSONObject([("resourceVersion", version)])))
            return .object(root)
        }
        var invalid: String? = nil
        root.updateValue(atIndex: index) { metadata in
            switch metadata {
            case .object(var members):
                metadata = .null  // release the reference so the members are changed in place
                members["resourceVersion"] = version
                metadata = .object(members)
            case .null:
                metadata = .object(JSONObject([("resourceVersion", version)]))
            default:
                invalid = "metadata must be an object, got \(metadata.typeName)"
            }
        }
        if let invalid { throw .invalidObject(key, reason: invalid) }
        return .object(root)
    }

    public static func == (lhs: StoredObject, rhs: StoredObject) -> Bool {
        lhs.key == rhs.key && lhs.resourceVersion == rhs.resourceVersion && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.key)
        hasher.combine(self.resourceVersion)
    }
}
