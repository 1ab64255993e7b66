public import KubeJSON

/// A typed view over a JSON object: the object is the storage, typed properties read and write its members.
///
/// This is how the model keeps every field it does not know: a Pod decoded, changed through its typed
/// properties and encoded again carries every other member, in its original order.
/// Reads are lenient (a member of the wrong type reads as `nil`); validation is a separate step.
public protocol JSONObjectView: JSONRepresentable, Hashable {
    /// The underlying JSON object.
    var object: JSONObject { get set }
    /// Wraps a JSON object.
    init(object: JSONObject)
}

extension JSONObjectView {
    /// An empty view.
    public init() {
        self.init(object: JSONObject())
    }

    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let object) = json else { throw FieldError.wrongType(expected: "object", got: json) }
        self.init(object: object)
    }

    public var json: JSONValue { .object(self.object) }

    /// This view over a packed copy of its object (see `PackedJSON`): what caches keep.
    public func packed() -> Self {
        Self(object: self.object.packed())
    }

    /// The member `key` as `T`; `nil` when it is missing, `null`, or of another type.
    @inlinable
    public func value<T: JSONRepresentable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let raw = self.object[key], !raw.isNull else { return nil }
        return try? T(json: raw)
    }

    /// Sets the member `key`; `nil` removes it.
    @inlinable
    public mutating func setValue<T: JSONRepresentable>(_ key: String, _ value: T?) {
        self.object[key] = value?.json
    }

    /// The member `key` as a nested view; an empty view when it is missing or not an object.
    @inlinable
    public func view<V: JSONObjectView>(_ key: String, as type: V.Type = V.self) -> V {
        if case .object(let nested)? = self.object[key] { return V(object: nested) }
        return V()
    }

    /// Writes back a nested view. An empty view is not added where the member was absent, so that reading
    /// and writing back an untouched view never changes the document.
    @inlinable
    public mutating func setView<V: JSONObjectView>(_ key: String, _ view: V) {
        if view.object.isEmpty && self.object[key] == nil { return }
        self.object[key] = .object(view.object)
    }

    /// The member `key` as a string map (labels, annotations, nodeSelector); empty when missing.
    @inlinable
    public func stringMap(_ key: String) -> [String: String] {
        guard case .object(let map)? = self.object[key] else { return [:] }
        var result: [String: String] = [:]
        result.reserveCapacity(map.count)
        for member in map {
            if case .string(let s) = member.value { result[member.key] = s }
        }
        return result
    }

    /// Writes a string map, keeping the order of keys that were already there and appending new ones
    /// sorted; an empty map removes the member.
    @inlinable
    public mutating func setStringMap(_ key: String, _ map: [String: String]) {
        if map.isEmpty {
            self.object[key] = nil
            return
        }
        var updated = JSONObject(minimumCapacity: map.count)
        if case .object(let existing)? = self.object[key] {
            for member in existing {
                if let value = map[member.key] { updated.appendUnchecked(key: member.key, value: .string(value)) }
            }
        }
        for newKey in map.keys.sorted() where updated[newKey] == nil {
            updated.appendUnchecked(key: newKey, value: .string(map[newKey]!))
        }
        self.object[key] = .object(updated)
    }

    /// The member `key` as an array of nested views; empty when missing.
    @inlinable
    public func views<V: JSONObjectView>(_ key: String, as type: V.Type = V.self) -> [V] {
        guard case .array(let elements)? = self.object[key] else { return [] }
        return elements.compactMap { element in
            if case .object(let nested) = element { return V(object: nested) }
            return nil
        }
    }

    /// Writes an array of nested views; an empty array removes the member.
    @inlinable
    public mutating func setViews<V: JSONObjectView>(_ key: String, _ views: [V]) {
        self.object[key] = views.isEmpty ? nil : .array(views.map { .object($0.object) })
    }
}
