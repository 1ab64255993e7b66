public import KubeJSON
import Synchronization

/// An etcd-like store of Kubernetes objects: objects by ``ObjectKey``, one global resourceVersion that every
/// write bumps, optimistic concurrency, paginated lists, and watches that resume from a recent version.
///
/// Durability comes from a ``WriteAheadLog`` in a data directory (see there for why a log rather than
/// SQLite): a write returns only once its log record is synced, so after `kill -9` and a restart every
/// acknowledged write is there and versions keep increasing. Concurrent writes share one `fdatasync`
/// (group commit). ``init(configuration:)`` makes a store with no files.
///
/// Visibility follows durability: reads, lists and watchers see a write only once it is durable, and a
/// write is checked against every earlier write, durable or not. Watch events are published in version
/// order, serialized once and shared by every watcher.
///
/// A final class around a `Mutex` rather than an actor: every operation is a short synchronous critical
/// section (reads and lists never suspend), and a writer only suspends to wait for its log sync, which runs
/// outside the lock so that further writes can batch up behind it.
public final class ObjectStore: Sendable {
    let configuration: Configuration
    /// `nil` for an in-memory store.
    let log: WriteAheadLog?
    let state: Mutex<StoreState>
    /// The state's change marks, read without its lock.
    let lastChanges: ResourceChangeMarks

    /// What recovery found when the store was opened from a directory.
    public struct RecoveryInfo: Sendable, Hashable {
        /// Objects loaded.
        public var objectCount: Int
        /// The newest version found.
        public var resourceVersion: UInt64
        /// Bytes cut off the end of the log (a write torn by a crash; never an acknowledged one).
        public var truncatedBytes: Int

        /// Creates a value (tests compare ``ObjectStore/recovery`` against one).
        public init(objectCount: Int, resourceVersion: UInt64, truncatedBytes: Int) {
            self.objectCount = objectCount
            self.resourceVersion = resourceVersion
            self.truncatedBytes = truncatedBytes
        }
    }

    /// What recovery found; all zero for an in-memory store.
    public let recovery: RecoveryInfo

