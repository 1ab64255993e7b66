public import KubeJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant, as Kubernetes `metav1.Time`: seconds and nanoseconds since the Unix epoch (UTC).
///
/// The JSON form is an RFC 3339 string in UTC with whole seconds, `2006-01-02T15:04:05Z`, as `metav1.Time`
/// marshals; parsing accepts any RFC 3339 offset (`Z`, `+02:00`, `-07:30`) and fractional seconds, which are
/// kept in memory. `null` is not a `KubeTime`: optional fields decode `null` as `nil`.
public struct KubeTime: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    public private(set) var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public private(set) var nanoseconds: Int64

    /// The instant `seconds` + `nanoseconds` after the epoch; nanoseconds out of range carry into seconds.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let (carry, remainder) = Self.floorDivision(nanoseconds, 1_000_000_000)
        self.seconds = seconds + carry
        self.nanoseconds = remainder
    }

    /// The current wall-clock time (`CLOCK_REALTIME`).
    public static func now() -> KubeTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return KubeTime(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }

    /// The Unix epoch, 1970-01-01T00:00:00Z.
    public static var epoch: KubeTime { KubeTime(seconds: 0) }

    /// Parses an RFC 3339 timestamp (Go's `time.Parse(time.RFC3339, text)`).
    /// - Throws: ``FieldError`` naming what is wrong with the text.
    public init(parsing text: String) throws(FieldError) {
        let (seconds, nanoseconds) = try Self.parseRFC3339(text, layout: "2006-01-02T15:04:05Z07:00")
        self.init(seconds: seconds, nanoseconds: nanoseconds)
    }

    /// The same instant without its fraction of a second (as `metav1.Time.Rfc3339Copy`).
    public var truncatedToSeconds: KubeTime { KubeTime(seconds: self.seconds) }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> KubeTime {
        KubeTime(seconds: self.seconds + seconds, nanoseconds: self.nanoseconds)
    }

    /// The instant `duration` later (earlier when negative).
    public func adding(_ duration: Duration) -> KubeTime {
        let (wholeSeconds, attoseconds) = duration.components
        return KubeTime(seconds: self.seconds + wholeSeconds, nanoseconds: self.nanoseconds + attoseconds / 1_000_000_000)
    }

    /// The time from `other` to `self` (negative when `other` is later).
    public func duration(since other: KubeTime) -> Duration {
        .seconds(self.seconds - other.seconds) + .nanoseconds(self.nanoseconds - other.nanoseconds)
    }

    public static func < (lhs: KubeTime, rhs: KubeTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// `2006-01-02T15:04:05Z`: UTC, whole seconds (the fraction is dropped, as `metav1.Time` marshals).
    public var rfc3339: String {
        Self.formatRFC3339(seconds: self.seconds, fractionDigits: 0, nanoseconds: 0)
    }
}

extension KubeTime: CustomStringConvertible {
    /// ``rfc3339``.
    public var description: String { self.rfc3339 }
}

extension KubeTime: JSONRepresentable {
    /// Reads an RFC 3339 string.
    public init(json: JSONValue) throws(FieldError) {
        guard case .string(let text) = json else { throw FieldError.wrongType(expected: "string", got: json) }
        try self.init(parsing: text)
    }

    /// The ``rfc3339`` string.
    public var json: JSONValue { .string(self.rfc3339) }
}

// MARK: - RFC 3339 (shared with MicroTime)

