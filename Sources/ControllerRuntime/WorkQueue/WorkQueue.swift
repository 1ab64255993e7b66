import DequeModule
import Synchronization

/// A rate-limited, delaying work queue with client-go's guarantees:
/// - a key waiting in the queue is held once however often it is added (de-duplication);
/// - a key is handed to one worker at a time: re-added while being processed, it is queued again only
///   when that worker calls ``done(_:)`` (per-key exclusivity);
/// - ``addRateLimited(_:)`` delays a key by the larger of its exponential backoff and the overall token
///   bucket; ``forget(_:)`` resets its backoff;
/// - ``shutDown(drain:)`` wakes every waiting worker; with `drain` it first lets in-flight keys finish.
///
/// A `Mutex` guards it rather than an actor: informers add keys from their event loop, and an actor hop
/// per key queued that loop behind every other task of a busy process (a 1,000-pod rollout has hundreds of
/// writes in flight), so caches fell seconds behind the server. Adding a key never suspends; only a worker
/// waiting for one does.
public final class WorkQueue<Key: Hashable & Sendable>: Sendable {
    private struct State: Sendable {
        var queue: Deque<Key> = []
        var dirty: Set<Key> = []
        var processing: Set<Key> = []
        var waitingUntil: [Key: ContinuousClock.Instant] = [:]
        var waiters: Deque<CheckedContinuation<Key?, Never>> = []
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        var isShuttingDown = false
        var rateLimiter: ControllerRateLimiter<Key>
        var addedAt: [Key: ContinuousClock.Instant] = [:]
        var startedAt: [Key: ContinuousClock.Instant] = [:]
    }

    /// What to do once the lock is released: hand a key to a waiting worker.
    private typealias Handoff = (waiter: CheckedContinuation<Key?, Never>, key: Key)

    private let state: Mutex<State>
    private let start = ContinuousClock.now
    private let metrics: WorkQueueMetrics?

    public init(rateLimiter: ControllerRateLimiter<Key> = ControllerRateLimiter(), metrics: WorkQueueMetrics? = nil) {
        self.state = Mutex(State(rateLimiter: rateLimiter))
        self.metrics = metrics
    }

    /// Number of keys waiting to be processed (not counting delayed ones).
    public var count: Int { self.state.withLock { $0.queue.count } }

    /// `true` once ``shutDown(drain:)`` was called.
    public var shuttingDown: Bool { self.state.withLock { $0.isShuttingDown } }

    /// Queues `key` unless it is already waiting.
    public func add(_ key: Key) {
        let handoff = self.state.withLock { self.add(key, in: &$0) }
        if let handoff { handoff.waiter.resume(returning: handoff.key) }
    }

    private func add(_ key: Key, in state: inout State) -> Handoff? {
        if state.isShuttingDown || state.dirty.contains(key) { return nil }
        self.metrics?.adds.increment()
        state.dirty.insert(key)
        state.addedAt[key] = ContinuousClock.now
        if state.processing.contains(key) { return nil }
        if let waiter = state.waiters.popFirst() {
            self.begin(key, in: &state)
            return (waiter, key)
        }
        state.queue.append(key)
        self.metrics?.depth.set(Double(state.queue.count))
        return nil
    }

    /// Queues `key` after `delay`; an earlier pending delay for the same key wins.
    public func add(_ key: Key, after delay: Duration) {
        if delay <= .zero {
            self.add(key)
            return
        }
        let deadline = ContinuousClock.now + delay
        let schedule = self.state.withLock { state -> Bool in
            if state.isShuttingDown { return false }
            if let existing = state.waitingUntil[key], existing <= deadline { return false }
            state.waitingUntil[key] = deadline
            return true
        }
        guard schedule else { return }
        Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            self?.fire(key, deadline: deadline)
        }
    }

    private func fire(_ key: Key, deadline: ContinuousClock.Instant) {
        let handoff = self.state.withLock { state -> Handoff? in
            guard state.waitingUntil[key] == deadline else { return nil }
            state.waitingUntil[key] = nil
            return self.add(key, in: &state)
        }
        if let handoff { handoff.waiter.resume(returning: handoff.key) }
    }

    /// Queues `key` after its rate-limited delay (one more failure).
    public func addRateLimited(_ key: Key) {
        let elapsed = ContinuousClock.now - self.start
        let now = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let delay = self.state.withLock { $0.rateLimiter.when(key, now: now) }
        self.metrics?.retries.increment()
        self.add(key, after: .milliseconds(Int64(delay * 1000)))
    }

    /// Resets `key`'s failure count.
    public func forget(_ key: Key) {
        self.state.withLock { $0.rateLimiter.forget(key) }
    }

    /// How often `key` was re-queued by ``addRateLimited(_:)`` since it was last forgotten.
    public func retries(_ key: Key) -> Int { self.state.withLock { $0.rateLimiter.retries(key) } }

    /// The next key to process; waits while the queue is empty; `nil` once the queue shuts down.
    public func next() async -> Key? {
        await withCheckedContinuation { continuation in
            // `.some(key)`: answer now (`nil` once shut down); `.none`: wait for an add.
            let answer = self.state.withLock { state -> Key?? in
                if let key = state.queue.popFirst() {
                    self.metrics?.depth.set(Double(state.queue.count))
                    self.begin(key, in: &state)
                    return .some(key)
                }
                if state.isShuttingDown { return .some(nil) }
                state.waiters.append(continuation)
                return .none
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    /// Marks `key` processed; if it was added meanwhile it is queued again.
    public func done(_ key: Key) {
        let (handoff, drained) = self.state.withLock { state -> (Handoff?, [CheckedContinuation<Void, Never>]) in
            state.processing.remove(key)
            if let started = state.startedAt.removeValue(forKey: key) {
                self.metrics?.workDuration.observe(ContinuousClock.now - started)
            }
            var handoff: Handoff?
            if state.dirty.contains(key) {
                if let waiter = state.waiters.popFirst() {
                    self.begin(key, in: &state)
                    handoff = (waiter, key)
                } else {
                    state.queue.append(key)
                    self.metrics?.depth.set(Double(state.queue.count))
                }
            }
            var drained: [CheckedContinuation<Void, Never>] = []
            if state.isShuttingDown && state.processing.isEmpty {
                drained = state.drainWaiters
                state.drainWaiters.removeAll()
            }
            return (handoff, drained)
        }
        if let handoff { handoff.waiter.resume(returning: handoff.key) }
        for waiter in drained { waiter.resume() }
    }

    /// Stops handing out keys. With `drain`, returns once every key being processed is done.
    public func shutDown(drain: Bool = false) async {
        let waiters = self.state.withLock { state -> Deque<CheckedContinuation<Key?, Never>> in
            state.isShuttingDown = true
            state.waitingUntil.removeAll()
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
        guard drain else { return }
        await withCheckedContinuation { continuation in
            let finished = self.state.withLock { state -> Bool in
                if state.processing.isEmpty { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }

    private func begin(_ key: Key, in state: inout State) {
        state.dirty.remove(key)
        state.processing.insert(key)
        let now = ContinuousClock.now
        if let added = state.addedAt.removeValue(forKey: key) { self.metrics?.queueDuration.observe(now - added) }
        state.startedAt[key] = now
    }
}
