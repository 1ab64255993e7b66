import ControllerRuntime
import Synchronization
import Testing

final class WorkerState: Sendable {
    let inFlight = Mutex<Set<Int>>([])
    let violations = Mutex(0)
    let processed = Mutex(0)
}

@Suite("Work queue")
struct WorkQueueTests {
    @Test func deduplicatesWaitingKeys() async {
        let queue = WorkQueue<String>()
        queue.add("a")
        queue.add("b")
        queue.add("a")
        #expect(queue.count == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
    }

    @Test func aKeyBeingProcessedIsHandedOutAgainOnlyAfterDone() async {
        let queue = WorkQueue<String>()
        queue.add("a")
        let first = await queue.next()
        #expect(first == "a")
        // Re-added while processing: not available to another worker yet.
        queue.add("a")
        #expect(queue.count == 0)
        queue.done("a")
        #expect(queue.count == 1)
        #expect(await queue.next() == "a")
        queue.done("a")
        #expect(queue.count == 0)
    }

    @Test func twoWorkersNeverHoldOneKeyAtOnce() async {
        let queue = WorkQueue<Int>()
        let state = WorkerState()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while let key = await queue.next() {
                        let clash = state.inFlight.withLock { !$0.insert(key).inserted }
                        if clash { state.violations.withLock { $0 += 1 } }
                        await Task.yield()
                        state.inFlight.withLock { _ = $0.remove(key) }
                        state.processed.withLock { $0 += 1 }
                        queue.done(key)
                    }
                }
            }
            for round in 0..<200 { queue.add(round % 5) }
            while queue.count > 0 { await Task.yield() }
            await queue.shutDown(drain: true)
        }
        #expect(state.violations.withLock { $0 } == 0)
        #expect(state.processed.withLock { $0 } >= 5)
    }

    @Test func delayedAddsArriveAfterTheirDelayAndTheEarliestWins() async {
        let queue = WorkQueue<String>()
        let start = ContinuousClock.now
        // If the later deadline won, next() would wait a minute; the bound below leaves room for a loaded
        // machine without timing anything finer.
        queue.add("late", after: .seconds(60))
        queue.add("late", after: .milliseconds(50))
        #expect(queue.count == 0)
        let key = await queue.next()
        #expect(key == "late")
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(50))
        #expect(waited < .seconds(30))
    }

    @Test func shutdownWakesWaitingWorkers() async {
        let queue = WorkQueue<String>()
        async let waiting = queue.next()
        try? await Task.sleep(for: .milliseconds(20))
        await queue.shutDown()
        #expect(await waiting == nil)
        queue.add("ignored")
        #expect(queue.count == 0)
    }

    @Test func rateLimiterIsPerItemExponentialAndOverallTokenBucket() {
        var limiter = ControllerRateLimiter<String>()
        // Per item: 5 ms, 10 ms, 20 ms, ...
        #expect(abs(limiter.when("a", now: 0) - 0.005) < 1e-9)
        #expect(abs(limiter.when("a", now: 0) - 0.010) < 1e-9)
        #expect(abs(limiter.when("a", now: 0) - 0.020) < 1e-9)
        #expect(limiter.retries("a") == 3)
        limiter.forget("a")
        #expect(abs(limiter.when("a", now: 0) - 0.005) < 1e-9)
        // Capped at 1000 s.
        var capped = ControllerRateLimiter<String>()
        var last = 0.0
        for _ in 0..<40 { last = capped.when("x", now: 0) }
        #expect(last == 1000)

        // Overall: 100 fresh keys pass the bucket at once; the 101st waits 1/10 s.
        var bucket = ControllerRateLimiter<Int>()
        for key in 0..<100 { #expect(abs(bucket.when(key, now: 0) - 0.005) < 1e-9) }
        #expect(abs(bucket.when(100, now: 0) - 0.1) < 1e-9)
    }
}
