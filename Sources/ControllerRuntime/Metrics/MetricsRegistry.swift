import Synchronization

/// The process's metrics, rendered in the Prometheus text exposition format (version 0.0.4) for `/metrics`.
///
/// Metric families are registered by name on first use; each handle (``Counter``, ``Gauge``,
/// ``Histogram``) is one label combination. Updates take a lock and are cheap enough for every request.
public final class MetricsRegistry: Sendable {
    private struct Family {
        var help: String
        var type: String
        var series: [String: MetricCell]
        var order: [String]
    }

    private struct State {
        var families: [String: Family] = [:]
        var order: [String] = []
    }

    private let state: Mutex<State> = Mutex(State())

    public init() {}

    /// A counter series (created on first use).
    public func counter(_ name: String, help: String, labels: [(String, String)] = []) -> Counter {
        Counter(cell: self.cell(name, help: help, type: "counter", labels: labels, buckets: []))
    }

    /// A gauge series (created on first use).
    public func gauge(_ name: String, help: String, labels: [(String, String)] = []) -> Gauge {
        Gauge(cell: self.cell(name, help: help, type: "gauge", labels: labels, buckets: []))
    }

    /// A histogram series with the given upper bounds in seconds (created on first use).
    public func histogram(
        _ name: String,
        help: String,
        labels: [(String, String)] = [],
        buckets: [Double] = Histogram.defaultBuckets
    ) -> Histogram {
        Histogram(cell: self.cell(name, help: help, type: "histogram", labels: labels, buckets: buckets))
    }

    /// The exposition text.
    public func render() -> String {
        let state = self.state.withLock { $0 }
        var out = ""
        for name in state.order {
            guard let family = state.families[name] else { continue }
            out += "# HELP \(name) \(family.help)\n# TYPE \(name) \(family.type)\n"
            for key in family.order {
                guard let cell = family.series[key] else { continue }
                let reading = cell.read()
                let braces = key.isEmpty ? "" : "{\(key)}"
                if family.type != "histogram" {
                    out += "\(name)\(braces) \(Self.format(reading.sum))\n"
                    continue
                }
                var cumulative: UInt64 = 0
                for (index, bound) in cell.buckets.enumerated() {
                    cumulative += reading.counts[index]
                    let labels = (key.isEmpty ? "" : key + ",") + "le=\"\(Self.format(bound))\""
                    out += "\(name)_bucket{\(labels)} \(cumulative)\n"
                }
                out += "\(name)_bucket{\((key.isEmpty ? "" : key + ","))le=\"+Inf\"} \(reading.count)\n"
                out += "\(name)_sum\(braces) \(Self.format(reading.sum))\n"
                out += "\(name)_count\(braces) \(reading.count)\n"
            }
        }
        return out
    }

    private func cell(_ name: String, help: String, type: String, labels: [(String, String)], buckets: [Double]) -> MetricCell {
        let key = Self.labelText(labels)
        return self.state.withLock { state in
            if state.families[name] == nil {
                state.families[name] = Family(help: help, type: type, series: [:], order: [])
                state.order.append(name)
            }
            if let existing = state.families[name]!.series[key] { return existing }
            let created = MetricCell(buckets: buckets)
            state.families[name]!.series[key] = created
            state.families[name]!.order.append(key)
            return created
        }
    }

    static func labelText(_ labels: [(String, String)]) -> String {
        labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
    }

    private static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// One series: a value (counters, gauges) or histogram buckets.
final class MetricCell: Sendable {
    struct Reading {
        /// The value of a counter or gauge; the sum of a histogram.
        var sum: Double = 0
        var count: UInt64 = 0
        var counts: [UInt64]
    }

    let buckets: [Double]
    private let state: Mutex<Reading>

    init(buckets: [Double]) {
        self.buckets = buckets
        self.state = Mutex(Reading(counts: Array(repeating: 0, count: buckets.count)))
    }

    func read() -> Reading { self.state.withLock { $0 } }

    func add(_ delta: Double) { self.state.withLock { $0.sum += delta } }

    func set(_ value: Double) { self.state.withLock { $0.sum = value } }

    func observe(_ value: Double) {
        let index = self.buckets.firstIndex { value <= $0 }
        self.state.withLock { reading in
            reading.sum += value
            reading.count += 1
            if let index { reading.counts[index] += 1 }
        }
    }
}

/// A monotonically increasing count.
public struct Counter: Sendable {
    let cell: MetricCell
    public func increment(by delta: Double = 1) { self.cell.add(delta) }
}

/// A value that goes up and down.
public struct Gauge: Sendable {
    let cell: MetricCell
    public func set(_ value: Double) { self.cell.set(value) }
    public func add(_ delta: Double) { self.cell.add(delta) }
}

/// A distribution of durations or sizes.
public struct Histogram: Sendable {
    let cell: MetricCell
    /// Prometheus client_golang's default buckets (seconds).
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    public func observe(_ value: Double) { self.cell.observe(value) }
    public func observe(_ duration: Duration) {
        self.cell.observe(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
