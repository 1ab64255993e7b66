import Synchronization

/// Stops one pull round from outside: ``run(_:)`` races the round against ``stop()`` and cancels the round when
/// the signal comes first (a worker is a child of the daemon's task group, so it cannot be cancelled by handle).
final class ImagePullStopSignal: Sendable {
    private struct State {
        var stopped = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Whether ``stop()`` was called.
    var isStopped: Bool { self.state.withLock { $0.stopped } }

    /// Stops the round (idempotent).
    func stop() {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.stopped = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Runs `body` until it ends or the signal stops it (then `body`'s task is cancelled and `nil` returned
    /// once it has wound down).
    func run<Result: Sendable>(_ body: @escaping @Sendable () async -> Result) async -> Result? {
        await withTaskGroup(of: Optional<Result>.self) { group in
            group.addTask { await body() }
            group.addTask {
                await self.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return self.isStopped ? nil : first
        }
    }

    /// Returns once stopped, or when the task is cancelled.
    private func wait() async {
        let id = self.state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.state.withLock { state -> Bool in
                    if state.stopped || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
