/// Times a closure with the monotonic clock and keeps the fastest of several runs: on a shared machine
/// the minimum is the figure least disturbed by other work.
enum Stopwatch {
    /// The fastest of `runs` runs of `body`, in seconds.
    static func best(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<runs {
            let elapsed = try clock.measure(body)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        return best
    }
}
