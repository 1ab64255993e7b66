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

    /// Where the members are: an array, or a packed document (see ``PackedJSON``) decoded on demand.
    enum Storage: Sendable {
        case members([Member])
        /// The object that starts at this offset of the packed text.
        case packed(PackedJSON, UInt32)
    }

    var storage: Storage

    /// The members in order. For a packed object this decodes them (one level); prefer the subscript and
    /// ``count`` for single reads.
    public var members: [Member] {
        switch self.storage {
        case .members(let members): members
        case .packed(let packed, let start): packed.members(objectAt: Int(start))
        }
    }

    /// The members as an array to change in place; a packed object becomes ordinary members first.
    private var mutableMembers: [Member] {
        get { self.members }
        _modify {
            var members: [Member]
            switch self.storage {
            case .members(let existing): members = existing
            case .packed(let packed, let start): members = packed.members(objectAt: Int(start))
            }
            self.storage = .members([])  // release the reference so `members` is changed in place
            defer { self.storage = .members(members) }
            yield &members
        }
    }

    /// An empty object.
    public init() {
        self.storage = .members([])
    }

    /// An empty object with room for `minimumCapacity` members.
    public init(minimumCapacity: Int) {
        var members: [Member] = []
        members.reserveCapacity(minimumCapacity)
        self.storage = .members(members)
    }

    /// An object from `(key, value)` pairs; a repeated key keeps the last value, at the first key's position.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        var members: [Member] = []
        var positions: [String: Int] = [:]
        for (key, value) in pairs {
            if let position = positions[key] {
                members[position].value = value
            } else {
                positions[key] = members.count
                members.append(Member(key: key, value: value))
            }
        }
        self.storage = .members(members)
    }

    /// Members taken as they are; the caller guarantees the keys are distinct.
    public init(uniqueMembers: [Member]) {
        self.storage = .members(uniqueMembers)
    }

    /// A view of the object at `start` in `packed`.
    init(packed: PackedJSON, start: Int) {
        self.storage = .packed(packed, UInt32(truncatingIfNeeded: start))
    }

    /// This object packed (see ``PackedJSON``): the same members, held in about the size of their JSON text.
    /// A packed object that is a whole document is returned as it is; one that is part of a larger document
    /// (an item of a packed list) gets its own copy of its text, so that keeping it does not keep the rest.
    public func packed() -> JSONObject {
        if case .packed(let packed, let start) = self.storage {
            if start == 0 { return self }
            return JSONObject(packed: packed.extracting(containerAt: Int(start)), start: 0)
        }
        return JSONObject(packed: PackedJSON(.object(self)), start: 0)
    }

    /// `true` when both objects are the same storage: the same packed text at the same place, or one member
    /// array. Constant time; never `true` for objects that differ, while `false` says nothing.
    public func isKnownIdentical(to other: JSONObject) -> Bool {
        switch (self.storage, other.storage) {
        case (.packed(let left, let leftStart), .packed(let right, let rightStart)):
            return left === right && leftStart == rightStart
        case (.members(let left), .members(let right)):
            return left.withUnsafeBufferPointer { l in
                right.withUnsafeBufferPointer { r in l.baseAddress == r.baseAddress && l.count == r.count }
            }
        default:
            return false
        }
    }

    /// `true` when the members are held packed (see ``packed()``).
    public var isPacked: Bool {
        if case .packed = self.storage { return true }
        return false
    }

    /// The packed document this object is the whole of (its root), or `nil` when it is a tree or a member of
    /// a larger document.
    public var packedDocument: PackedJSON? {
        if case .packed(let document, 0) = self.storage { return document }
        return nil
    }

    /// The number of members.
    public var count: Int {
        switch self.storage {
        case .members(let members): members.count
        case .packed(let packed, let start): packed.memberCount(objectAt: Int(start))
        }
    }

    /// `true` when some member's value is `null`; a packed object is read from its text.
    public var hasNullValue: Bool {
        switch self.storage {
        case .members(let members):
            return members.contains { $0.value.isNull }
        case .packed(let packed, let start):
            var found = false
            packed.forEachMember(objectAt: Int(start)) { bytes, _, value in
                found = bytes[value] == UInt8(ascii: "n")
                return !found
            }
            return found
        }
    }

    /// `true` when the object has no members.
    public var isEmpty: Bool {
        switch self.storage {
        case .members(let members): members.isEmpty
        case .packed(let packed, let start): packed.bytes[Int(start) + 1] == UInt8(ascii: "}")
        }
    }

    /// The keys in order.
    public var keys: [String] { self.members.map(\.key) }

    /// The position of `key` in ``members``.
    public func index(forKey key: String) -> Int? {
        switch self.storage {
        case .members(let members): members.firstIndex { $0.key == key }
        case .packed(let packed, let start): packed.find(key, objectAt: Int(start))?.index
        }
    }

    /// The value for `key`; assigning `nil` removes the member, assigning a value replaces it in place or
    /// appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            switch self.storage {
            case .members(let members):
                for member in members where member.key == key { return member.value }
                return nil
            case .packed(let packed, let start):
                return packed.value(forKey: key, objectAt: Int(start))
            }
        }
        set {
            if let index = self.index(forKey: key) {
                if let newValue {
                    self.mutableMembers[index].value = newValue
                } else {
                    self.mutableMembers.remove(at: index)
                }
            } else if let newValue {
                self.mutableMembers.append(Member(key: key, value: newValue))
            }
        }
    }

    /// The first object in the array member `arrayKey` whose member `field` is the string `value` (an item of a
    /// list keyed by a name, such as a pod's condition of one type). A packed object finds it by comparing text,
    /// without decoding the other items.
    public func firstObject(inArray arrayKey: String, where field: String, is value: String) -> JSONObject? {
        switch self.storage {
        case .members(let members):
            guard let member = members.first(where: { $0.key == arrayKey }), case .array(let items) = member.value else { return nil }
            for item in items {
                if case .object(let object) = item, object[field]?.stringValue == value { return object }
            }
            return nil
        case .packed(let packed, let start):
            guard let (offset, _) = packed.find(arrayKey, objectAt: Int(start)), packed.bytes[offset] == UInt8(ascii: "["),
                let found = packed.firstObject(inArrayAt: offset, where: field, is: value)
            else { return nil }
            return JSONObject(packed: packed, start: found)
        }
    }

    /// Removes the member named `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = self.index(forKey: key) else { return nil }
        return self.mutableMembers.remove(at: index).value
    }

    /// Appends a member without checking for an existing key; for builders that know the key is new.
    public mutating func appendUnchecked(key: String, value: JSONValue) {
        self.mutableMembers.append(Member(key: key, value: value))
    }

    /// Changes the value of member `index` in place.
    public mutating func updateValue(atIndex index: Int, _ body: (inout JSONValue) throws -> Void) rethrows {
        try body(&self.mutableMembers[index].value)
    }

    /// Sorts the members by key (byte order), as Go's encoder orders `map` keys.
    public mutating func sortKeys() {
        self.mutableMembers.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
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
        if case .packed(let left, let leftStart) = lhs.storage, case .packed(let right, let rightStart) = rhs.storage {
            // The same text is the same object (the writer is deterministic); different text may still be equal.
            if left === right && leftStart == rightStart { return true }
            if PackedJSON.sameText(left, Int(leftStart), right, Int(rightStart)) { return true }
        }
        // A packed object against ordinary members (a stored object and a changed copy): read from the text.
        if case .packed(let packed, let start) = lhs.storage, case .members = rhs.storage {
            return packed.equals(objectAt: Int(start), rhs)
        }
        if case .members = lhs.storage, case .packed(let packed, let start) = rhs.storage {
            return packed.equals(objectAt: Int(start), lhs)
        }
        return Self.equalMembers(lhs.members, rhs.members)
    }

    static func equalMembers(_ lhs: [Member], _ rhs: [Member]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // A copy that was never mutated shares its members' storage: equal without a walk (controllers compare
        // every pod with its possibly-changed copy on every sync).
        let shared = lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
        }
        if shared { return true }
        // Small objects compare by scanning; large ones (ConfigMap data) through an index, to stay linear.
        if lhs.count > 32 {
            var index: [String: Int] = [:]
            index.reserveCapacity(rhs.count)
            for (position, member) in rhs.enumerated() { index[member.key] = position }
            for member in lhs {
                guard let position = index[member.key], rhs[position].value == member.value else { return false }
            }
            return true
        }
        for member in lhs {
            guard let other = rhs.first(where: { $0.key == member.key }), other.value == member.value else { return false }
        }
        return true
    }

    /// Order-independent, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        let members = self.members
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
