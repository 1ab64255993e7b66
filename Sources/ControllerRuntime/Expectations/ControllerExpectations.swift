import Synchronization

/// Kubernetes' `ControllerExpectations`: how many creations and deletions an owner still expects to see in
/// its cache. Counts (not names) because pods made with `generateName` are only named by the server, and
/// the informer may deliver the new pod before the create call returns.
///
/// The protocol: raise the expectation before the API calls (``expect(_:creations:deletions:)``), lower it
/// for each call that failed (``lower(_:creations:deletions:)``), and let the informer's handlers call
/// ``creationObserved(_:)`` / ``deletionObserved(_:)``. An owner whose expectations are not met does not act
/// on its cache, unless they are older than ``timeout`` (leak recovery).
public final class ControllerExpectations: Sendable {
    private struct Counts {
        var creations: Int
        var deletions: Int
        var since: ContinuousClock.Instant
        var isMet: Bool { self.creations <= 0 && self.deletions <= 0 }
    }

    public let timeout: Duration
    private let counts: Mutex<[ObjectKey: Counts]> = Mutex([:])

    public init(timeout: Duration = .seconds(300)) {
        self.timeout = timeout
    }

    /// Expects `creations` new and `deletions` removed children of `owner` (added to what is pending).
    public func expect(_ owner: ObjectKey, creations: Int = 0, deletions: Int = 0, now: ContinuousClock.Instant = .now) {
        guard creations > 0 || deletions > 0 else { return }
        self.counts.withLock { counts in
            var entry = counts[owner] ?? Counts(creations: 0, deletions: 0, since: now)
            if entry.isMet { entry.since = now }
            entry.creations = max(0, entry.creations) + creations
            entry.deletions = max(0, entry.deletions) + deletions
            counts[owner] = entry
        }
    }

    /// Takes back expectations for calls that failed (they will never be observed).
    public func lower(_ owner: ObjectKey, creations: Int = 0, deletions: Int = 0) {
        self.counts.withLock { counts in
            counts[owner]?.creations -= creations
            counts[owner]?.deletions -= deletions
        }
    }

    /// The cache showed a new child of `owner`.
    public func creationObserved(_ owner: ObjectKey) {
        self.counts.withLock { $0[owner]?.creations -= 1 }
    }

    /// The cache showed a child of `owner` go (or start terminating).
    public func deletionObserved(_ owner: ObjectKey) {
        self.counts.withLock { $0[owner]?.deletions -= 1 }
    }

    /// `true` when every expected change was observed, or the expectations timed out (and were dropped).
    public func isSatisfied(_ owner: ObjectKey, now: ContinuousClock.Instant = .now) -> Bool {
        self.counts.withLock { counts in
            guard let entry = counts[owner] else { return true }
            if entry.isMet || now - entry.since >= self.timeout {
                counts[owner] = nil
                return true
            }
            return false
        }
    }

    /// Forgets `owner` (it was deleted).
    public func delete(_ owner: ObjectKey) {
        self.counts.withLock { $0[owner] = nil }
    }
}
