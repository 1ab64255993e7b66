public import KubeJSON

extension FieldSet {
    /// The fields an object sets, as structured-merge-diff records them for an applied configuration: every
    /// scalar, atomic list and atomic object; each item of an associative list or set (with its own fields below
    /// it); `null` values, empty objects and map keys themselves. Non-empty objects held by declared fields
    /// appear only through their fields.
    ///
    /// - Parameter strict: fail on list items without their key fields or with duplicate keys (an applied
    ///   configuration), rather than naming them by position (a stored object).
    public init(of object: JSONValue, schema: ApplySchema, strict: Bool = false) throws(FieldSetDecodingError) {
        do {
            self = try Self.fields(of: object, schema: schema, path: FieldPath([]), strict: strict)
        } catch {
            throw FieldSetDecodingError(message: error.message)
        }
    }

    /// The fields below `value`, relative to it.
    static func fields(
        of value: JSONValue,
        schema: ApplySchema,
        path: FieldPath,
        strict: Bool
    ) throws(ListItemNames.Failure) -> FieldSet {
        var set = FieldSet()
        switch value {
        case .object(let object) where !schema.isAtomicObject:
            for member in object {
                let element = FieldPathElement.field(member.key)
                let childSchema = schema.field(member.key)
                let child = try Self.fields(
                    of: member.value,
                    schema: childSchema,
                    path: path.appending(element),
                    strict: strict
                )
                set.insertChild(element, child)
                let isEmptyObject = member.value.objectValue?.isEmpty == true
                if Self.isLeaf(member.value, schema: childSchema) || isEmptyObject || !schema.declares(member.key) {
                    set.insertMember(element)
                }
            }
        case .array(let items) where schema.listType != .atomic:
            let names = try ListItemNames.elements(of: items, listType: schema.listType, path: path, strict: strict)
            for (item, name) in zip(items, names) {
                let child = try Self.fields(of: item, schema: schema.element, path: path.appending(name), strict: strict)
                set.insertChild(name, child)
                set.insertMember(name)
            }
        default:
            break
        }
        return set
    }

    /// `true` when `value` is one field as a whole: a scalar, `null`, an atomic list or an atomic object.
    static func isLeaf(_ value: JSONValue, schema: ApplySchema) -> Bool {
        switch value {
        case .object: schema.isAtomicObject
        case .array: schema.listType == .atomic
        default: true
        }
    }
}
