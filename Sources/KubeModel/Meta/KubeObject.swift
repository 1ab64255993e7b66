public import KubeJSON

/// A top-level Kubernetes API object (it has `apiVersion`, `kind` and `metadata`), kept as JSON with typed
/// access to the fields SwiftKruise uses.
public protocol KubeObject: JSONObjectView {
    /// The group, version and kind this type models.
    static var groupVersionKind: GroupVersionKind { get }
}

extension KubeObject {
    /// A new object of this kind, with `apiVersion`, `kind` and the given metadata.
    public init(metadata: ObjectMeta) {
        var object = JSONObject()
        object.appendUnchecked(key: "apiVersion", value: .string(Self.groupVersionKind.apiVersion))
        object.appendUnchecked(key: "kind", value: .string(Self.groupVersionKind.kind))
        object.appendUnchecked(key: "metadata", value: .object(metadata.object))
        self.init(object: object)
    }

    /// Decodes an object of this kind, checking `apiVersion` and `kind` where present (types that model any
    /// kind, such as ``UnstructuredObject``, have an empty kind and accept everything).
    /// - Throws: ``FieldError`` naming `kind` or `apiVersion` when they name another type.
    public static func decode(_ json: JSONValue) throws(FieldError) -> Self {
        let decoded = try Self(json: json)
        if Self.groupVersionKind.kind.isEmpty { return decoded }
        if let kind = decoded.kind, kind != Self.groupVersionKind.kind {
            throw FieldError(field: "kind", message: "Invalid value: \"\(kind)\": expected \(Self.groupVersionKind.kind)")
        }
        if let apiVersion = decoded.apiVersion, apiVersion != Self.groupVersionKind.apiVersion {
            throw FieldError(
                field: "apiVersion",
                message: "Invalid value: \"\(apiVersion)\": expected \(Self.groupVersionKind.apiVersion)"
            )
        }
        return decoded
    }

    /// Parses and decodes an object of this kind from JSON bytes.
    public static func decode(jsonBytes bytes: some Sequence<UInt8>) throws(ModelDecodingError) -> Self {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw .json(error)
        }
        do {
            return try Self.decode(json)
        } catch {
            throw .field(error)
        }
    }

    /// The object as compact JSON bytes.
    public func encoded() -> [UInt8] { self.json.serialized() }

    public var apiVersion: String? {
        get { self.value("apiVersion") }
        set { self.setValue("apiVersion", newValue) }
    }

    public var kind: String? {
        get { self.value("kind") }
        set { self.setValue("kind", newValue) }
    }

    public var metadata: ObjectMeta {
        get { self.view("metadata") }
        set { self.setView("metadata", newValue) }
    }

    /// `metadata.name`, or the empty string.
    public var name: String { self.metadata.name ?? "" }

    /// `metadata.namespace`, or the empty string for cluster-scoped objects.
    public var namespace: String { self.metadata.namespace ?? "" }
}
