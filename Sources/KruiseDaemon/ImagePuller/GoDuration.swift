/// Formats a duration as Go's `time.Duration.String` does (`1.5s`, `2m3.25s`, `150ms`, `0s`): the pull events
/// keep upstream's wording.
enum GoDuration {
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return "\(seconds)s" }
        nanoseconds.partialValue += attoseconds / 1_000_000_000
        var total = nanoseconds.partialValue
        if total == 0 { return "0s" }
        let sign = total < 0 ? "-" : ""
        total = total.magnitude > Int64.max.magnitude ? Int64.max : abs(total)
        if total < 1_000 { return "\(sign)\(total)ns" }
        if total < 1_000_000 { return sign + Self.decimal(total, unit: 1_000, digits: 3) + "µs" }
        if total < 1_000_000_000 { return sign + Self.decimal(total, unit: 1_000_000, digits: 6) + "ms" }
        let hours = total / 3_600_000_000_000
        let minutes = total / 60_000_000_000 % 60
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + Self.decimal(total % 60_000_000_000, unit: 1_000_000_000, digits: 9) + "s"
    }

    /// `value / unit` with the fraction's trailing zeros dropped (`1500, 1000` → `1.5`).
    private static func decimal(_ value: Int64, unit: Int64, digits: Int) -> String {
        let whole = value / unit
        let fraction = value % unit
        guard fraction > 0 else { return "\(whole)" }
        var text = String(fraction)
        text = String(repeating: "0", count: digits - text.count) + text
        while text.hasSuffix("0") { text.removeLast() }
        return "\(whole).\(text)"
    }
}
