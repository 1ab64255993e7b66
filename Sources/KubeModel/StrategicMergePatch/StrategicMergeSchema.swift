/// How a strategic merge patch treats the fields of one kind: the `patchStrategy` and `patchMergeKey` struct tags
/// of its Go API types, as a tree of field name → node.
///
/// A node describes the value held by one field, as seen from the field that holds it:
/// - ``strategy`` says how the field is patched: lists are replaced unless the strategy is ``Strategy/merge``,
///   objects are merged unless it is ``Strategy/replace``;
/// - ``mergeKey`` names the member that identifies an element when a list of objects is merged;
/// - ``retainKeys`` marks union types (`patchStrategy:"retainKeys"`), whose patches carry a `$retainKeys` list;
/// - ``fields`` are the known fields of the object (for a list: of each element).
///
/// Fields the tree does not mention have no strategy: objects merge key by key, lists are replaced. Only fields
/// with a strategy, and the fields on the way to them, need to be listed.
public struct StrategicMergeSchema: Sendable, Hashable {
    /// The `patchStrategy` of a field, without `retainKeys` (see ``StrategicMergeSchema/retainKeys``).
    public enum Strategy: Sendable, Hashable {
        /// No tag: objects are merged, lists are replaced.
        case none
        /// `patchStrategy:"merge"`: lists are merged (by ``StrategicMergeSchema/mergeKey`` for lists of objects,
        /// as a set for lists of primitives).
        case merge
        /// `patchStrategy:"replace"`: the patch value replaces the field, whatever its type.
        case replace
    }

    /// How the field is patched.
    public var strategy: Strategy
    /// The member that identifies list elements (`patchMergeKey`); `nil` for lists of primitives and non-lists.
    public var mergeKey: String?
    /// `true` when the tag includes `retainKeys`.
    public var retainKeys: Bool
    /// The known fields of the object, or of each element for a list.
    public var fields: [String: StrategicMergeSchema]

    /// A node with the given strategy and fields.
    public init(
        strategy: Strategy = .none,
        mergeKey: String? = nil,
        retainKeys: Bool = false,
        fields: [String: StrategicMergeSchema] = [:]
    ) {
        self.strategy = strategy
        self.mergeKey = mergeKey
        self.retainKeys = retainKeys
        self.fields = fields
    }

    /// A field with no strategy whose value has nothing to merge specially: objects merge key by key, lists are
    /// replaced. This is also the node of every field a schema does not mention.
    public static var unspecified: StrategicMergeSchema { StrategicMergeSchema() }

    /// An object (or a list of objects replaced as a whole) with the given known fields.
    public static func object(_ fields: [String: StrategicMergeSchema]) -> StrategicMergeSchema {
        StrategicMergeSchema(fields: fields)
    }

    /// A union type (`patchStrategy:"retainKeys"`), e.g. a Deployment's `spec.strategy`.
    public static func retainKeysObject(_ fields: [String: StrategicMergeSchema] = [:]) -> StrategicMergeSchema {
        StrategicMergeSchema(retainKeys: true, fields: fields)
    }

    /// A list of objects merged element by element, matching elements by `mergeKey`
    /// (`patchStrategy:"merge"`, or `"merge,retainKeys"` when `retainKeys` is `true`).
    public static func mergeList(
        key mergeKey: String,
        retainKeys: Bool = false,
        element fields: [String: StrategicMergeSchema] = [:]
    ) -> StrategicMergeSchema {
        StrategicMergeSchema(strategy: .merge, mergeKey: mergeKey, retainKeys: retainKeys, fields: fields)
    }

    /// A list of primitives merged as a set (`patchStrategy:"merge"` without a merge key), e.g.
    /// `metadata.finalizers`.
    public static var primitiveMergeList: StrategicMergeSchema { StrategicMergeSchema(strategy: .merge) }

    /// A field replaced as a whole (`patchStrategy:"replace"`).
    public static var replace: StrategicMergeSchema { StrategicMergeSchema(strategy: .replace) }

    /// The node of field `name`; ``unspecified`` when the schema does not mention it.
    public subscript(field name: String) -> StrategicMergeSchema {
        self.fields[name] ?? StrategicMergeSchema()
    }

    /// The same node with `fields` added to (or replacing) its known fields.
    public func adding(_ fields: [String: StrategicMergeSchema]) -> StrategicMergeSchema {
        var copy = self
        copy.fields.merge(fields) { _, new in new }
        return copy
    }
}
