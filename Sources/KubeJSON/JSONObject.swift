/// The members of a JSON object, in insertion order.
///
/// Kubernetes objects are small (tens of members), so members live in one array and lookups scan it:
/// cheaper than hashing for this size, and it keeps the order in which the user wrote the fields.
/// Replacing a member keeps its position; removing one closes the gap.
public struct JSONObject: Sendable {
    /// One `key: value` member.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        self.members = []
    }

    /// An empty object with room for `minimumCapacity` members.
    public init(minimumCapacity: Int) {
        self.members = []
        self.members.reserveCapacity(minimumCapacity)
    }

    /// An object from `(key, value)` pairs; a repeated key keeps the last value, at the first key's position.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        self.members = []
        var positions: [String: Int] = [:]
        for (key, value) in pairs {
            if let position = positions[key] {
                self.members[position].value = value
            } else {
                positions[key] = self.members.count
                self.members.append(Member(key: key, value: value))
            }
        }
    }

    /// Members taken as they are; the caller guarantees the keys are distinct.
    init(uniqueMembers: [Member]) {
        self.members = uniqueMembers
    }

    /// The number of members.
    public var count: Int { self.members.count }

    /// `true` when the object has no members.
    public var isEmpty: Bool { self.members.isEmpty }

    /// The keys in order.
    public var keys: [String] { self.members.map(\.key) }

    /// The position of `key` in ``members``.
    public func index(forKey key: String) -> Int? {
        self.members.firstIndex { $0.key == key }
    }

    /// The value for `key`; assigning `nil` removes the member, assigning a value replaces it in place or
    /// appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in self.members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = self.index(forKey: key) {
                if let newValue {
                    self.members[index].value = newValue
                } else {
                    self.members.remove(at: index)
                }
            } else if let newValue {
                self.members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Removes the member named `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = self.index(forKey: key) else { return nil }
        return self.members.remove(at: index).value
    }

    /// Appends a member without checking for an existing key; for builders that know the key is new.
    public mutating func appendUnchecked(key: String, value: JSONValue) {
        self.members.append(Member(key: key, value: value))
    }

    /// Changes the value of member `index` in place.
    public mutating func updateValue(atIndex index: Int, _ body: (inout JSONValue) throws -> Void) rethrows {
        try body(&self.members[index].value)
    }

    /// Sorts the members by key (byte order), as Go's encoder orders `map` keys.
    public mutating func sortKeys() {
        self.members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> {
        self.members.makeIterator()
    }
}

extension JSONObject: Hashable {
    /// Equal when both have the same keys with equal values, whatever the order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        // A copy that was never mutated shares its members' storage: equal without a walk (controllers compare
        // every pod with its possibly-changed copy on every sync).
        let shared = lhs.members.withUnsafeBufferPointer { left in
            rhs.members.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
        }
        if shared { return true }
        // Small objects compare by scanning; large ones (ConfigMap data) through an index, to stay linear.
        if lhs.members.count > 32 {
            var index: [String: Int] = [:]
            index.reserveCapacity(rhs.members.count)
            for (position, member) in rhs.members.enumerated() { index[member.key] = position }
            for member in lhs.members {
                guard let position = index[member.key], rhs.members[position].value == member.value else { return false }
            }
            return true
        }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Order-independent, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in self.members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(self.members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
