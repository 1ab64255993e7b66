/// The wait between two failed attempts of one pull round: `base` after the first failure, doubling up to
/// `cap` (upstream: 1 s to 30 s). Injectable so tests do not wait for real.
public struct ImagePullBackoff: Sendable, Hashable {
    /// The first wait.
    public var base: Duration
    /// The longest wait.
    public var cap: Duration

    /// A backoff from `base` doubling to `cap`.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(30)) {
        self.base = base
        self.cap = cap
    }

    /// The wait after the `failures`-th failed attempt in a row (1 for the first).
    public func delay(afterFailures failures: Int) -> Duration {
        var delay = self.base
        var remaining = max(0, failures - 1)
        while remaining > 0 && delay < self.cap {
            delay *= 2
            remaining -= 1
        }
        return min(delay, self.cap)
    }
}
