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
        // The sets are built bottom-up, one node per container, rather than by inserting every path from the
        // root: creations and updates record one of these per write.
        self = Self.compare(old ?? .emptyObject, new, schema: schema).below
    }

    /// ``added`` and ``modified`` together: what the new version sets.
    var changed: FieldSet { self.added.union(self.modified) }

    /// `true` when nothing differs.
    var isEmpty: Bool { self.added.isEmpty && self.modified.isEmpty && self.removed.isEmpty }

    private enum Container: Equatable {
        case object
        case list
    }

    /// How one field compares: the differences below it (relative to it), and whether the field itself was
    /// added, removed or modified.
    private struct FieldOutcome {
        var below = FieldComparison(empty: ())
        var added = false
        var removed = false
        var modified = false
    }

    private init(empty: Void) {}

    private static func container(_ value: JSONValue?, schema: ApplySchema) -> Container? {
        switch value {
        case .object? where !schema.isAtomicObject: .object
        case .array? where schema.listType != .atomic: .list
        default: nil
        }
    }

    /// Compares one field; the caller records the outcome under the field's path element.
    private static func compare(_ lhs: JSONValue?, _ rhs: JSONValue?, schema: ApplySchema) -> FieldOutcome {
        var outcome = FieldOutcome()
        guard lhs != nil || rhs != nil else { return outcome }
        // An untouched part of the stored object (a status write keeps the stored spec): nothing below differs.
        if let lhs, let rhs, lhs.isKnownIdentical(to: rhs) || Self.isCheaplyEqual(lhs, rhs) { return outcome }
        let left = Self.container(lhs, schema: schema)
        let right = Self.container(rhs, schema: schema)
        let bothContainers = (lhs == nil || left != nil) && (rhs == nil || right != nil)
        if bothContainers && (lhs == nil || rhs == nil || left == right) {
            if left == .object || right == .object {
                outcome.below.compareObjects(lhs?.objectValue, rhs?.objectValue, schema: schema)
            } else {
                outcome.below.compareLists(lhs?.arrayValue, rhs?.arrayValue, schema: schema)
            }
            outcome.added = lhs == nil
            outcome.removed = rhs == nil
            return outcome
        }
        if lhs == nil {
            outcome.added = true
        } else if rhs == nil {
            outcome.removed = true
        } else if lhs != rhs {
            outcome.modified = true
        }
        return outcome
    }

    /// `true` when `lhs` and `rhs` are equal and telling so is cheaper than comparing them field by field: a
    /// stored (packed) object against a changed copy's ordinary members is compared on its text without
    /// decoding a member (most list items of a status write are unchanged), and lists compare element-wise,
    /// their packed items the same way. Two trees are left to the field-by-field walk, which would repeat an
    /// equality walk's work when they differ.
    private static func isCheaplyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)): left.isPacked != right.isPacked && left == right
        case (.array, .array): lhs == rhs
        default: false
        }
    }

    /// Records the outcome of the field at `element` of this level.
    private mutating func record(_ outcome: FieldOutcome, at element: FieldPathElement) {
        if outcome.added { self.added.insertMember(element) }
        if outcome.removed { self.removed.insertMember(element) }
        if outcome.modified { self.modified.insertMember(element) }
        self.added.insertChild(element, outcome.below.added)
        self.modified.insertChild(element, outcome.below.modified)
        self.removed.insertChild(element, outcome.below.removed)
    }

    private mutating func compareObjects(_ lhs: JSONObject?, _ rhs: JSONObject?, schema: ApplySchema) {
        let leftExists = lhs != nil
        let rightExists = rhs != nil
        let left = lhs?.members ?? []
        let right = rhs?.members ?? []
        if left.count + right.count <= 32 {
            // A few members: each side read once (a packed object's subscript scans its text), matched by scanning.
            var matched = [Bool](repeating: false, count: right.count)
            for member in left {
                var value: JSONValue?
                if let index = right.firstIndex(where: { $0.key == member.key }) {
                    matched[index] = true
                    value = right[index].value
                }
                self.compareMember(member.key, member.value, value, leftExists: leftExists, rightExists: rightExists, schema: schema)
            }
            for (index, member) in right.enumerated() where !matched[index] {
                self.compareMember(member.key, nil, member.value, leftExists: leftExists, rightExists: rightExists, schema: schema)
            }
            return
        }
        // Large objects (ConfigMap data) are looked up through dictionaries: scanning made recording a write of a
        // ConfigMap with 20,000 keys take 14 seconds.
        let rightByKey = Self.byKey(right)
        var leftKeys = Set<String>()
        leftKeys.reserveCapacity(left.count)
        for member in left {
            leftKeys.insert(member.key)
            self.compareMember(member.key, member.value, rightByKey[member.key], leftExists: leftExists, rightExists: rightExists, schema: schema)
        }
        for member in right where !leftKeys.contains(member.key) {
            self.compareMember(member.key, nil, member.value, leftExists: leftExists, rightExists: rightExists, schema: schema)
        }
    }

    /// Compares the member `key` of two objects; `leftExists` and `rightExists` say whether each object exists.
    private mutating func compareMember(
        _ key: String, _ left: JSONValue?, _ right: JSONValue?, leftExists: Bool, rightExists: Bool, schema: ApplySchema
    ) {
        let childSchema = schema.field(key)
        var left = left
        var right = right
        // A Go field without `omitempty` (or a non-pointer struct) exists, empty, wherever its parent does.
        if childSchema.alwaysPresent {
            if leftExists && left == nil { left = Self.emptyValue(like: right) }
            if rightExists && right == nil { right = Self.emptyValue(like: left) }
        }
        self.record(Self.compare(left, right, schema: childSchema), at: .field(key))
    }

    private static func byKey(_ members: [JSONObject.Member]) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        values.reserveCapacity(members.count)
        for member in members { values[member.key] = member.value }
        return values
    }

    private mutating func compareLists(_ lhs: [JSONValue]?, _ rhs: [JSONValue]?, schema: ApplySchema) {
        let leftItems = lhs ?? []
        let rightItems = rhs ?? []
        let leftNames = Self.names(leftItems, schema: schema)
        let rightNames = Self.names(rightItems, schema: schema)
        if leftItems.count <= 8 && rightItems.count <= 8 {
            // A few items (conditions, containers, ports): matched by scanning, not by hashing every name.
            for (name, item) in zip(leftNames, leftItems) {
                let right = rightNames.firstIndex(of: name).map { rightItems[$0] }
                self.record(Self.compare(item, right, schema: schema.element), at: name)
            }
            for (name, item) in zip(rightNames, rightItems) where !leftNames.contains(name) {
                self.record(Self.compare(nil, item, schema: schema.element), at: name)
            }
            return
        }
        var leftByName: [FieldPathElement: JSONValue] = [:]
        for (name, item) in zip(leftNames, leftItems) { leftByName[name] = item }
        var rightByName: [FieldPathElement: JSONValue] = [:]
        for (name, item) in zip(rightNames, rightItems) { rightByName[name] = item }
        var order = leftNames
        for name in rightNames where leftByName[name] == nil { order.append(name) }
        for name in order {
            self.record(Self.compare(leftByName[name], rightByName[name], schema: schema.element), at: name)
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

    /// The items' names; the path only appears in strict mode's messages, so none is built.
    private static func names(_ items: [JSONValue], schema: ApplySchema) -> [FieldPathElement] {
        (try? ListItemNames.elements(of: items, listType: schema.listType, path: FieldPath([]), strict: false))
            ?? items.indices.map { .index($0) }
    }
}
