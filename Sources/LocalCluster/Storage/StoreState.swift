/// Everything ``ObjectStore`` guards with its mutex.
struct StoreState: Sendable {
    /// A write staged in the log buffer but not yet durable: later writes must see it, readers must not.
    struct PendingWrite: Sendable {
        var resourceVersion: UInt64
        /// The object after the write; `nil` for a deletion.
        var object: StoredObject?
    }

    /// One registered watch.
    struct Watcher: Sendable {
        var namespace: String?
        /// Only changes with a higher version are delivered.
        var after: UInt64
        var bookmarks: Bool
        var continuation: AsyncThrowingStream<WatchEvent, any Error>.Continuation

        func matches(_ key: ObjectKey) -> Bool {
            self.namespace.map { $0 == key.namespace } ?? true
        }
    }

    /// Durable objects, by resource.
    var buckets: [ResourceID: ResourceBucket] = [:]
    /// Durable objects, by the owners they reference.
    var owners = OwnerIndex()
    /// Staged writes by key, the newest per key.
    var pending: [ObjectKey: PendingWrite] = [:]
    /// Staged changes in version order.
    var pendingChanges: [WatchHistory.Entry] = []
    /// Framed log records of ``pendingChanges`` not yet handed to a committer.
    var pendingLog: [UInt8] = []
    /// The last version given to a write.
    var lastAssigned: UInt64
    /// The last version that is durable and visible.
    var durable: UInt64
    /// Held by the one task writing the log (or compacting); other writers wait for it.
    var commitInFlight = false
    var compacting = false
    /// Tasks to wake when a commit or compaction finishes.
    var waiters: [CheckedContinuation<Void, Never>] = []
    /// Set when a log write failed or the store was closed; every later write fails with it.
    var failure: StoreError?
    var history: WatchHistory
    var watchers: [ResourceID: [Int: Watcher]] = [:]
    var nextWatcherID = 0
    /// The version of the last durable change of each resource (for the objects recovered at start, the
    /// store's version then): what caches of a whole resource compare to know they are current.
    let lastChanges = ResourceChangeMarks()
    /// Log bytes written since the last snapshot.
    var logBytes: Int

    init(objects: [ObjectKey: StoredObject], resourceVersion: UInt64, historyLimit: Int, logBytes: Int) {
        for object in objects.values {
            self.buckets[ResourceID(object.key), default: ResourceBucket()].put(object)
            self.owners.replace(object.key, old: nil, new: object)
            self.lastChanges.mark(ResourceID(object.key), at: resourceVersion)
        }
        self.lastAssigned = resourceVersion
        self.durable = resourceVersion
        self.history = WatchHistory(capacity: historyLimit, startVersion: resourceVersion)
        self.logBytes = logBytes
    }

    /// The durable object at `key`.
    func committed(_ key: ObjectKey) -> StoredObject? {
        self.buckets[ResourceID(key)]?[NamespacedName(key)]
    }

    /// The newest object at `key`, staged writes included: what the next write is checked against.
    func latest(_ key: ObjectKey) -> StoredObject? {
        if let pending = self.pending[key] { return pending.object }
        return self.committed(key)
    }

    mutating func takeWaiters() -> [CheckedContinuation<Void, Never>] {
        let waiters = self.waiters
        self.waiters = []
        return waiters
    }

    /// Makes the staged changes up to `version` durable: applies them, records them in the history and
    /// hands them to the watchers. Returns the watchers that overflowed, to be finished outside the lock.
    mutating func commit(
        upTo version: UInt64
    ) -> [AsyncThrowingStream<WatchEvent, any Error>.Continuation] {
        var overflowed: [AsyncThrowingStream<WatchEvent, any Error>.Continuation] = []
        var count = 0
        for entry in self.pendingChanges {
            guard entry.object.resourceVersion <= version else { break }
            count += 1
            let key = entry.object.key
            if let pending = self.pending[key], pending.resourceVersion == entry.object.resourceVersion {
                self.pending[key] = nil
            }
            self.apply(entry, overflowed: &overflowed)
        }
        self.pendingChanges.removeFirst(count)
        self.durable = max(self.durable, version)
        return overflowed
    }

    /// Applies one durable change.
    mutating func apply(
        _ entry: WatchHistory.Entry,
        overflowed: inout [AsyncThrowingStream<WatchEvent, any Error>.Continuation]
    ) {
        let key = entry.object.key
        let resource = ResourceID(key)
        let name = NamespacedName(key)
        let previous = self.buckets[resource]?[name]
        if entry.type == .deleted {
            self.buckets[resource]?.remove(name)
            self.owners.replace(key, old: previous, new: nil)
        } else {
            self.buckets[resource, default: ResourceBucket()].put(entry.object)
            self.owners.replace(key, old: previous, new: entry.object)
        }
        self.durable = entry.object.resourceVersion
        self.lastChanges.mark(resource, at: entry.object.resourceVersion)
        self.history.append(entry)
        self.publish(entry, to: resource, overflowed: &overflowed)
    }

    /// Sends a change to the matching watchers; the event (and its frame) is built once and shared.
    private mutating func publish(
        _ entry: WatchHistory.Entry,
        to resource: ResourceID,
        overflowed: inout [AsyncThrowingStream<WatchEvent, any Error>.Continuation]
    ) {
        guard let watchers = self.watchers[resource], !watchers.isEmpty else { return }
        var event: WatchEvent? = nil
        for (id, watcher) in watchers
        where watcher.matches(entry.object.key) && entry.object.resourceVersion > watcher.after {
            let shared = event ?? WatchEvent(type: entry.type, object: entry.object, previous: entry.previous)
            event = shared
            self.deliver(shared, to: id, watcher, in: resource, overflowed: &overflowed)
        }
    }

    /// Yields `event`; a watcher whose buffer is full is unregistered and returned in `overflowed`.
    mutating func deliver(
        _ event: WatchEvent,
        to id: Int,
        _ watcher: Watcher,
        in resource: ResourceID,
        overflowed: inout [AsyncThrowingStream<WatchEvent, any Error>.Continuation]
    ) {
        switch watcher.continuation.yield(event) {
        case .enqueued: break
        case .dropped:
            self.watchers[resource]?[id] = nil
            overflowed.append(watcher.continuation)
        case .terminated:
            self.watchers[resource]?[id] = nil
        @unknown default:
            break
        }
    }
}
