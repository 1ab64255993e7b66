public import KubeJSON

/// What server-side apply needs to know about the values below one field: how lists are merged and identified
/// (associative by key fields, sets of primitives, or atomic), which objects are atomic, and which fields are
/// declared struct fields.
///
/// Built for a kind with ``forKind(apiVersion:kind:openAPIV3Schema:)``: from the compiled-in strategic merge
/// schemas for built-in kinds, from the CRD's `openAPIV3Schema` (`x-kubernetes-list-type`,
/// `x-kubernetes-list-map-keys`, `x-kubernetes-map-type`) for custom resources. Fields the schema does not
/// describe are deduced from the value: objects merge field by field, lists are atomic.
public final class ApplySchema: Sendable {
    /// How a list is merged and how its elements are named in field paths.
    public enum ListType: Sendable, Hashable {
        /// Replaced as a whole; the list is one field (`x-kubernetes-list-type: atomic`, the default).
        case atomic
        /// A set of primitives, elements named by value (`v:`; `x-kubernetes-list-type: set`).
        case set
        /// Objects identified by `keys` (`k:`; `x-kubernetes-list-type: map` with `x-kubernetes-list-map-keys`).
        case map(keys: [String])
    }

    /// How the field's value is merged when it is a list.
    public let listType: ListType
    /// `true` when an object value is replaced as a whole (`x-kubernetes-map-type: atomic`, `+structType=atomic`).
    public let isAtomicObject: Bool
    /// `true` for a field a Go object always has (a non-pointer struct, a list without `omitempty`): it exists,
    /// empty, wherever its parent does, so it is never "added" or "removed" itself when its parent exists.
    let alwaysPresent: Bool
    /// Schemas of the declared fields, for an object value.
    let properties: [String: ApplySchema]
    /// The schema of members that are not declared (`additionalProperties`); `nil` uses ``undeclared``.
    private let additionalProperties: ApplySchema?
    /// The schema of each element, for a list value; `nil` deduces it.
    private let items: ApplySchema?
    /// `true` when members not in ``properties`` are still struct fields (built-in kinds, whose compiled-in
    /// schemas list only the fields with a strategy); `false` when they are map keys.
    let unlistedFieldsAreDeclared: Bool

    init(
        listType: ListType = .atomic,
        isAtomicObject: Bool = false,
        alwaysPresent: Bool = false,
        properties: [String: ApplySchema] = [:],
        additionalProperties: ApplySchema? = nil,
        items: ApplySchema? = nil,
        unlistedFieldsAreDeclared: Bool
    ) {
        self.listType = listType
        self.isAtomicObject = isAtomicObject
        self.alwaysPresent = alwaysPresent
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.items = items
        self.unlistedFieldsAreDeclared = unlistedFieldsAreDeclared
    }

    /// Nothing known, below a struct of a built-in kind: objects merge, lists are atomic, members are fields.
    static let typedDeduced = ApplySchema(unlistedFieldsAreDeclared: true)

    /// Nothing known, below a free-form map or an untyped value: objects merge, lists are atomic, members are
    /// map keys.
    static let untypedDeduced = ApplySchema(unlistedFieldsAreDeclared: false)

    /// A schema that knows nothing but `metadata` (a custom resource without a schema).
    public static var untyped: ApplySchema {
        ApplySchema(properties: ["metadata": .objectMeta], unlistedFieldsAreDeclared: false)
    }

    /// The schema of the value of member `name` of an object.
    func field(_ name: String) -> ApplySchema {
        if let declared = self.properties[name] { return declared }
        if let additional = self.additionalProperties { return additional }
        return self.unlistedFieldsAreDeclared ? Self.typedDeduced : Self.untypedDeduced
    }

    /// `true` when member `name` is a declared field rather than a map key.
    func declares(_ name: String) -> Bool {
        self.properties[name] != nil || (self.unlistedFieldsAreDeclared && self.additionalProperties == nil)
    }

    /// The schema of each element of a list value.
    var element: ApplySchema {
        if let items = self.items { return items }
        return self.unlistedFieldsAreDeclared ? Self.typedDeduced : Self.untypedDeduced
    }

    /// The schema of the kind: the compiled-in one for built-in kinds, else the CRD's `openAPIV3Schema`, else
    /// ``untyped``. `metadata` always has ObjectMeta's lists (owner references by `uid`, finalizers as a set).
    public static func forKind(apiVersion: String, kind: String, openAPIV3Schema: JSONValue? = nil) -> ApplySchema {
        if let builtIn = Self.builtIn(apiVersion: apiVersion, kind: kind) { return builtIn }
        if let openAPIV3Schema { return Self.customResource(openAPIV3Schema: openAPIV3Schema) }
        return Self.untyped
    }
}
