import Synchronization

extension ObjectStore {
    /// Lists the objects of one resource in key order (namespace, then name).
    ///
    /// - Parameters:
    ///   - namespace: only this namespace; `nil` for every namespace (and for cluster-scoped resources).
    ///   - limit: at most this many items per page; `nil` or `0` for all. With more to come the result has a
    ///     ``ListResult/continueToken``.
    ///   - continueToken: the token of the previous page. The page is built from the state as of the first
    ///     page's version, like an etcd range read at a revision: objects changed later show as they were then,
    ///     and every page reports the first page's version. The state is rebuilt from the change history, so
    ///     a token older than the history fails with ``StoreError/expired(requested:oldest:)`` (kube's 410
    ///     "The provided continue parameter is too old").
    ///   - resourceVersion: list exactly as of this version (kube's `resourceVersionMatch=Exact`, and
    ///     `resourceVersion=X` with a limit); `nil` or `0` for the current state. Older than the history:
    ///     ``StoreError/tooOldResourceVersion(requested:oldest:)``; newer than the store:
    ///     ``StoreError/tooLargeResourceVersion(requested:current:)``.
    ///   - predicate: label and field selector filtering; it runs under the store's lock and must not call the
    ///     store. Items it rejects do not count towards `limit`.
    public func list(
        group: String,
        resource: String,
        namespace: String? = nil,
        limit: Int? = nil,
        continueToken: String? = nil,
        resourceVersion: UInt64? = nil,
        where predicate: ((StoredObject) -> Bool)? = nil
    ) throws(StoreError) -> ListResult {
        let token = try continueToken.map { (text) throws(StoreError) in try ContinueToken(decoding: text) }
        let resourceID = ResourceID(group: group, resource: resource)
        let pageSize = limit.flatMap { $0 > 0 ? $0 : nil }
        return try self.state.withLock { (state) throws(StoreError) -> ListResult in
            let version: UInt64
            if let token {
                guard token.resourceVersion >= state.history.startVersion else {
                    throw .expired(requested: token.resourceVersion, oldest: state.history.startVersion)
                }
                version = min(token.resourceVersion, state.durable)
            } else if let requested = resourceVersion, requested != 0 {
                guard requested <= state.durable else {
                    throw .tooLargeResourceVersion(requested: requested, current: state.durable)
                }
                guard requested >= state.history.startVersion else {
                    throw .tooOldResourceVersion(requested: requested, oldest: state.history.startVersion)
                }
                version = requested
            } else {
                version = state.durable
            }
            let view = SnapshotView(state: state, resource: resourceID, version: version)
            let keys = view.keys(namespace: namespace, after: token?.lastKey)
            var items: [StoredObject] = []
            var index = keys.startIndex
            while index < keys.endIndex {
                let key = keys[index]
                index += 1
                guard let object = view.object(key) else { continue }
                if let predicate, !predicate(object) { continue }
                items.append(object)
                if let pageSize, items.count == pageSize { break }
            }
            guard let pageSize, items.count == pageSize, let last = items.last else {
                return ListResult(items: items, resourceVersion: version, continueToken: nil, remainingItemCount: nil)
            }
            // There is a next page only if another matching object follows.
            var remaining = 0
            for key in keys[index...] {
                guard let object = view.object(key) else { continue }
                if let predicate {
                    if predicate(object) {
                        remaining = 1
                        break
                    }
                } else {
                    remaining += 1
                }
            }
            guard remaining > 0 else {
                return ListResult(items: items, resourceVersion: version, continueToken: nil, remainingItemCount: nil)
            }
            let next = ContinueToken(resourceVersion: version, lastKey: NamespacedName(last.key))
            return ListResult(
                items: items,
                resourceVersion: version,
                continueToken: next.encoded,
                remainingItemCount: predicate == nil ? remaining : nil
            )
        }
    }
}

/// The objects of one resource as of a version at or after the history's start: the current objects with
/// every later change undone from the history.
struct SnapshotView {
    private let bucket: ResourceBucket?
    /// State at the version for every key changed after it (`nil`: absent then).
    private var overrides: [NamespacedName: StoredObject?] = [:]

    init(state: borrowing StoreState, resource: ResourceID, version: UInt64) {
        self.bucket = state.buckets[resource]
        guard version < state.durable, let first = state.history.offset(after: version) else { return }
        var offset = state.history.count - 1
        while offset >= first {
            let entry = state.history[offset]
            if ResourceID(entry.object.key) == resource {
                self.overrides[NamespacedName(entry.object.key)] = .some(entry.previous)
            }
            offset -= 1
        }
    }

    /// The keys to visit in order: in `namespace` (all when `nil`), after `after`. Some may be absent at the
    /// version; ``object(_:)`` tells.
    func keys(namespace: String?, after: NamespacedName?) -> ArraySlice<NamespacedName> {
        var keys = self.bucket?.sortedKeys ?? []
        if !self.overrides.isEmpty {
            let current = Set(keys)
            keys.append(contentsOf: self.overrides.keys.filter { !current.contains($0) })
            keys.sort()
        }
        var start = 0
        var end = keys.count
        if let namespace {
            start = ResourceBucket.lowerBound(of: NamespacedName(namespace: namespace, name: ""), in: keys)
            end = start
            while end < keys.count && keys[end].namespace == namespace { end += 1 }
        }
        if let after {
            var position = ResourceBucket.lowerBound(of: after, in: keys)
            if position < keys.count && keys[position] == after { position += 1 }
            start = max(start, position)
        }
        return start < end ? keys[start..<end] : []
    }

    /// The object at `key` as of the version.
    func object(_ key: NamespacedName) -> StoredObject? {
        if let override = self.overrides[key] { return override }
        return self.bucket?[key]
    }
}
