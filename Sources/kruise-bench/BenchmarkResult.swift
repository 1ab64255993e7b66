import KubeJSON

/// One benchmark figure, printed as one JSON object per line:
/// `{"name": "...", "value": N, "unit": "...", "baseline": N, "ratio": N}`.
struct BenchmarkResult {
    var name: String
    var value: Double
    var unit: String
    /// The same figure for the baseline measured in the same run, where there is one.
    var baseline: Double?

    /// `value / baseline`: for throughputs, how many times faster than the baseline.
    var ratio: Double? { self.baseline.map { self.value / $0 } }

    var jsonLine: String {
        var object: JSONValue = [
            "name": .string(self.name),
            "value": .number(JSONNumber(Self.rounded(self.value))),
            "unit": .string(self.unit),
        ]
        if let baseline = self.baseline, let ratio = self.ratio {
            object["baseline"] = .number(JSONNumber(Self.rounded(baseline)))
            object["ratio"] = .number(JSONNumber(Self.rounded(ratio)))
        }
        return object.serializedString()
    }

    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
