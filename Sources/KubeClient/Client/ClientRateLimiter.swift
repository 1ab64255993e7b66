import Synchronization

/// Client-side rate limiting shared by every request of one client (client-go's QPS/burst).
final class ClientRateLimiter: Sendable {
    private let bucket: Mutex<TokenBucket>
    private let start = ContinuousClock.now

    init(qps: Double, burst: Int) {
        self.bucket = Mutex(TokenBucket(rate: qps, burst: burst))
    }

    /// Waits for a token.
    func acquire() async throws {
        let now = self.seconds(since: self.start)
        let wait = self.bucket.withLock { $0.reserve(now: now) }
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int64(wait * 1000) + 1)) }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
