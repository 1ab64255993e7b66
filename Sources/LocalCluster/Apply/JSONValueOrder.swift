import KubeJSON

/// A total order on JSON values, for sorting set elements and list keys the way structured-merge-diff does:
/// by type first (null, numbers, strings, booleans, lists, objects), then by value.
enum JSONValueOrder {
    /// -1, 0 or 1 as `a` sorts before, with or after `b`.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int {
        let rankA = Self.rank(a)
        let rankB = Self.rank(b)
        if rankA != rankB { return rankA < rankB ? -1 : 1 }
        switch (a, b) {
        case (.bool(let x), .bool(let y)):
            return x == y ? 0 : (!x ? -1 : 1)
        case (.string(let x), .string(let y)):
            return Self.compare(x, y)
        case (.array(let x), .array(let y)):
            for (left, right) in zip(x, y) {
                let order = Self.compare(left, right)
                if order != 0 { return order }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.object(let x), .object(let y)):
            let left = x.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let right = y.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (l, r) in zip(left, right) {
                let byKey = Self.compare(l.key, r.key)
                if byKey != 0 { return byKey }
                let byValue = Self.compare(l.value, r.value)
                if byValue != 0 { return byValue }
            }
            return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
        default:
            if a == b { return 0 }
            if let x = a.int64Value, let y = b.int64Value { return x < y ? -1 : 1 }
            let x = a.doubleValue ?? 0
            let y = b.doubleValue ?? 0
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    /// Byte-wise, as Go compares strings.
    static func compare(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    private static func rank(_ value: JSONValue) -> Int {
        switch value {
        case .null: 0
        case .int, .number: 1
        case .string: 2
        case .bool: 3
        case .array: 4
        case .object: 5
        }
    }
}
