import KubeJSON

/// A stored FieldsV1 document changed without decoding it into a ``FieldSet``: `document − removing ∪ adding`,
/// encoded exactly as `FieldSet(fieldsV1: document).subtracting(removing).union(adding).fieldsV1` is.
///
/// Every write moves the fields it changed between managers' entries, and a pod's entries hold ~150 fields
/// while a write changes a few: decoding an entry into sets and encoding it again was a third of the server's
/// CPU on a status or label patch. Here only the levels `removing` and `adding` reach are read; every other
/// member stays the stored value it is (a view of the stored object's packed text). The stored document must
/// be in the form this server writes (keys as ``FieldPathElement/fieldsV1Key`` gives them, in
/// structured-merge-diff's order), which stored entries are: keys are matched by their text.
enum FieldsV1Edit {
    /// The edited document; `nil` when it equals `document`.
    /// - Throws: ``FieldSetDecodingError`` when a level the edit reads is not FieldsV1.
    static func edit(_ document: JSONObject, removing: FieldSet, adding: FieldSet) throws(FieldSetDecodingError) -> JSONObject? {
        try Self.editLevel(document, removing: removing, adding: adding)
    }

    /// What an edit does to one element of a level.
    private struct ElementEdit {
        var element: FieldPathElement
        var removesMember = false
        var removing: FieldSet?
        var addsMember = false
        var adding: FieldSet?
    }

    /// The members of one level after the edit (no `"."`: the level above decides it); `nil` when unchanged.
    private static func editLevel(_ level: JSONObject, removing: FieldSet, adding: FieldSet) throws(FieldSetDecodingError) -> JSONObject? {
        // The elements this level's edit reaches, by their FieldsV1 key.
        var edits: [String: ElementEdit] = [:]
        func entry(_ element: FieldPathElement, _ change: (inout ElementEdit) -> Void) {
            let key = element.fieldsV1Key
            change(&edits[key, default: ElementEdit(element: element)])
        }
        for element in removing.members { entry(element) { $0.removesMember = true } }
        for (element, child) in removing.children { entry(element) { $0.removing = child } }
        for element in adding.members { entry(element) { $0.addsMember = true } }
        for (element, child) in adding.children { entry(element) { $0.adding = child } }
        if edits.isEmpty { return nil }

        var members: [JSONObject.Member] = []
        members.reserveCapacity(level.count + edits.count)
        var changed = false
        for member in level {
            if member.key == "." {
                members.append(member)
                continue
            }
            guard let edit = edits.removeValue(forKey: member.key) else {
                members.append(member)
                continue
            }
            guard case .object(let value) = member.value else {
                throw FieldSetDecodingError(message: "FieldsV1 value of \(GoQuote.quote(member.key)) must be an object")
            }
            // The element as stored: a member (`{}`, or `"."` beside fields below it) and the fields below it.
            let wasMember = value.isEmpty || value["."] != nil
            var below = value
            below["."] = nil
            let isMember = (wasMember && !edit.removesMember) || edit.addsMember
            var newBelow = below
            if edit.removing != nil || edit.adding != nil, !below.isEmpty || !(edit.adding?.isEmpty ?? true) {
                if let edited = try Self.editLevel(below, removing: edit.removing ?? FieldSet(), adding: edit.adding ?? FieldSet()) {
                    newBelow = edited
                }
            }
            let belowChanged = !newBelow.isKnownIdentical(to: below)
            if isMember == wasMember && !belowChanged {
                members.append(member)
                continue
            }
            changed = true
            if let written = Self.value(isMember: isMember, below: newBelow) {
                members.append(JSONObject.Member(key: member.key, value: written))
            }
        }
        // Elements the document did not have: those added, in their place in structured-merge-diff's order.
        var added: [(FieldPathElement, JSONObject.Member)] = []
        for (key, edit) in edits {
            let below = edit.adding?.fieldsV1.objectValue ?? JSONObject()
            guard let written = Self.value(isMember: edit.addsMember, below: below) else { continue }
            added.append((edit.element, JSONObject.Member(key: key, value: written)))
        }
        if added.isEmpty { return changed ? JSONObject(uniqueMembers: members) : nil }
        added.sort { $0.0 < $1.0 }
        return JSONObject(uniqueMembers: try Self.merging(members, added))
    }

    /// An element's FieldsV1 value: `{}` for a member alone, its fields below (after `"."` when it is a member
    /// too); `nil` for neither.
    private static func value(isMember: Bool, below: JSONObject) -> JSONValue? {
        if below.isEmpty { return isMember ? .emptyObject : nil }
        guard isMember else { return .object(below) }
        var object = JSONObject(minimumCapacity: below.count + 1)
        object.appendUnchecked(key: ".", value: .emptyObject)
        for member in below { object.appendUnchecked(key: member.key, value: member.value) }
        return .object(object)
    }

    /// The sorted `existing` members with the sorted `added` ones put in order.
    private static func merging(
        _ existing: [JSONObject.Member], _ added: [(FieldPathElement, JSONObject.Member)]
    ) throws(FieldSetDecodingError) -> [JSONObject.Member] {
        var result: [JSONObject.Member] = []
        result.reserveCapacity(existing.count + added.count)
        var next = 0
        for member in existing {
            if member.key != "." {
                let element = try FieldPathElement(fieldsV1Key: member.key)
                while next < added.count && added[next].0 < element {
                    result.append(added[next].1)
                    next += 1
                }
            }
            result.append(member)
        }
        while next < added.count {
            result.append(added[next].1)
            next += 1
        }
        return result
    }
}
