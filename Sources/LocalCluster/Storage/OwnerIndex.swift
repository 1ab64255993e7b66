internal import KubeJSON

/// The durable objects by the UIDs their `metadata.ownerReferences` name, kept by ``StoreState`` as it applies
/// each change, so the garbage collector finds a deleted owner's dependents without reading every object of
/// every resource (which made each deletion cost a scan of the whole store).
struct OwnerIndex: Sendable {
    private var dependents: [String: Set<ObjectKey>] = [:]

    /// The keys of the objects that name `uid` as an owner.
    func keys(ownedBy uid: String) -> Set<ObjectKey> {
        self.dependents[uid] ?? []
    }

    /// Records that `key` changed from `old` to `new` (`nil`: absent).
    mutating func replace(_ key: ObjectKey, old: StoredObject?, new: StoredObject?) {
        let before = old.map(Self.ownerUIDs(of:)) ?? []
        let after = new.map(Self.ownerUIDs(of:)) ?? []
        guard before != after else { return }
        for uid in before where !after.contains(uid) {
            self.dependents[uid]?.remove(key)
            if self.dependents[uid]?.isEmpty == true { self.dependents[uid] = nil }
        }
        for uid in after where !before.contains(uid) {
            self.dependents[uid, default: []].insert(key)
        }
    }

    /// The non-empty UIDs of `object`'s owner references, in order.
    static func ownerUIDs(of object: StoredObject) -> [String] {
        guard case .array(let references)? = object.value["metadata"]?["ownerReferences"] else { return [] }
        return references.compactMap { reference in
            guard let uid = reference["uid"]?.stringValue, !uid.isEmpty else { return nil }
            return uid
        }
    }
}
