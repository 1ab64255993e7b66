import Synchronization

internal import KubeJSON

extension ObjectStore {
    /// What a write decided, given the newest state of its object.
    enum Mutation {
        case put(JSONValue)
        case delete
        /// No write: return this object.
        case unchanged(StoredObject)
    }

    /// A write staged under the lock.
    private struct Staged: Sendable {
        var object: StoredObject
        /// The version to wait for before the write is acknowledged; `nil` when it already is.
        var awaitVersion: UInt64?
        var overflowed: [AsyncThrowingStream<WatchEvent, any Error>.Continuation]
    }

    /// Runs `decide` against the newest state of `key` and stages its outcome: assigns the next version,
    /// stamps and serializes the object, appends the log record, then waits until the record is durable.
    nonisolated(nonsending) func write(
        _ key: ObjectKey,
        _ decide: (StoredObject?) throws(StoreError) -> Mutation
    ) async throws(StoreError) -> StoredObject {
        let staged = try self.state.withLock { (state) throws(StoreError) -> Staged in
            if let failure = state.failure { throw failure }
            let current = state.latest(key)
            let version = state.lastAssigned + 1
            let entry: WatchHistory.Entry
            switch try decide(current) {
            case .unchanged(let object):
                return Staged(object: object, awaitVersion: nil, overflowed: [])
            case .put(let value):
                let stamped = try StoredObject.stamp(value, resourceVersion: version, key: key)
                if let current,
                    try StoredObject.stamp(value, resourceVersion: current.resourceVersion, key: key) == current.value
                {
                    return Staged(object: current, awaitVersion: nil, overflowed: [])
                }
                let object = StoredObject(key: key, resourceVersion: version, packing: stamped)
                entry = WatchHistory.Entry(type: current == nil ? .added : .modified, object: object, previous: current)
            case .delete:
                guard let current else { throw .notFound(key) }
                let last = try StoredObject(key: key, resourceVersion: version, stamping: current.value)
                entry = WatchHistory.Entry(type: .deleted, object: last, previous: current)
            }
            state.lastAssigned = version
            if self.log == nil {
                var overflowed: [AsyncThrowingStream<WatchEvent, any Error>.Continuation] = []
                state.apply(entry, overflowed: &overflowed)
                return Staged(object: entry.object, awaitVersion: nil, overflowed: overflowed)
            }
            state.pending[key] = StoreState.PendingWrite(
                resourceVersion: version,
                object: entry.type == .deleted ? nil : entry.object
            )
            state.pendingChanges.append(entry)
            let record: LogRecord = entry.type == .deleted ? .delete(key, resourceVersion: version) : .put(entry.object)
            record.append(to: &state.pendingLog)
            return Staged(object: entry.object, awaitVersion: version, overflowed: [])
        }
        for watcher in staged.overflowed { watcher.finish(throwing: StoreError.watcherTooSlow) }
        if let version = staged.awaitVersion { try await self.awaitDurable(version) }
        return staged.object
    }
}
