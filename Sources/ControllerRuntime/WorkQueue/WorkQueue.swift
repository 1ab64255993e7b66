import DequeModule

/// A rate-limited, delaying work queue with client-go's guarantees:
/// - a key waiting in the queue is held once however often it is added (de-duplication);
/// - a key is handed to one worker at a time: re-added while being processed, it is queued again only
///   when that worker calls ``done(_:)`` (per-key exclusivity);
/// - ``addRateLimited(_:)`` delays a key by the larger of its exponential backoff and the overall token
///   bucket; ``forget(_:)`` resets its backoff;
/// - ``shutDown(drain:)`` wakes every waiting worker; with `drain` it first lets in-flight keys finish.
public actor WorkQueue<Key: Hashable & Sendable> {
    private var queue: Deque<Key> = []
    private var dirty: Set<Key> = []
    private var processing: Set<Key> = []
    private var waitingUntil: [Key: ContinuousClock.Instant] = [:]
    private var waiters: Deque<CheckedContinuation<Key?, Never>> = []
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    private var isShuttingDown = false
    private var rateLimiter: ControllerRateLimiter<Key>
    private let start = ContinuousClock.now
    private let metrics: WorkQueueMetrics?
    private var addedAt: [Key: ContinuousClock.Instant] = [:]
    private var startedAt: [Key: ContinuousClock.Instant] = [:]

    public init(rateLimiter: ControllerRateLimiter<Key> = ControllerRateLimiter(), metrics: WorkQueueMetrics? = nil) {
        self.rateLimiter = rateLimiter
        self.metrics = metrics
    }

    /// Number of keys waiting to be processed (not counting delayed ones).
    public var count: Int { self.queue.count }

    /// `true` once ``shutDown(drain:)`` was called.
    public var shuttingDown: Bool { self.isShuttingDown }

    /// Queues `key` unless it is already waiting.
    public func add(_ key: Key) {
        if self.isShuttingDown || self.dirty.contains(key) { return }
        self.metrics?.adds.increment()
        self.dirty.insert(key)
        self.addedAt[key] = ContinuousClock.now
        if self.processing.contains(key) { return }
        if let waiter = self.waiters.popFirst() {
            self.hand(key, to: waiter)
        } else {
            self.queue.append(key)
            self.metrics?.depth.set(Double(self.queue.count))
        }
    }

    /// Queues `key` after `delay`; an earlier pending delay for the same key wins.
    public func add(_ key: Key, after delay: Duration) {
        if self.isShuttingDown { return }
        if delay <= .zero {
            self.add(key)
            return
        }
        let deadline = ContinuousClock.now + delay
        if let existing = self.waitingUntil[key], existing <= deadline { return }
        self.waitingUntil[key] = deadline
        Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.fire(key, deadline: deadline)
        }
    }

    private func fire(_ key: Key, deadline: ContinuousClock.Instant) {
        guard self.waitingUntil[key] == deadline else { return }
        self.waitingUntil[key] = nil
        self.add(key)
    }

    /// Queues `key` after its rate-limited delay (one more failure).
    public func addRateLimited(_ key: Key) {
        let elapsed = ContinuousClock.now - self.start
        let now = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let delay = self.rateLimiter.when(key, now: now)
        self.metrics?.retries.increment()
        self.add(key, after: .milliseconds(Int64(delay * 1000)))
    }

    /// Resets `key`'s failure count.
    public func forget(_ key: Key) {
        self.rateLimiter.forget(key)
    }

    /// How often `key` was re-queued by ``addRateLimited(_:)`` since it was last forgotten.
    public func retries(_ key: Key) -> Int { self.rateLimiter.retries(key) }

    /// The next key to process; waits while the queue is empty; `nil` once the queue shuts down.
    public func next() async -> Key? {
        if let key = self.queue.popFirst() {
            self.metrics?.depth.set(Double(self.queue.count))
            self.begin(key)
            return key
        }
        if self.isShuttingDown { return nil }
        return await withCheckedContinuation { continuation in
            self.waiters.append(continuation)
        }
    }

    /// Marks `key` processed; if it was added meanwhile it is queued again.
    public func done(_ key: Key) {
        self.processing.remove(key)
        if let started = self.startedAt.removeValue(forKey: key) {
            self.metrics?.workDuration.observe(ContinuousClock.now - started)
        }
        if self.dirty.contains(key) {
            if let waiter = self.waiters.popFirst() {
                self.hand(key, to: waiter)
            } else {
                self.queue.append(key)
                self.metrics?.depth.set(Double(self.queue.count))
            }
        }
        if self.isShuttingDown && self.processing.isEmpty {
            for waiter in self.drainWaiters { waiter.resume() }
            self.drainWaiters.removeAll()
        }
    }

    /// Stops handing out keys. With `drain`, returns once every key being processed is done.
    public func shutDown(drain: Bool = false) async {
        self.isShuttingDown = true
        for waiter in self.waiters { waiter.resume(returning: nil) }
        self.waiters.removeAll()
        self.waitingUntil.removeAll()
        if drain && !self.processing.isEmpty {
            await withCheckedContinuation { continuation in self.drainWaiters.append(continuation) }
        }
    }

    private func hand(_ key: Key, to waiter: CheckedContinuation<Key?, Never>) {
        self.begin(key)
        waiter.resume(returning: key)
    }

    private func begin(_ key: Key) {
        self.dirty.remove(key)
        self.processing.insert(key)
        let now = ContinuousClock.now
        if let added = self.addedAt.removeValue(forKey: key) { self.metrics?.queueDuration.observe(now - added) }
        self.startedAt[key] = now
    }
}
