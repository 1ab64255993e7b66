/// Several rounds of one benchmark summarised: each figure's median over the rounds (its baseline's median
/// too), with the spread of the per-round ratios in the unit. On a shared 2-core machine one round's ratio moves
/// by ±10% between runs; the median of three or five is what to compare against a target.
enum BenchmarkRounds {
    /// The figures of `rounds` (each round's results, the same names in each) by median; one round is returned
    /// as it is.
    static func summarised(_ rounds: [[BenchmarkResult]]) -> [BenchmarkResult] {
        guard rounds.count > 1, let first = rounds.first else { return rounds.first ?? [] }
        return first.map { template in
            let figures = rounds.compactMap { round in round.first { $0.name == template.name } }
            var result = template
            result.value = Self.median(figures.map(\.value))
            let baselines = figures.compactMap(\.baseline)
            if baselines.count == figures.count, !baselines.isEmpty {
                result.baseline = Self.median(baselines)
                let ratios = figures.compactMap(\.ratio).sorted()
                if let low = ratios.first, let high = ratios.last {
                    result.unit += "; median of \(figures.count) rounds, ratios \(Self.format(low))–\(Self.format(high))"
                }
            } else {
                let values = figures.map(\.value).sorted()
                if let low = values.first, let high = values.last {
                    result.unit += "; median of \(figures.count) rounds, \(Self.format(low))–\(Self.format(high))"
                }
            }
            return result
        }
    }

    /// The median of `values` (the mean of the middle two for an even count); 0 for none.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return "\(rounded)"
    }
}
