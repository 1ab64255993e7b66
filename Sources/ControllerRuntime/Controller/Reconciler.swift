/// What a reconcile asks of its queue afterwards.
public struct ReconcileResult: Sendable, Hashable {
    /// Process the key again after this delay (minReadySeconds, progress deadlines, polling).
    public var requeueAfter: Duration?

    public init(requeueAfter: Duration? = nil) {
        self.requeueAfter = requeueAfter
    }

    /// Nothing more to do until the next event.
    public static let done = ReconcileResult()
}

/// Brings one object's world in line with its spec. Level-triggered and idempotent: it reads the current
/// state (from caches), acts, and may be called again at any time for the same key. A thrown error
/// re-queues the key with backoff.
public protocol Reconciler: Sendable {
    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult
}
