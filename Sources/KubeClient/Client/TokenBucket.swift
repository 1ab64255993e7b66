/// A token bucket: `rate` tokens per second up to `burst`; each request takes one token, waiting when none
/// is left. Pure arithmetic over caller-supplied instants, so it is tested without a clock.
public struct TokenBucket: Sendable, Hashable {
    public let rate: Double
    public let burst: Int
    /// Tokens available at ``updated`` (negative when requests are queued for future tokens).
    public private(set) var tokens: Double
    /// Seconds (on the caller's clock) at which ``tokens`` was computed.
    public private(set) var updated: Double

    /// A full bucket at time `now`.
    public init(rate: Double, burst: Int, now: Double = 0) {
        self.rate = rate
        self.burst = max(1, burst)
        self.tokens = Double(self.burst)
        self.updated = now
    }

    /// Takes a token at time `now`, returning how many seconds the caller must wait before using it
    /// (0 when a token was available). Waiting callers are served in call order.
    public mutating func reserve(now: Double) -> Double {
        if self.rate <= 0 { return 0 }
        if now > self.updated {
            self.tokens = min(Double(self.burst), self.tokens + (now - self.updated) * self.rate)
            self.updated = now
        }
        self.tokens -= 1
        return self.tokens >= 0 ? 0 : -self.tokens / self.rate
    }
}
