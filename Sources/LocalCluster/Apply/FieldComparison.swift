import KubeJSON

/// The fields that differ between two versions of an object, as structured-merge-diff compares them: leaves
/// (scalars, atomic lists and objects) are added, removed or modified; objects and list items that appear or
/// disappear are added or removed themselves, with everything below them.
struct FieldComparison {
    /// Fields present only in the new version.
    var added = FieldSet()
    /// Leaves present in both versions with different values.
    var modified = FieldSet()
    /// Fields present only in the old version.
    var removed = FieldSet()

    /// The comparison of `old` with `new`; a missing `old` is an object that has nothing yet.
    init(old: JSONValue?, new: JSONValue, schema: ApplySchema) {
        self.walk(old ?? .emptyObject, new, schema: schema, path: FieldPath([]))
    }

    /// ``added`` and ``modified`` together: what the new version sets.
    var changed: FieldSet { self.added.union(self.modified) }

    /// `true` when nothing differs.
    var isEmpty: Bool { self.added.isEmpty && self.modified.isEmpty && self.removed.isEmpty }

    private enum Container: Equatable {
        case object
        case list
    }

    private static func container(_ value: JSONValue?, schema: ApplySchema) -> Container? {
        switch value {
        case .object? where !schema.isAtomicObject: .object
        case .array? where schema.listType != .atomic: .list
        default: nil
        }
    }

    private mutating func walk(_ lhs: JSONValue?, _ rhs: JSONValue?, schema: ApplySchema, path: FieldPath) {
        guard lhs != nil || rhs != nil else { return }
        let left = Self.container(lhs, schema: schema)
        let right = Self.container(rhs, schema: schema)
        let bothContainers = (lhs == nil || left != nil) && (rhs == nil || right != nil)
        if bothContainers && (lhs == nil || rhs == nil || left == right) {
            if left == .object || right == .object {
                self.walkObjects(lhs?.objectValue, rhs?.objectValue, schema: schema, path: path)
            } else {
                self.walkLists(lhs?.arrayValue, rhs?.arrayValue, schema: schema, path: path)
            }
            guard !path.elements.isEmpty else { return }
            if lhs == nil { self.added.insert(path) }
            if rhs == nil { self.removed.insert(path) }
            return
        }
        guard !path.elements.isEmpty else { return }
        if lhs == nil {
            self.added.insert(path)
        } else if rhs == nil {
            self.removed.insert(path)
        } else if lhs != rhs {
            self.modified.insert(path)
        }
    }

    private mutating func walkObjects(_ lhs: JSONObject?, _ rhs: JSONObject?, schema: ApplySchema, path: FieldPath) {
        var keys = lhs?.keys ?? []
        if let rhs {
            for key in rhs.keys where lhs?[key] == nil { keys.append(key) }
        }
        for key in keys {
            let childSchema = schema.field(key)
            var left = lhs?[key]
            var right = rhs?[key]
            // A Go field without `omitempty` (or a non-pointer struct) exists, empty, wherever its parent does.
            if childSchema.alwaysPresent {
                if lhs != nil && left == nil { left = Self.emptyValue(like: right) }
                if rhs != nil && right == nil { right = Self.emptyValue(like: left) }
            }
            self.walk(left, right, schema: childSchema, path: path.appending(.field(key)))
        }
    }

    private mutating func walkLists(_ lhs: [JSONValue]?, _ rhs: [JSONValue]?, schema: ApplySchema, path: FieldPath) {
        let leftItems = lhs ?? []
        let rightItems = rhs ?? []
        let leftNames = Self.names(leftItems, schema: schema, path: path)
        let rightNames = Self.names(rightItems, schema: schema, path: path)
        var leftByName: [FieldPathElement: JSONValue] = [:]
        for (name, item) in zip(leftNames, leftItems) { leftByName[name] = item }
        var rightByName: [FieldPathElement: JSONValue] = [:]
        for (name, item) in zip(rightNames, rightItems) { rightByName[name] = item }
        var order = leftNames
        for name in rightNames where leftByName[name] == nil { order.append(name) }
        for name in order {
            self.walk(leftByName[name], rightByName[name], schema: schema.element, path: path.appending(name))
        }
    }

    /// An empty object or list when `value` is one, else `nil`.
    private static func emptyValue(like value: JSONValue?) -> JSONValue? {
        switch value {
        case .object?: .emptyObject
        case .array?: .array([])
        default: nil
        }
    }

    private static func names(_ items: [JSONValue], schema: ApplySchema, path: FieldPath) -> [FieldPathElement] {
        (try? ListItemNames.elements(of: items, listType: schema.listType, path: path, strict: false))
            ?? items.indices.map { .index($0) }
    }
}
