public import KubeJSON

extension FieldSet {
    /// The set in kube's FieldsV1 encoding: one object level per path level, keyed by ``FieldPathElement/fieldsV1Key``
    /// in structured-merge-diff's order; `{}` for a member without descendants, and `".": {}` inside the object of
    /// a member that also has descendants.
    public var fieldsV1: JSONValue {
        .object(self.encoded(includeSelf: false))
    }

    private func encoded(includeSelf: Bool) -> JSONObject {
        var object = JSONObject()
        if includeSelf && !self.isEmpty {
            object.appendUnchecked(key: ".", value: .emptyObject)
        }
        let elements = self.members.union(self.children.keys).sorted()
        for element in elements {
            if let child = self.children[element] {
                object.appendUnchecked(
                    key: element.fieldsV1Key,
                    value: .object(child.encoded(includeSelf: self.members.contains(element)))
                )
            } else {
                object.appendUnchecked(key: element.fieldsV1Key, value: .emptyObject)
            }
        }
        return object
    }

    /// Reads a FieldsV1 document.
    /// - Throws: ``FieldSetDecodingError`` when a level is not an object or a key is not a FieldsV1 key.
    public init(fieldsV1 document: JSONValue) throws(FieldSetDecodingError) {
        guard case .object(let object) = document else {
            throw FieldSetDecodingError(message: "FieldsV1 must be a JSON object, got \(document.typeName)")
        }
        self = try Self.decoded(object).set
    }

    /// The set described by one level, and whether the level holds `"."`.
    private static func decoded(_ object: JSONObject) throws(FieldSetDecodingError) -> (set: FieldSet, isSelf: Bool) {
        var set = FieldSet()
        var isSelf = false
        for member in object {
            if member.key == "." {
                isSelf = true
                continue
            }
            let element = try FieldPathElement(fieldsV1Key: member.key)
            guard case .object(let childObject) = member.value else {
                throw FieldSetDecodingError(message: "FieldsV1 value of \(GoQuote.quote(member.key)) must be an object")
            }
            if childObject.isEmpty {
                set.insertMember(element)
                continue
            }
            let (child, childIsSelf) = try Self.decoded(childObject)
            if childIsSelf { set.insertMember(element) }
            set.insertChild(element, child)
        }
        return (set, isSelf)
    }
}
