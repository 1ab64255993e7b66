import KubeClient

/// client-go's default controller rate limiter: the larger of a per-item exponential backoff (5 ms doubling
/// to 1000 s) and an overall token bucket (10 qps, burst 100). Pure: time is an input.
public struct ControllerRateLimiter<Key: Hashable & Sendable>: Sendable {
    public let baseDelay: Double
    public let maximumDelay: Double
    private var failures: [Key: Int] = [:]
    private var bucket: TokenBucket

    /// - Parameters:
    ///   - baseDelay: the first per-item delay in seconds (0.005).
    ///   - maximumDelay: the per-item cap in seconds (1000).
    ///   - qps: the overall bucket's rate (10).
    ///   - burst: the overall bucket's size (100).
    public init(baseDelay: Double = 0.005, maximumDelay: Double = 1000, qps: Double = 10, burst: Int = 100) {
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.bucket = TokenBucket(rate: qps, burst: burst)
    }

    /// The delay before `key` may be processed again after one more failure, at time `now` (seconds).
    public mutating func when(_ key: Key, now: Double) -> Double {
        let count = self.failures[key, default: 0]
        self.failures[key] = count + 1
        // 2^count overflows past ~1000 doublings; cap the exponent well before.
        let exponential = min(self.maximumDelay, self.baseDelay * Double(1 << min(count, 40)))
        let overall = self.bucket.reserve(now: now)
        return max(exponential, overall)
    }

    /// How many times `key` has failed since it was last forgotten.
    public func retries(_ key: Key) -> Int { self.failures[key, default: 0] }

    /// Resets `key`'s backoff after a success.
    public mutating func forget(_ key: Key) {
        self.failures[key] = nil
    }
}
