/// A JSON number that is not a plain `Int64` literal (it has a fraction or an exponent, or it is out of range),
/// kept as its literal text so that serializing it writes exactly what was read.
public struct JSONNumber: Sendable {
    /// The literal text, e.g. `1.50`, `-2e-3`, `18446744073709551616`.
    public let text: String

    /// Wraps literal text the caller has already checked against the JSON number grammar.
    init(uncheckedText text: String) {
        self.text = text
    }

    /// Creates a number from its literal text; `nil` unless `text` follows the JSON number grammar (RFC 8259 §6).
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)  // scanned in place: the parser reads a buffer
        guard !utf8.isEmpty else { return nil }
        let valid: Bool = utf8.withUnsafeMutableBufferPointer { buffer in
            var parser = JSONParser(buffer: UnsafeBufferPointer(buffer), options: .init())
            guard (try? parser.scanNumberEnd()) != nil else { return false }
            return parser.position == buffer.count
        }
        guard valid else { return nil }
        self.text = text
    }

    /// A number for a `Double`, written the shortest way that reads back as the same `Double`.
    /// Non-finite values have no JSON form and become `0`.
    public init(_ value: Double) {
        guard value.isFinite else {
            self.text = "0"
            return
        }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        self.text = text
    }

    /// The value as a `Double` (the nearest one; large or long literals lose precision here, never in ``text``).
    public var doubleValue: Double { Double(self.text) ?? 0 }

    /// The value as `Int64` when it is exactly integral and in range (`3.0`, `1e3`); `nil` otherwise.
    public var exactInt64: Int64? {
        let d = self.doubleValue
        guard d.rounded(.towardZero) == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else {
            return nil
        }
        return Int64(d)
    }
}

extension JSONNumber: Hashable {
    /// Numbers are equal when their exact decimal values are, so `1.0 == 1.00 == 1e0`, while
    /// `18446744073709551616` and `18446744073709551617` (one `Double` apart from nothing) stay different.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || lhs.decimal == rhs.decimal
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.decimal)
    }

    /// The exact value as sign, significant digits (no leading or trailing zeros) and a power of ten.
    var decimal: ExactDecimal { ExactDecimal(literal: self.text) }
}

/// An exact decimal value, `±0.digits × 10^exponent` normalized so that equal values compare equal.
struct ExactDecimal: Hashable {
    var negative: Bool
    /// Significant digits, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int

    /// Reads a literal in the JSON number grammar.
    init(literal: String) {
        var negative = false
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var iterator = literal.utf8.makeIterator()
        var inExponent = false
        var exponentNegative = false
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "-"): exponentNegative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): pointPosition = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default:
                let digit = byte &- UInt8(ascii: "0")
                if inExponent {
                    // Saturate: a literal beyond ±10^(10^15) has no practical meaning but must not trap.
                    exponent = exponent < 1_000_000_000_000_000 ? exponent * 10 + Int(digit) : exponent
                } else {
                    digits.append(digit)
                }
            }
        }
        if exponentNegative { exponent = -exponent }
        exponent += pointPosition ?? digits.count
        let leadingZeros = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leadingZeros)
        exponent -= leadingZeros
        while digits.last == 0 { digits.removeLast() }
        self.negative = negative && !digits.isEmpty
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// An integer's exact value.
    init(_ value: Int64) {
        self.init(literal: String(value))
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String { self.text }
}
