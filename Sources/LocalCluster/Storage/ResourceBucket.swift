/// The current objects of one resource: a hash map for lookups plus the keys kept sorted for lists.
struct ResourceBucket: Sendable {
    private(set) var objects: [NamespacedName: StoredObject] = [:]
    /// Every key of ``objects``, ascending.
    private(set) var sortedKeys: [NamespacedName] = []

    var isEmpty: Bool { self.objects.isEmpty }

    subscript(name: NamespacedName) -> StoredObject? { self.objects[name] }

    mutating func put(_ object: StoredObject) {
        let name = NamespacedName(object.key)
        if self.objects.updateValue(object, forKey: name) == nil {
            self.sortedKeys.insert(name, at: Self.lowerBound(of: name, in: self.sortedKeys))
        }
    }

    mutating func remove(_ name: NamespacedName) {
        guard self.objects.removeValue(forKey: name) != nil else { return }
        let index = Self.lowerBound(of: name, in: self.sortedKeys)
        self.sortedKeys.remove(at: index)
    }

    /// The first index in `keys` (ascending) whose key is not less than `name`.
    static func lowerBound(of name: NamespacedName, in keys: [NamespacedName]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