extension KubeTime {
    /// `(quotient, remainder)` with the remainder in `0..<divisor`.
    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (`month` 1...12).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        // Count years from March so that the leap day is the last day of the counted year.
        let marchYear = month <= 2 ? year - 1 : year
        let (era, yearOfEra) = floorDivision(marchYear, 400)
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let (era, dayOfEra) = floorDivision(days + 719_468, 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` in UTC; years outside 0...9999 are written as Go writes them
    /// (`-0001`, `10000`).
    static func formatRFC3339(seconds: Int64, fractionDigits: Int, nanoseconds: Int64) -> String {
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = ""
        text.reserveCapacity(32)
        if year < 0 { text.append("-") }
        appendPadded(&text, year.magnitude, width: 4)
        text.append("-")
        appendPadded(&text, month.magnitude, width: 2)
        text.append("-")
        appendPadded(&text, day.magnitude, width: 2)
        text.append("T")
        appendPadded(&text, UInt64(secondOfDay / 3600), width: 2)
        text.append(":")
        appendPadded(&text, UInt64(secondOfDay / 60 % 60), width: 2)
        text.append(":")
        appendPadded(&text, UInt64(secondOfDay % 60), width: 2)
        if fractionDigits > 0 {
            text.append(".")
            var divisor: Int64 = 1_000_000_000
            for _ in 0..<fractionDigits { divisor /= 10 }
            appendPadded(&text, UInt64(nanoseconds / divisor), width: fractionDigits)
        }
        text.append("Z")
        return text
    }

    private static func appendPadded(_ text: inout String, _ value: UInt64, width: Int) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[(.|,)digits](Z|±HH:MM)` strictly, as Go's `time.Parse` does for RFC 3339
    /// (upper-case `T` and `Z`, second 60 rejected, at most nine fraction digits used).
    static func parseRFC3339(_ text: String, layout: String) throws(FieldError) -> (Int64, Int64) {
        let bytes = Array(text.utf8)
        func fail(_ reason: String) -> FieldError {
            FieldError(field: "", message: "parsing time \(goQuote(text)) as \(goQuote(layout)): \(reason)")
        }
        var position = 0
        func number(_ count: Int, _ what: String) throws(FieldError) -> Int64 {
            guard position + count <= bytes.count else { throw fail("cannot parse \(what)") }
            var value: Int64 = 0
            for index in position..<(position + count) {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw fail("cannot parse \(what)") }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }
        func literal(_ expected: Character) throws(FieldError) {
            guard position < bytes.count, bytes[position] == expected.asciiValue else {
                throw fail("expected \(goQuote(String(expected)))")
            }
            position += 1
        }
        let year = try number(4, "year")
        try literal("-")
        let month = try number(2, "month")
        guard (1...12).contains(month) else { throw fail("month out of range") }
        try literal("-")
        let day = try number(2, "day")
        guard day >= 1, day <= daysInMonth(month, year: year) else { throw fail("day out of range") }
        try literal("T")
        let hour = try number(2, "hour")
        guard hour < 24 else { throw fail("hour out of range") }
        try literal(":")
        let minute = try number(2, "minute")
        guard minute < 60 else { throw fail("minute out of range") }
        try literal(":")
        let second = try number(2, "second")
        guard second < 60 else { throw fail("second out of range") }
        var nanoseconds: Int64 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ",") {
            position += 1
            var count = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                if count < 9 { nanoseconds = nanoseconds * 10 + Int64(bytes[position] - UInt8(ascii: "0")) }
                count += 1
                position += 1
            }
            guard count > 0 else { throw fail("cannot parse fractional second") }
            for _ in count..<max(count, 9) { nanoseconds *= 10 }
        }
        var offset: Int64 = 0
        guard position < bytes.count else { throw fail("missing time zone offset") }
        if bytes[position] == UInt8(ascii: "Z") {
            position += 1
        } else if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            let negative = bytes[position] == UInt8(ascii: "-")
            position += 1
            let offsetHours = try number(2, "time zone offset")
            try literal(":")
            let offsetMinutes = try number(2, "time zone offset")
            guard offsetHours < 24, offsetMinutes < 60 else { throw fail("time zone offset hour out of range") }
            offset = (offsetHours * 60 + offsetMinutes) * 60
            if negative { offset = -offset }
        } else {
            throw fail("cannot parse time zone offset")
        }
        guard position == bytes.count else { throw fail("extra text after the time zone offset") }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return (seconds, nanoseconds)
    }

    /// `text` in double quotes with `"` and `\` escaped, like Go's `%q` for printable text.
    static func goQuote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted.append("\\\"")
            case "\\": quoted.append("\\\\")
            case "\n": quoted.append("\\n")
            case "\t": quoted.append("\\t")
            case "\r": quoted.append("\\r")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    quoted.append("\\x" + (hex.count < 2 ? "0" + hex : hex))
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        quoted.append("\"")
        return quoted
    }
}
