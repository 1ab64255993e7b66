import KubeJSON
import KubeModel
import Testing
import KruiseTestSupport

@Suite("KubeTime and MicroTime")
struct KubeTimeTests {
    /// Unix seconds → RFC 3339 (well-known instants: Go's zero time, its reference time, leap days, the extremes
    /// of four-digit years).
    static let instantCases: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (1_136_214_245, "2006-01-02T15:04:05Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_709_164_800, "2024-02-29T00:00:00Z"),
        (4_102_444_800, "2100-01-01T00:00:00Z"),
        (-2_208_988_800, "1900-01-01T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (68_256_000, "1972-03-01T00:00:00Z"),
        (-86_400, "1969-12-31T00:00:00Z"),
        (1_234_567_890, "2009-02-13T23:31:30Z"),
        (2_147_483_647, "2038-01-19T03:14:07Z"),
    ]

    @Test("format and parse known instants", arguments: Self.instantCases)
    func known(seconds: Int64, text: String) throws {
        let time = KubeTime(seconds: seconds)
        #expect(time.rfc3339 == text)
        #expect(try KubeTime(parsing: text) == time)
        #expect(time.json == .string(text))
    }

    /// RFC 3339 text with offsets and fractions → Unix seconds and nanoseconds.
    static let parsedCases: [(String, Int64, Int64)] = [
        ("2006-01-02T15:04:05-07:00", 1_136_239_445, 0),
        ("2006-01-02T15:04:05+07:00", 1_136_189_045, 0),
        ("2006-01-02T15:04:05.5Z", 1_136_214_245, 500_000_000),
        ("2006-01-02T15:04:05,25Z", 1_136_214_245, 250_000_000),
        ("2006-01-02T15:04:05.123456789Z", 1_136_214_245, 123_456_789),
        ("2006-01-02T15:04:05.1234567891234Z", 1_136_214_245, 123_456_789),
        ("2006-01-02T15:04:05.000001+00:30", 1_136_212_445, 1000),
        ("1970-01-01T00:00:00+23:59", -86_340, 0),
        ("1969-12-31T19:00:00-05:00", 0, 0),
    ]

    @Test("parse offsets and fractions", arguments: Self.parsedCases)
    func parse(text: String, seconds: Int64, nanoseconds: Int64) throws {
        let time = try KubeTime(parsing: text)
        #expect(time.seconds == seconds)
        #expect(time.nanoseconds == nanoseconds)
        #expect(try MicroTime(parsing: text).time == time)
    }

    static let invalidCases: [String] = [
        "", "2006-01-02 15:04:05Z", "2006-01-02T15:04:05", "2006-02-30T00:00:00Z", "2005-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2006-01-02T24:00:00Z", "2006-01-02T15:60:00Z", "2006-01-02T15:04:60Z",
        "2006-01-02T15:04:05z", "2006-01-02t15:04:05Z", "2006-1-02T15:04:05Z", "2006-01-02T15:04:05+0700",
        "2006-01-02T15:04:05.Z", "2006-13-02T15:04:05Z", "2006-00-02T15:04:05Z", "2006-01-00T15:04:05Z",
        "2006-01-02T15:04:05Zjunk", "20060102T150405Z", "null",
    ]

    @Test("reject malformed timestamps", arguments: Self.invalidCases)
    func rejects(text: String) {
        #expect(throws: FieldError.self) { try KubeTime(parsing: text) }
    }

    @Test func errorNamesTheLayout() {
        #expect(throws: FieldError(
            field: "",
            message: #"parsing time "2006-02-30T00:00:00Z" as "2006-01-02T15:04:05Z07:00": day out of range"#
        )) { try KubeTime(parsing: "2006-02-30T00:00:00Z") }
    }

    @Test func microTime() throws {
        let time = MicroTime(seconds: 1_136_214_245, nanoseconds: 123_456_789)
        #expect(time.rfc3339Micro == "2006-01-02T15:04:05.123456Z")
        #expect(MicroTime(seconds: -1, nanoseconds: 5000).description == "1969-12-31T23:59:59.000005Z")
        #expect(MicroTime(seconds: 0).json == .string("1970-01-01T00:00:00.000000Z"))
        #expect(try MicroTime(json: .string("2006-01-02T15:04:05.123456Z")) == time.truncatedToMicroseconds)
        #expect(throws: FieldError.self) { try MicroTime(json: .null) }
    }

    @Test func arithmeticAndOrder() throws {
        let base = try KubeTime(parsing: "2024-02-28T23:59:30Z")
        #expect(base.adding(seconds: 30).rfc3339 == "2024-02-29T00:00:00Z")
        #expect(base.adding(seconds: 86_400 + 30).rfc3339 == "2024-03-01T00:00:00Z")
        #expect(base.adding(seconds: -86_400 * 365).rfc3339 == "2023-02-28T23:59:30Z")
        #expect(base.adding(.milliseconds(1500)).nanoseconds == 500_000_000)
        #expect(base.adding(.milliseconds(-500)) < base)
        #expect(base.adding(.milliseconds(-500)).rfc3339 == "2024-02-28T23:59:29Z")
        #expect(base.adding(.seconds(90)).duration(since: base) == .seconds(90))
        #expect(KubeTime(seconds: 1, nanoseconds: 1) > KubeTime(seconds: 1))
        #expect(KubeTime(seconds: 0, nanoseconds: -1) == KubeTime(seconds: -1, nanoseconds: 999_999_999))
        #expect(KubeTime(seconds: 5, nanoseconds: 7).truncatedToSeconds == KubeTime(seconds: 5))
        #expect(throws: FieldError.self) { try KubeTime(json: .int(0)) }
    }

    @Test func nowIsWallClock() {
        let now = KubeTime.now()
        // Any time after 2024 and before 2200 is a wall clock, not a monotonic one.
        #expect(now > KubeTime(seconds: 1_704_067_200))
        #expect(now < KubeTime(seconds: 7_258_118_400))
        #expect(MicroTime.now().time >= now)
    }

    @Test("format/parse round trip across random instants", arguments: [3 as UInt64, 1970, 0xDEAD_BEEF])
    func roundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let low: Int64 = -62_167_219_200  // 0000-01-01
        let high: Int64 = 253_402_300_799  // 9999-12-31T23:59:59
        for _ in 0..<1000 {
            let seconds = low + Int64(rng.next() % UInt64(high - low + 1))
            let nanoseconds = Int64(rng.next() % 1_000_000_000)
            let time = KubeTime(seconds: seconds, nanoseconds: nanoseconds)
            #expect(try KubeTime(parsing: time.rfc3339) == time.truncatedToSeconds)
            #expect(try KubeTime(json: time.json) == time.truncatedToSeconds)
            let micro = MicroTime(time)
            #expect(try MicroTime(parsing: micro.rfc3339Micro) == micro.truncatedToMicroseconds)
            // A random offset names the same instant.
            let offsetMinutes = Int64(rng.next() % (24 * 60)) - 12 * 60
            #expect(try KubeTime(parsing: Self.withOffset(time.truncatedToSeconds, minutes: offsetMinutes)) == time.truncatedToSeconds)
        }
    }

    /// The local time at UTC+`minutes`, written with that offset.
    private static func withOffset(_ time: KubeTime, minutes: Int64) -> String {
        var text = time.adding(seconds: minutes * 60).rfc3339
        text.removeLast()  // "Z"
        let sign = minutes < 0 ? "-" : "+"
        let hours = abs(minutes) / 60
        let rest = abs(minutes) % 60
        return text + sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    @Test("consecutive days follow the Gregorian calendar from 1600 to 2400")
    func calendarWalk() throws {
        var time = try KubeTime(parsing: "1600-01-01T12:00:00Z")
        var (year, month, day) = (1600, 1, 1)
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        while year < 2401 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let expected = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T12:00:00Z"
            guard time.rfc3339 == expected else {
                Issue.record("\(time.rfc3339) != \(expected)")
                return
            }
            day += 1
            if day > lengths[month - 1] + (month == 2 && leap ? 1 : 0) {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
            time = time.adding(seconds: 86_400)
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
