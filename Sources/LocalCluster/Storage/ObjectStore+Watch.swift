import Synchronization

extension ObjectStore {
    /// The stream a watch returns. It ends normally when the store closes, and with a ``StoreError`` when
    /// the watcher falls behind (``StoreError/watcherTooSlow``).
    public typealias WatchStream = AsyncThrowingStream<WatchEvent, any Error>

    /// Watches the changes of one resource.
    ///
    /// - Parameters:
    ///   - namespace: only this namespace; `nil` for every namespace.
    ///   - fromResourceVersion: `nil` or `0` to start from now; otherwise every change after this version is
    ///     delivered, first those still in the history, then live ones, in version order.
    ///   - sendInitialEvents: start with a synthetic `ADDED` event per current object (key order), then a
    ///     bookmark with ``WatchEvent/isInitialEventsEnd`` at the store's version, then live changes; taken
    ///     atomically, so nothing is missed or repeated. `fromResourceVersion` is ignored then.
    ///   - allowBookmarks: deliver the bookmarks ``sendBookmarks()`` broadcasts.
    /// - Throws: ``StoreError/tooOldResourceVersion(requested:oldest:)`` when changes after
    ///   `fromResourceVersion` are no longer retained (kube answers 410 Gone), ``StoreError/closed``.
    ///
    /// Each watcher buffers at most ``Configuration/watcherBufferLimit`` live events beyond its replay; one
    /// that falls further behind is terminated with ``StoreError/watcherTooSlow`` rather than slowing
    /// writers, as kube-apiserver does.
    public func watch(
        group: String,
        resource: String,
        namespace: String? = nil,
        fromResourceVersion: UInt64? = nil,
        sendInitialEvents: Bool = false,
        allowBookmarks: Bool = false
    ) throws(StoreError) -> WatchStream {
        let resourceID = ResourceID(group: group, resource: resource)
        let bufferLimit = max(1, self.configuration.watcherBufferLimit)
        return try self.state.withLock { (state) throws(StoreError) -> WatchStream in
            if state.failure == .closed { throw .closed }
            var initial: [WatchEvent] = []
            var after = state.durable
            if sendInitialEvents {
                if let bucket = state.buckets[resourceID] {
                    for key in bucket.sortedKeys where namespace == nil || key.namespace == namespace {
                        if let object = bucket[key] { initial.append(WatchEvent(type: .added, object: object)) }
                    }
                }
                initial.append(WatchEvent(bookmarkAt: state.durable, initialEventsEnd: true))
            } else if let version = fromResourceVersion, version != 0 {
                guard let first = state.history.offset(after: version) else {
                    throw .tooOldResourceVersion(requested: version, oldest: state.history.startVersion)
                }
                for offset in first..<state.history.count {
                    let entry = state.history[offset]
                    let key = entry.object.key
                    guard ResourceID(key) == resourceID, namespace == nil || key.namespace == namespace else { continue }
                    initial.append(WatchEvent(type: entry.type, object: entry.object, previous: entry.previous))
                }
                after = max(after, version)
            }
            let (stream, continuation) = WatchStream.makeStream(
                of: WatchEvent.self,
                bufferingPolicy: .bufferingOldest(initial.count + bufferLimit)
            )
            for event in initial { continuation.yield(event) }
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[resourceID, default: [:]][id] = StoreState.Watcher(
                namespace: namespace,
                after: after,
                bookmarks: allowBookmarks,
                continuation: continuation
            )
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { state in
                    _ = state.watchers[resourceID]?.removeValue(forKey: id)
                }
            }
            return stream
        }
    }

    /// Sends a `BOOKMARK` at the store's current version to every watcher that allows bookmarks; the API layer
    /// calls it periodically (kube-apiserver sends one about every minute) so that clients can resume from a
    /// recent version.
    public func sendBookmarks() {
        let overflowed = self.state.withLock { state in
            var overflowed: [AsyncThrowingStream<WatchEvent, any Error>.Continuation] = []
            let event = WatchEvent(bookmarkAt: state.durable, initialEventsEnd: false)
            for (resource, watchers) in state.watchers {
                for (id, watcher) in watchers where watcher.bookmarks {
                    state.deliver(event, to: id, watcher, in: resource, overflowed: &overflowed)
                }
            }
            return overflowed
        }
        for watcher in overflowed { watcher.finish(throwing: StoreError.watcherTooSlow) }
    }

    /// The number of registered watchers (for metrics and tests).
    public var watcherCount: Int {
        self.state.withLock { $0.watchers.values.reduce(0) { $0 + $1.count } }
    }
}
