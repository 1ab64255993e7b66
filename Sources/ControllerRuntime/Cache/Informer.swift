public import KubeClient
public import KubeModel
public import Logging
import Synchronization

/// Keeps a cache of one resource in step with the server: LIST, then WATCH from the list's
/// resourceVersion with bookmarks; after a dropped connection it watches again from the last version it
/// saw, and after `410 Gone` it lists again and reconciles the cache (emitting the deletions it missed).
///
/// Handlers run in the informer's task, one event at a time and in order; they should only enqueue work.
public final class Informer<Object: KubeObject>: Sendable {
    public typealias Handler = @Sendable (InformerEvent<Object>) async -> Void

    /// The cache this informer fills.
    public let store: CacheStore<Object>
    private let client: KubeClient
    private let namespace: String?
    private let selector: ListOptions
    private let resyncPeriod: Duration?
    private let logger: Logger
    private let handlers: Mutex<[Handler]> = Mutex([])
    private let syncState: Mutex<(synced: Bool, waiters: [UInt64: CheckedContinuation<Void, Never>], nextWaiter: UInt64)> =
        Mutex((false, [:], 0))
    private let counters: Mutex<(lists: Int, watches: Int)> = Mutex((0, 0))

    /// - Parameters:
    ///   - namespace: one namespace, or `nil` for all.
    ///   - selector: label and field selectors applied to the list and the watch.
    ///   - resyncPeriod: when set, every cached object is re-delivered as an update this often.
    ///   - indexers: extra named indexes for the cache.
    public init(
        client: KubeClient,
        namespace: String? = nil,
        selector: ListOptions = ListOptions(),
        resyncPeriod: Duration? = nil,
        indexers: [String: CacheStore<Object>.IndexFunction] = [:],
        logger: Logger = Logger(label: "kruise.informer")
    ) {
        self.client = client
        self.namespace = namespace
        self.selector = selector
        self.resyncPeriod = resyncPeriod
        self.store = CacheStore(indexers: indexers)
        var logger = logger
        logger[metadataKey: "kind"] = "\(Object.groupVersionKind.kind)"
        self.logger = logger
    }

    /// Adds an event handler; call before ``run()``. Objects already cached are not replayed.
    public func addHandler(_ handler: @escaping Handler) {
        self.handlers.withLock { $0.append(handler) }
    }

    /// `true` once the first list has been applied to the cache.
    public var hasSynced: Bool { self.syncState.withLock { $0.synced } }

    /// How many LISTs and WATCHes this informer has started (for tests and diagnostics).
    public var requestCounts: (lists: Int, watches: Int) { self.counters.withLock { $0 } }

    /// Returns once the cache has synced, or when the task is cancelled (a manager stopped before a CRD was
    /// installed must not wait forever); check ``hasSynced`` after a cancellation.
    public func waitForSync() async {
        if self.hasSynced { return }
        let id = self.syncState.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = self.syncState.withLock { state -> Bool in
                    if state.synced || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.syncState.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Lists and watches until the task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            if let period = self.resyncPeriod {
                group.addTask { await self.resyncLoop(period: period) }
            }
            group.addTask { await self.listAndWatchLoop() }
            await group.next()
            group.cancelAll()
        }
    }

    private func listAndWatchLoop() async {
        var failures = 0
        while !Task.isCancelled {
            let resourceVersion: String
            do {
                resourceVersion = try await self.relist()
                failures = 0
            } catch {
                failures += 1
                self.logger.warning("list failed; retrying", metadata: ["error": "\(error)"])
                await Self.pause(failures: failures)
                continue
            }
            await self.watchLoop(from: resourceVersion)
        }
    }

    /// Watches from `resourceVersion` until the version expires (then the caller relists) or the task ends.
    private func watchLoop(from start: String) async {
        var resourceVersion = start
        var failures = 0
        while !Task.isCancelled {
            var options = self.selector
            options.resourceVersion = resourceVersion
            options.allowWatchBookmarks = true
            // Like client-go, end each watch after 5-10 minutes so a silently dead connection is replaced.
            options.timeoutSeconds = Int.random(in: 300...600)
            self.counters.withLock { $0.watches += 1 }
            do {
                let stream = try await self.client.watch(Object.self, namespace: self.namespace, options: options)
                for try await event in stream {
                    failures = 0
                    if let version = event.object.metadata.resourceVersion, !version.isEmpty { resourceVersion = version }
                    await self.apply(event)
                }
            } catch let error as KubeAPIError where error.isGone {
                self.logger.debug("watch expired; relisting", metadata: ["resourceVersion": "\(resourceVersion)"])
                return
            } catch {
                if Task.isCancelled { return }
                failures += 1
                self.logger.debug("watch ended; watching again", metadata: ["error": "\(error)"])
                await Self.pause(failures: failures)
            }
        }
    }

    /// Lists everything and reconciles the cache with it; returns the list's resourceVersion.
    private func relist() async throws(KubeAPIError) -> String {
        self.counters.withLock { $0.lists += 1 }
        var options = self.selector
        options.limit = 500
        // Page by page, each page's text dropped before the next is read, so that the cache's peak memory is
        // its packed objects plus one page.
        var page = try await self.client.listPage(Object.self, namespace: self.namespace, options: options)
        let resourceVersion = page.resourceVersion
        var seen = Set<ObjectKey>()
        while true {
            for item in page.items {
                let object = item.packed()
                let key = ObjectKey(object)
                seen.insert(key)
                let previous = self.store.upsert(object)
                if let previous {
                    if previous.metadata.resourceVersion != object.metadata.resourceVersion {
                        await self.deliver(.updated(old: previous, new: object))
                    }
                } else {
                    await self.deliver(.added(object))
                }
            }
            guard let token = page.continueToken else { break }
            options.continueToken = token
            options.resourceVersion = nil
            page.items = []  // release this page before the next one arrives
            page = try await self.client.listPage(Object.self, namespace: self.namespace, options: options)
        }
        for key in self.store.keys().subtracting(seen) {
            if let removed = self.store.remove(key) { await self.deliver(.deleted(removed)) }
        }
        self.markSynced()
        return resourceVersion
    }

    private func apply(_ event: WatchEvent<Object>) async {
        switch event.type {
        case .added, .modified:
            let object = event.object.packed()
            let previous = self.store.upsert(object)
            if let previous {
                await self.deliver(.updated(old: previous, new: object))
            } else {
                await self.deliver(.added(object))
            }
        case .deleted:
            let removed = self.store.remove(ObjectKey(event.object))
            await self.deliver(.deleted(removed.map { _ in event.object } ?? event.object))
        case .bookmark, .error:
            break
        }
    }

    private func resyncLoop(period: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            for object in self.store.list() { await self.deliver(.updated(old: object, new: object)) }
        }
    }

    private func deliver(_ event: InformerEvent<Object>) async {
        let handlers = self.handlers.withLock { $0 }
        for handler in handlers { await handler(event) }
    }

    private func markSynced() {
        let waiters = self.syncState.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.synced = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Backoff between failed attempts: 200 ms doubling to 30 s.
    private static func pause(failures: Int) async {
        let milliseconds = min(30_000, 200 << min(failures - 1, 8))
        try? await Task.sleep(for: .milliseconds(milliseconds))
    }
}
