public import KubeModel

/// Ages and durations as kube-apiserver prints them in table cells (`10s`, `5m3s`, `3h`, `2d4h`, `3y12d`).
///
/// The precision shrinks as the duration grows: seconds below two minutes, minutes and seconds below ten
/// minutes, minutes below three hours, hours and minutes below eight hours, hours below two days, days and
/// hours below eight days, days below two years, years and days below eight years, then years. A duration a
/// little below zero (clock skew under two seconds) prints as `0s`; one further below as `<invalid>`.
public enum HumanDuration {
    /// The text for `duration`.
    public static func format(_ duration: Duration) -> String {
        let (wholeSeconds, attoseconds) = duration.components
        let nanoseconds = wholeSeconds.multipliedReportingOverflow(by: 1_000_000_000)
        let total: Int64 = nanoseconds.overflow ? (wholeSeconds < 0 ? .min : .max) : nanoseconds.partialValue &+ attoseconds / 1_000_000_000
        return Self.format(nanoseconds: total)
    }

    /// The age of something created at `time`, seen at `now`; `<unknown>` when there is no time.
    public static func age(of time: KubeTime?, now: KubeTime) -> String {
        guard let time else { return "<unknown>" }
        return Self.format(now.duration(since: time))
    }

    /// The text for a duration of `nanoseconds`.
    static func format(nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let remainder = seconds % 60
            return remainder == 0 ? "\(minutes)m" : "\(minutes)m\(remainder)s"
        }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 {
            let remainder = minutes % 60
            return remainder == 0 ? "\(hours)h" : "\(hours)h\(remainder)m"
        }
        if hours < 48 { return "\(hours)h" }
        let days = hours / 24
        if hours < 24 * 8 {
            let remainder = hours % 24
            return remainder == 0 ? "\(days)d" : "\(days)d\(remainder)h"
        }
        if days < 365 * 2 { return "\(days)d" }
        let years = days / 365
        if years < 8 {
            let remainder = days % 365
            return remainder == 0 ? "\(years)y" : "\(years)y\(remainder)d"
        }
        return "\(years)y"
    }
}
