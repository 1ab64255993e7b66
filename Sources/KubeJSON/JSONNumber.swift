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
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        let valid: Bool = utf8.withUnsafeMutableBufferPointer { buffer in
            var parser = JSONParser(buffer: UnsafeBufferPointer(buffer), options: .init())
            guard (try? parser.scanNumberEnd()) != nil else { return false }
            return parser.position == buffer.count
        }
        guard valid else { return nil }
        utf8.removeAll()
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
    /// Numbers are equal when their values are, so `1.0 == 1.00`.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || lhs.doubleValue == rhs.doubleValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.doubleValue)
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String { self.text }
}
