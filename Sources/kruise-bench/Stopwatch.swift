/// Times closures with the monotonic clock and keeps the fastest of several runs: on a shared machine the
/// minimum is the figure least disturbed by other work.
enum Stopwatch {
    /// Runs `baseline` and `candidate` alternately, `runs` times each, so that both see the same background
    /// load, and returns the fastest time of each, in seconds.
    static func paired(
        runs: Int,
        _ baseline: () throws -> Void,
        _ candidate: () throws -> Void
    ) rethrows -> (baseline: Double, candidate: Double) {
        let clock = ContinuousClock()
        var bestBaseline = Double.infinity
        var bestCandidate = Double.infinity
        for _ in 0..<runs {
            bestBaseline = min(bestBaseline, Self.seconds(try clock.measure(baseline)))
            bestCandidate = min(bestCandidate, Self.seconds(try clock.measure(candidate)))
        }
        return (bestBaseline, bestCandidate)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
