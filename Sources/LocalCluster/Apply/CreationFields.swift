import KubeJSON

/// The FieldsV1 document a create records for its manager, written as text in one pass over the new object.
///
/// It is what `FieldComparison(old: nil, new:)`'s changed fields, less ``ServerSideApply/unownedFields``, encode
/// to, without building the field sets (hashing every path element into sets and dictionaries), encoding them
/// as a tree, and serializing that tree again when the object is stored: in a profile of pod creates that took
/// a quarter of the server's CPU. The result is a packed view of the text, which storing copies as it is. The
/// walk mirrors ``FieldComparison`` for an old value that is absent or, for a field Go always has, an empty
/// container.
enum CreationFields {
    /// The FieldsV1 object for a create of `object`; `nil` when it records no field.
    static func fieldsV1(of object: JSONValue, schema: ApplySchema) -> JSONValue? {
        var writer = JSONWriter(capacity: 2048)
        // The root compares against an empty object: it exists before and after, so it is never a member.
        guard Self.write(before: .empty, object, schema: schema, unowned: ServerSideApply.unownedFields, into: &writer)
        else { return nil }
        return PackedJSON(writtenText: writer.bytes).root
    }

    /// The old value of a field in a create.
    private enum Before {
        /// The field did not exist.
        case absent
        /// An always-present field of an existing parent: the empty object or list of the new value's shape.
        case empty
    }

    /// Writes the FieldsV1 value of one field, ``FieldComparison``'s `compare` from `before` to `value`: `{}`
    /// for the field alone, its fields below (with `"."` first when the field itself is set too). Writes
    /// nothing and returns `false` when there is nothing to record. `unowned` is the part of
    /// ``ServerSideApply/unownedFields`` below the field; `isUnowned` drops the field itself.
    private static func write(
        before: Before, _ value: JSONValue, schema: ApplySchema, unowned: FieldSet?, isUnowned: Bool = false,
        into writer: inout JSONWriter
    ) -> Bool {
        let isMember: Bool
        switch value {
        case .object(let object) where !schema.isAtomicObject:
            return Self.writeObject(
                object, parentExisted: before == .empty, isMember: before == .absent && !isUnowned, schema: schema,
                unowned: unowned, into: &writer)
        case .array(let items) where schema.listType != .atomic:
            return Self.writeList(items, isMember: before == .absent && !isUnowned, schema: schema, unowned: unowned, into: &writer)
        case .object(let object):
            // An atomic object: a change unless it equals the empty object it replaces.
            isMember = before == .absent || !object.isEmpty
        case .array(let items):
            isMember = before == .absent || !items.isEmpty
        default:
            isMember = true
        }
        guard isMember && !isUnowned else { return false }
        writer.writeRaw("{}")
        return true
    }

    /// Starts an entry of a container's FieldsV1 object: a comma after another entry, or before the first one
    /// `".":{},` when the container's field is set itself (kube writes `"."` only beside fields below it).
    private static func separate(hasFields: Bool, isMember: Bool, into writer: inout JSONWriter) {
        if hasFields {
            writer.writeRaw(",")
        } else if isMember {
            writer.writeRaw(#"".":{},"#)
        }
    }

    /// Closes it, or takes it back when it holds nothing and the field is not set itself.
    private static func close(start: Int, isMember: Bool, hasFields: Bool, into writer: inout JSONWriter) -> Bool {
        if hasFields || isMember {
            writer.writeRaw("}")
            return true
        }
        writer.rewind(to: start)
        return false
    }

    private static func writeObject(
        _ object: JSONObject, parentExisted: Bool, isMember: Bool, schema: ApplySchema, unowned: FieldSet?,
        into writer: inout JSONWriter
    ) -> Bool {
        let start = writer.bytes.count
        writer.writeRaw("{")
        var hasFields = false
        // Kubernetes writes fields in name order; most objects' members already are, and are not copied.
        var members = object.members
        if !Self.isSorted(members) { members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
        for member in members {
            let childSchema = schema.field(member.key)
            // FieldComparison gives an always-present field an empty old value only where its parent existed,
            // and only when the new value is a container (an empty value of the same shape).
            let before: Before
            switch member.value {
            case .object, .array: before = parentExisted && childSchema.alwaysPresent ? .empty : .absent
            default: before = .absent
            }
            var childUnowned: FieldSet?
            var isUnowned = false
            if let unowned {
                let element = FieldPathElement.field(member.key)
                childUnowned = unowned.children[element]
                isUnowned = unowned.members.contains(element)
            }
            let mark = writer.bytes.count
            Self.separate(hasFields: hasFields, isMember: isMember, into: &writer)
            writer.writeString(member.key, prefix: "f:")
            writer.writeRaw(":")
            if Self.write(before: before, member.value, schema: childSchema, unowned: childUnowned, isUnowned: isUnowned, into: &writer) {
                hasFields = true
            } else {
                writer.rewind(to: mark)
            }
        }
        return Self.close(start: start, isMember: isMember, hasFields: hasFields, into: &writer)
    }

    private static func isSorted(_ members: [JSONObject.Member]) -> Bool {
        var index = 1
        while index < members.count {
            if !members[index - 1].key.utf8.lexicographicallyPrecedes(members[index].key.utf8) { return false }
            index += 1
        }
        return true
    }

    private static func writeList(
        _ items: [JSONValue], isMember: Bool, schema: ApplySchema, unowned: FieldSet?, into writer: inout JSONWriter
    ) -> Bool {
        let start = writer.bytes.count
        writer.writeRaw("{")
        var hasFields = false
        // Item names are unique (a repeated key falls back to the position), so no item hides another.
        let names =
            (try? ListItemNames.elements(of: items, listType: schema.listType, path: FieldPath([]), strict: false))
            ?? items.indices.map { .index($0) }
        let order = names.count < 2 ? Array(names.indices) : names.indices.sorted { names[$0] < names[$1] }
        for index in order {
            let name = names[index]
            let mark = writer.bytes.count
            Self.separate(hasFields: hasFields, isMember: isMember, into: &writer)
            name.writeFieldsV1Key(into: &writer)
            writer.writeRaw(":")
            if Self.write(
                before: .absent, items[index], schema: schema.element, unowned: unowned?.children[name],
                isUnowned: unowned?.members.contains(name) ?? false, into: &writer)
            {
                hasFields = true
            } else {
                writer.rewind(to: mark)
            }
        }
        return Self.close(start: start, isMember: isMember, hasFields: hasFields, into: &writer)
    }
}
