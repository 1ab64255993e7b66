public import KubeJSON

/// An object's members while a patch edits them key by key (strategic merge patch, server-side apply). Looking a
/// key up in a ``JSONObject`` scans its members, so merging a patch of n members into an object of m took O(n·m)
/// (hours for a 3 MiB body of small members); here large objects are indexed by key, and removals leave a hole
/// instead of shifting what follows. Members keep their order; a member set for the first time goes last, as with
/// ``JSONObject``.
public struct IndexedMembers {
    private var slots: [JSONObject.Member?]
    /// Slot by key, once the object has more members than a scan handles well.
    private var positions: [String: Int]?

    private static let indexThreshold = 16

    public init(_ object: JSONObject) {
        self.slots = object.members.map { Optional($0) }
        if self.slots.count > Self.indexThreshold { self.buildIndex() }
    }

    private mutating func buildIndex() {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(self.slots.count)
        for (position, slot) in self.slots.enumerated() {
            if let slot { positions[slot.key] = position }
        }
        self.positions = positions
    }

    private func position(of key: String) -> Int? {
        if let positions = self.positions { return positions[key] }
        return self.slots.firstIndex { $0?.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { self.position(of: key).flatMap { self.slots[$0]?.value } }
        set {
            if let position = self.position(of: key) {
                if let newValue {
                    self.slots[position]?.value = newValue
                } else {
                    self.slots[position] = nil
                    self.positions?[key] = nil
                }
            } else if let newValue {
                self.positions?[key] = self.slots.count
                self.slots.append(JSONObject.Member(key: key, value: newValue))
                if self.positions == nil && self.slots.count > Self.indexThreshold { self.buildIndex() }
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let value = self[key]
        self[key] = nil
        return value
    }

    /// The members in order.
    public var members: [JSONObject.Member] { self.slots.compactMap { $0 } }

    public var keys: [String] { self.slots.compactMap { $0?.key } }

    /// The object the members now make.
    public var object: JSONObject {
        var object = JSONObject(minimumCapacity: self.slots.count)
        for case let member? in self.slots { object.appendUnchecked(key: member.key, value: member.value) }
        return object
    }
}
