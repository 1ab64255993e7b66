import KubeJSON

/// The path elements that name the items of a non-atomic list: `k:` by the key fields for associative lists,
/// `v:` by value for sets.
enum ListItemNames {
    /// A list item that cannot be named; the message is structured-merge-diff's.
    struct Failure: Error {
        var message: String
    }

    /// The element naming each item of `list`.
    ///
    /// Strict naming (for an applied configuration) fails on items without their key fields and on duplicates,
    /// as kube-apiserver does; lenient naming (for stored objects) names such items by position instead.
    static func elements(
        of list: [JSONValue],
        listType: ApplySchema.ListType,
        path: FieldPath,
        strict: Bool
    ) throws(Failure) -> [FieldPathElement] {
        var names: [FieldPathElement] = []
        names.reserveCapacity(list.count)
        // Most lists hold a few items (containers, ports, env): comparing with each earlier name costs less than
        // hashing them all. `names` keeps every first occurrence, so it finds what a set of them would.
        let small = list.count <= 8
        var seen: Set<FieldPathElement> = []
        for (index, item) in list.enumerated() {
            var name = try Self.element(of: item, at: index, listType: listType, path: path, strict: strict)
            let repeated = small ? names.contains(name) : !seen.insert(name).inserted
            if repeated {
                if strict {
                    let what = if case .value = name { "value" } else { "key" }
                    throw Failure(message: "\(path): duplicate entries for \(what) \(name)")
                }
                name = .index(index)
            }
            names.append(name)
        }
        return names
    }

    private static func element(
        of item: JSONValue,
        at index: Int,
        listType: ApplySchema.ListType,
        path: FieldPath,
        strict: Bool
    ) throws(Failure) -> FieldPathElement {
        switch listType {
        case .atomic:
            return .index(index)
        case .set:
            switch item {
            case .object, .array:
                guard !strict else {
                    throw Failure(message: "\(path): element \(index): expected a primitive value in a set, got \(item.typeName)")
                }
                return .index(index)
            default:
                return .value(item)
            }
        case .map(let keys):
            guard case .object(let object) = item else {
                guard !strict else {
                    throw Failure(message: "\(path): element \(index): associative list with keys has an element that is not a map")
                }
                return .index(index)
            }
            var fields: [(String, JSONValue)] = []
            for key in keys {
                if let value = object[key], !value.isNull {
                    fields.append((key, value))
                } else if strict {
                    throw Failure(
                        message: "\(path): element \(index): associative list with keys has an element that omits key field \(GoQuote.quote(key)) (and doesn't have default value)"
                    )
                }
            }
            return fields.isEmpty ? .index(index) : .keyed(fields)
        }
    }
}
