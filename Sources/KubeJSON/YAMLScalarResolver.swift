/// Resolves YAML scalars to values the way kubectl's YAML decoder (sigs.k8s.io/yaml, built on go-yaml v2 and
/// its YAML 1.1 rules) does.
///
/// The order of the checks is go-yaml v2's: the exact-match table (null, booleans, `.inf`, `.nan`, `<<`), then
/// for text starting with a digit or sign: timestamp, integer (Go base-prefix syntax, `_` removed), unsigned
/// integer, float; for text starting with `.`: float.
enum YAMLScalarResolver {
    /// A resolved scalar.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        /// An integer above `Int64.max` that fits `UInt64`.
        case uint(UInt64)
        case float(Double)
        /// A date or date-time; kubectl's decoder keeps these as the original string.
        case timestamp(String)
        /// The merge key `<<`.
        case merge
        case string(String)

        /// The YAML tag name this resolves to, in go-yaml's short form.
        var tagName: String {
            switch self {
            case .null: "!!null"
            case .bool: "!!bool"
            case .int, .uint: "!!int"
            case .float: "!!float"
            case .timestamp: "!!timestamp"
            case .merge: "!!merge"
            case .string: "!!str"
            }
        }
    }

    /// Resolves the text of a plain (unquoted, untagged) scalar.
    static func resolvePlain(_ text: String) -> Resolved {
        Self.resolve(text, allowTimestamp: true)
    }

    /// Resolves `text` for an explicit scalar tag (`!!int`, `!!bool`, ...); `nil` when the text is not of that
    /// type, which is an error (go-yaml: "cannot decode !!str `x` as a !!int"). An integer is accepted as a float.
    static func resolve(_ text: String, tag: String) -> Resolved? {
        let resolved = Self.resolve(text, allowTimestamp: tag == "!!timestamp")
        if resolved.tagName == tag { return resolved }
        if tag == "!!float", case .int(let value) = resolved { return .float(Double(value)) }
        return nil
    }

    private static func resolve(_ text: String, allowTimestamp: Bool) -> Resolved {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch text {
        case "~", "null", "Null", "NULL": return .null
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case "<<": return .merge
        default: break
        }
        switch first {
        case UInt8(ascii: "."):
            if Self.isDotFloat(Array(utf8)), let value = Double("0" + text.filter { $0 != "_" }), value.isFinite {
                return .float(value)
            }
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if allowTimestamp && Self.isTimestamp(Array(utf8)) { return .timestamp(text) }
            let plain = Array(utf8.filter { $0 != UInt8(ascii: "_") })
            if let (negative, magnitude) = Self.parseGoInteger(plain) {
                if negative {
                    if magnitude <= UInt64(Int64.max) + 1 {
                        return .int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
                    }
                } else if magnitude <= UInt64(Int64.max) {
                    return .int(Int64(magnitude))
                } else if plain.first != UInt8(ascii: "+") {
                    return .uint(magnitude)
                }
            }
            if Self.isYAMLStyleFloat(plain), let value = Double(Self.canonicalFloat(plain)), value.isFinite {
                return .float(value)
            }
        default:
            break
        }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` syntax without the range check: optional sign, then `0x`/`0o`/`0b`
    /// prefixed digits, a leading-`0` octal literal or a decimal literal. Returns the sign and the magnitude,
    /// or `nil` when the text is not such a literal or the magnitude does not fit `UInt64`.
    static func parseGoInteger(_ bytes: [UInt8]) -> (negative: Bool, magnitude: UInt64)? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.count else { return nil }
        var radix: UInt64 = 10
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count {
            switch bytes[i + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16; i += 2
            case UInt8(ascii: "o"): radix = 8; i += 2
            case UInt8(ascii: "b"): radix = 2; i += 2
            default: radix = 8; i += 1
            }
            guard i < bytes.count else { return nil }
        }
        var magnitude: UInt64 = 0
        while i < bytes.count {
            let byte = bytes[i]
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, o2) = times.addingReportingOverflow(digit)
            guard !o1 && !o2 else { return nil }
            magnitude = sum
            i += 1
        }
        return (negative, magnitude)
    }

    /// go-yaml v2's float pattern `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                _ = digits()
            }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }

    /// Text starting with `.` that Go's `strconv.ParseFloat` accepts: `.` digits, optional exponent, `_` only
    /// between digits.
    private static func isDotFloat(_ bytes: [UInt8]) -> Bool {
        var i = 1
        func digitRun() -> Bool {
            guard i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return false }
            i += 1
            while i < bytes.count {
                if bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") {
                    i += 1
                } else if bytes[i] == UInt8(ascii: "_"), i + 1 < bytes.count,
                    bytes[i + 1] >= UInt8(ascii: "0"), bytes[i + 1] <= UInt8(ascii: "9")
                {
                    i += 2
                } else {
                    break
                }
            }
            return true
        }
        guard digitRun() else { return false }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digitRun() else { return false }
        }
        return i == bytes.count
    }

    /// A float literal in a form `Double.init(_:)` reads: digits on both sides of the point.
    private static func canonicalFloat(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        var i = 0
        if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            out.append(bytes[i])
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") { out.append(UInt8(ascii: "0")) }
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            if byte == UInt8(ascii: "."), i + 1 == bytes.count || bytes[i + 1] | 0x20 == UInt8(ascii: "e") {
                out.append(UInt8(ascii: "0"))
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The timestamp forms go-yaml v2 recognises: `YYYY-M-D`, optionally followed by `T`, `t` or a space and a
    /// time `h:m:s[.fraction]`, then (after `T`/`t` only) `Z` or a `±hh:mm` offset.
    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func number(maxDigits: Int, exactly: Bool = false) -> Int? {
            let start = i
            var value = 0
            while i < bytes.count, i - start < maxDigits, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                i += 1
            }
            let count = i - start
            guard count > 0, !exactly || count == maxDigits else { return nil }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard number(maxDigits: 4, exactly: true) != nil, expect(UInt8(ascii: "-")),
            let month = number(maxDigits: 2), (1...12).contains(month), expect(UInt8(ascii: "-")),
            let day = number(maxDigits: 2), (1...31).contains(day)
        else { return false }
        if i == bytes.count { return true }
        let separator = bytes[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
            return false
        }
        i += 1
        guard let hour = number(maxDigits: 2), hour < 24, expect(UInt8(ascii: ":")),
            let minute = number(maxDigits: 2), minute < 60, expect(UInt8(ascii: ":")),
            let second = number(maxDigits: 2), second < 60
        else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard number(maxDigits: 9) != nil else { return false }
        }
        if separator == UInt8(ascii: " ") { return i == bytes.count }
        if expect(UInt8(ascii: "Z")) { return i == bytes.count }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard number(maxDigits: 2, exactly: true) != nil, expect(UInt8(ascii: ":")),
            number(maxDigits: 2, exactly: true) != nil
        else { return false }
        return i == bytes.count
    }

    /// YAML 1.1 sexagesimal numbers (`1:20`, `-190:20:30.15`); go-yaml no longer reads them as numbers but
    /// still quotes them when writing, and so does ``YAMLWriter``.
    static func isBase60Number(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return false }
        i += 1
        while i < bytes.count, (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) || bytes[i] == UInt8(ascii: "_") {
            i += 1
        }
        var groups = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: ":") {
            i += 1
            let start = i
            while i < bytes.count, i - start < 2, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            let count = i - start
            guard count > 0, count == 1 || bytes[start] <= UInt8(ascii: "5") else { return false }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) || bytes[i] == UInt8(ascii: "_") {
                i += 1
            }
        }
        return i == bytes.count
    }
}
