import Synchronization

/// The concurrent-pull limit of one node (upstream HEAD's worker pool of `--max-workers-for-pull-image`):
/// pulls beyond it wait, first come first served. A limit of zero or less means no limit.
///
/// A `Mutex` guards the state, so ``release()`` and the cancellation of a waiter are synchronous and safe from
/// any thread.
public final class ImagePullSlots: Sendable {
    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var inUse = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
        /// Waiters whose task was cancelled before they queued: they give up as soon as they try.
        var cancelledEarly: Set<UInt64> = []
        /// Waiters not yet granted a slot nor given up (a cancellation after the grant leaves nothing behind).
        var pending: Set<UInt64> = []
    }

    /// The most pulls at once; `nil` for no limit.
    public let limit: Int?
    private let state = Mutex(State())

    /// Slots for `limit` pulls at once (zero or negative: unlimited).
    public init(limit: Int) {
        self.limit = limit > 0 ? limit : nil
    }

    /// Slots taken.
    public var inUse: Int { self.state.withLock { $0.inUse } }

    /// Pulls waiting for a slot.
    public var waiting: Int { self.state.withLock { $0.waiters.count } }

    /// Takes a slot if one is free at once.
    public func tryAcquire() -> Bool {
        self.state.withLock { state in
            guard state.waiters.isEmpty, self.hasRoom(state) else { return false }
            state.inUse += 1
            return true
        }
    }

    /// Waits for a slot; `false` when the task was cancelled first (then no slot is held).
    public func acquire() async -> Bool {
        let id = self.state.withLock { state -> UInt64 in
            state.nextID += 1
            state.pending.insert(state.nextID)
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate = self.state.withLock { state -> Bool? in
                    if state.cancelledEarly.remove(id) != nil {
                        state.pending.remove(id)
                        return false
                    }
                    if state.waiters.isEmpty, self.hasRoom(state) {
                        state.pending.remove(id)
                        state.inUse += 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = self.state.withLock { state -> Waiter? in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    state.pending.remove(id)
                    return state.waiters.remove(at: index)
                }
                // Not queued yet: leave a note so it gives up when it gets there (unless it was already granted).
                if state.pending.contains(id) { state.cancelledEarly.insert(id) }
                return nil
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// Gives a slot back; the longest waiter gets it.
    public func release() {
        let next = self.state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.inUse = max(0, state.inUse - 1)
                return nil
            }
            // The slot passes straight to the waiter: `inUse` stays the same.
            let waiter = state.waiters.removeFirst()
            state.pending.remove(waiter.id)
            return waiter
        }
        next?.continuation.resume(returning: true)
    }

    private func hasRoom(_ state: State) -> Bool {
        guard let limit = self.limit else { return true }
        return state.inUse < limit
    }
}
