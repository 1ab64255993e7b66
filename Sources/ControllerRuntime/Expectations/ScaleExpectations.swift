import Synchronization

/// Which kind of child change a controller waits to observe.
public enum ScaleAction: Sendable, Hashable {
    case create
    case delete
}

/// What a controller has asked the API server to create or delete and not yet seen in its cache (Kruise's
/// `ScaleExpectations`). A controller whose expectations are unsatisfied must not scale again: its cache
/// is behind its own writes, and acting on it would duplicate or over-delete pods.
///
/// Expectations older than ``timeout`` are dropped (leak recovery: a create whose pod never appears, say
/// because a webhook rejected it after the API call timed out, must not block the owner forever).
public final class ScaleExpectations: Sendable {
    private struct Pending {
        var names: [ScaleAction: Set<String>] = [:]
        var since: ContinuousClock.Instant
    }

    /// How long an unsatisfied expectation blocks its owner (Kruise and kube use 5 minutes).
    public let timeout: Duration
    private let pending: Mutex<[ObjectKey: Pending]> = Mutex([:])

    public init(timeout: Duration = .seconds(300)) {
        self.timeout = timeout
    }

    /// Records that `owner` created or deleted the child `name`.
    public func expect(_ owner: ObjectKey, _ action: ScaleAction, name: String, now: ContinuousClock.Instant = .now) {
        self.pending.withLock { pending in
            var entry = pending[owner] ?? Pending(since: now)
            if entry.names.values.allSatisfy(\.isEmpty) { entry.since = now }
            entry.names[action, default: []].insert(name)
            pending[owner] = entry
        }
    }

    /// Records that the cache now shows the change (the child appeared, or disappeared).
    public func observe(_ owner: ObjectKey, _ action: ScaleAction, name: String) {
        self.pending.withLock { pending in
            guard var entry = pending[owner] else { return }
            entry.names[action]?.remove(name)
            if entry.names.values.allSatisfy(\.isEmpty) {
                pending[owner] = nil
            } else {
                pending[owner] = entry
            }
        }
    }

    /// `true` when nothing is pending for `owner`, or what is pending has timed out (then it is dropped).
    public func isSatisfied(_ owner: ObjectKey, now: ContinuousClock.Instant = .now) -> Bool {
        self.pending.withLock { pending in
            guard let entry = pending[owner] else { return true }
            if entry.names.values.allSatisfy(\.isEmpty) { return true }
            if now - entry.since >= self.timeout {
                pending[owner] = nil
                return true
            }
            return false
        }
    }

    /// The names still pending for `owner`.
    public func pendingNames(_ owner: ObjectKey, _ action: ScaleAction) -> Set<String> {
        self.pending.withLock { $0[owner]?.names[action] ?? [] }
    }

    /// Forgets `owner` (it was deleted).
    public func delete(_ owner: ObjectKey) {
        self.pending.withLock { $0[owner] = nil }
    }
}
