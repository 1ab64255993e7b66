/// The most recent committed changes, oldest first, so that a watch can resume from a recent version and a
/// list can be rebuilt as of a recent version.
///
/// Every write takes exactly one version, so the retained changes have consecutive versions
/// ``startVersion`` + 1 … ``startVersion`` + ``count`` and finding the change for a version is arithmetic.
struct WatchHistory: Sendable {
    /// One committed change.
    struct Entry: Sendable {
        var type: WatchEvent.EventType
        /// The state after the change (for a deletion, the last state stamped with the deletion's version).
        var object: StoredObject
        /// The state before the change; `nil` for a creation.
        var previous: StoredObject?
    }

    /// How many changes are kept.
    let capacity: Int
    private var ring: [Entry] = []
    /// The ring index of the oldest entry once the ring is full.
    private var head = 0
    /// Every change with a version above this one is retained.
    private(set) var startVersion: UInt64

    init(capacity: Int, startVersion: UInt64) {
        self.capacity = max(1, capacity)
        self.startVersion = startVersion
    }

    var count: Int { self.ring.count }

    mutating func append(_ entry: Entry) {
        if self.ring.count < self.capacity {
            self.ring.append(entry)
        } else {
            self.startVersion = self.ring[self.head].object.resourceVersion
            self.ring[self.head] = entry
            self.head = (self.head + 1) % self.capacity
        }
    }

    /// The `offset`-th retained entry, oldest first.
    subscript(offset: Int) -> Entry {
        self.ring[(self.head + offset) % self.ring.count]
    }

    /// The offset of the first entry with a version above `version` (``count`` when there is none), or `nil`
    /// when changes after `version` are no longer retained.
    func offset(after version: UInt64) -> Int? {
        guard version >= self.startVersion else { return nil }
        return Int(min(version - self.startVersion, UInt64(self.ring.count)))
    }
}