    /// A store that keeps everything in memory (for tests and `--in-memory`).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.log = nil
        let state = StoreState(objects: [:], resourceVersion: 0, historyLimit: configuration.historyLimit, logBytes: 0)
        self.lastChanges = state.lastChanges
        self.state = Mutex(state)
        self.recovery = RecoveryInfo(objectCount: 0, resourceVersion: 0, truncatedBytes: 0)
    }

    /// Opens the store kept in `directory` (created if missing), recovering its snapshot and log.
    /// - Throws: ``StoreError/directoryLocked(path:)`` when another process has it open,
    ///   ``StoreError/corrupt(path:offset:reason:)`` or ``StoreError/io(operation:path:errno:)``.
    public init(directory: String, configuration: Configuration = Configuration()) throws(StoreError) {
        let (log, recovery) = try WriteAheadLog.open(directory: directory)
        self.configuration = configuration
        self.log = log
        let state = StoreState(
            objects: recovery.objects,
            resourceVersion: recovery.resourceVersion,
            historyLimit: configuration.historyLimit,
            logBytes: recovery.logBytes
        )
        self.lastChanges = state.lastChanges
        self.state = Mutex(state)
        self.recovery = RecoveryInfo(
            objectCount: recovery.objects.count,
            resourceVersion: recovery.resourceVersion,
            truncatedBytes: recovery.truncatedBytes
        )
    }

    /// The store's current resourceVersion: the version of the newest durable write.
    public var resourceVersion: UInt64 {
        self.state.withLock { $0.durable }
    }

    /// Closes the log (releasing the directory) and ends every watch. Later writes fail with
    /// ``StoreError/closed``; reads keep answering from memory.
    public func close() {
        let (watchers, waiters) = self.state.withLock { state in
            if state.failure == nil { state.failure = .closed }
            let watchers = state.watchers.values.flatMap { $0.values.map(\.continuation) }
            state.watchers = [:]
            return (watchers, state.takeWaiters())
        }
        self.log?.close()
        for watcher in watchers { watcher.finish() }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Reads

    /// The object stored at `key`, or `nil`.
    public func get(_ key: ObjectKey) -> StoredObject? {
        self.state.withLock { $0.committed(key) }
    }

    /// The version of the last durable change (write or deletion) of any object of `resource` in `group`;
    /// 0 when there has been none since the store opened with none. Any later change gives a greater value.
    public func lastChange(group: String, resource: String) -> UInt64 {
        self.lastChanges.lastChange(of: ResourceID(group: group, resource: resource))
    }

    /// The objects whose `metadata.ownerReferences` name `uid`, in key order.
    public func dependents(ofOwner uid: String) -> [StoredObject] {
        self.state.withLock { state in
            state.owners.keys(ownedBy: uid).sorted().compactMap { state.committed($0) }
        }
    }

    // MARK: - Writes

    /// Stores a new object; `metadata.resourceVersion` is set to the new version.
    /// - Throws: ``StoreError/alreadyExists(_:)``, ``StoreError/invalidObject(_:reason:)``, or a log failure.
    @discardableResult
    public func create(_ key: ObjectKey, _ object: JSONValue) async throws(StoreError) -> StoredObject {
        try await self.write(key) { (current) throws(StoreError) -> Mutation in
            if current != nil { throw .alreadyExists(key) }
            return .put(object)
        }
    }

    /// Replaces an existing object. When `expectedResourceVersion` is given it must be the stored version.
    /// An update that changes nothing (apart from `metadata.resourceVersion`) is not written and returns the
    /// stored object, as kube-apiserver does.
    /// - Throws: ``StoreError/notFound(_:)``, ``StoreError/conflict(_:expected:actual:)``,
    ///   ``StoreError/invalidObject(_:reason:)``, or a log failure.
    @discardableResult
    public func update(
        _ key: ObjectKey,
        _ object: JSONValue,
        expectedResourceVersion: UInt64? = nil
    ) async throws(StoreError) -> StoredObject {
        try await self.write(key) { (current) throws(StoreError) -> Mutation in
            guard let current else { throw .notFound(key) }
            if let expected = expectedResourceVersion, expected != current.resourceVersion {
                throw .conflict(key, expected: expected, actual: current.resourceVersion)
            }
            return .put(object)
        }
    }

    /// Removes an object and returns its last state, stamped with the deletion's version (the object the
    /// `DELETED` event carries). When `expectedResourceVersion` is given it must be the stored version.
    /// - Throws: ``StoreError/notFound(_:)``, ``StoreError/conflict(_:expected:actual:)``, or a log failure.
    @discardableResult
    public func delete(_ key: ObjectKey, expectedResourceVersion: UInt64? = nil) async throws(StoreError) -> StoredObject {
        try await self.write(key) { (current) throws(StoreError) -> Mutation in
            guard let current else { throw .notFound(key) }
            if let expected = expectedResourceVersion, expected != current.resourceVersion {
                throw .conflict(key, expected: expected, actual: current.resourceVersion)
            }
            return .delete
        }
    }

    /// Atomic read-modify-write: `body` gets the newest state of the object and returns its new value, or `nil`
    /// to leave it unchanged (then the current object is returned and no version is used). No other write to
    /// the store runs between the read and the write, so there is never a conflict to retry.
    ///
    /// `body` runs while the store is locked: it must be quick and must not call the store.
    /// - Throws: ``StoreError/notFound(_:)``, whatever `body` throws, or a log failure.
    @discardableResult
    public nonisolated(nonsending) func guaranteedUpdate(
        _ key: ObjectKey,
        _ body: (StoredObject) throws -> JSONValue?
    ) async throws -> StoredObject {
        var bodyError: (any Error)? = nil
        let result = try await self.write(key) { (current) throws(StoreError) -> Mutation in
            guard let current else { throw .notFound(key) }
            do {
                guard let updated = try body(current) else { return .unchanged(current) }
                return .put(updated)
            } catch {
                bodyError = error
                return .unchanged(current)
            }
        }
        if let bodyError { throw bodyError }
        return result
    }
}
