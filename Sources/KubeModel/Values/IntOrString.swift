public import KubeJSON

/// Kubernetes `intstr.IntOrString`: a field that holds either an integer or a string, most often an absolute
/// count or a percentage such as `"25%"` (`maxUnavailable`, `maxSurge`, `partition`).
public enum IntOrString: Sendable, Hashable {
    case int(Int)
    case string(String)
}

extension IntOrString: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) {
        self = .int(value)
    }

    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension IntOrString: CustomStringConvertible {
    /// The string, or the integer in decimal (Go's `IntOrString.String()`).
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }
}

extension IntOrString: JSONRepresentable {
    /// Reads a JSON string or an integer in the `int32` range (Go's `IntOrString` holds an `int32`).
    public init(json: JSONValue) throws(FieldError) {
        switch json {
        case .string(let value):
            self = .string(value)
        case .int(let value):
            guard let narrow = Int32(exactly: value) else {
                throw FieldError.wrongType(expected: "int32 or string", got: json)
            }
            self = .int(Int(narrow))
        default:
            throw FieldError.wrongType(expected: "int32 or string", got: json)
        }
    }

    public var json: JSONValue {
        switch self {
        case .int(let value): .int(Int64(value))
        case .string(let value): .string(value)
        }
    }
}

extension IntOrString {
    /// `true` for a string value ending in `%`.
    public var isPercent: Bool {
        if case .string(let value) = self { return value.hasSuffix("%") }
        return false
    }

    /// The percentage of a `"NN%"` or `"NN.N%"` string.
    /// - Throws: ``FieldError`` when the value is an integer, has no `%`, or the number before it is malformed.
    public func percentValue() throws(FieldError) -> Double {
        guard case .string(let text) = self else {
            throw FieldError(field: "", message: "invalid value for IntOrString: invalid type: not a percentage")
        }
        guard text.hasSuffix("%") else {
            throw FieldError(
                field: "", message: "invalid value for IntOrString: invalid type: string is not a percentage"
            )
        }
        let number = text.dropLast()
        guard Self.isDecimalNumber(number), let percent = Double(String(number)) else {
            throw FieldError(field: "", message: "invalid value \"\(text)\": not a valid percentage")
        }
        return percent
    }

    /// The absolute value for a total (Go's `GetScaledValueFromIntOrPercent`, with kruise's float percents).
    ///
    /// An integer is returned as it is. A percentage gives `ceil(percent × total / 100)` when `roundUp`,
    /// `floor(...)` otherwise (kruise-features §2.2).
    /// - Throws: ``FieldError`` for a string that is not a percentage, e.g. `"5"`.
    public func scaledValue(total: Int, roundUp: Bool) throws(FieldError) -> Int {
        if case .int(let value) = self { return value }
        let percent = try self.percentValue()
        let exact = percent * Double(total) / 100
        let rounded = roundUp ? exact.rounded(.up) : exact.rounded(.down)
        return Int(exactly: rounded) ?? (rounded < 0 ? Int.min : Int.max)
    }

    /// The CloneSet/SidecarSet partition rule (kruise `CalculatePartitionReplicas`): the number of pods kept at
    /// the old revision.
    ///
    /// The value is scaled with rounding up (so a non-zero percentage keeps at least one old pod). When
    /// `replicas > 1`, the result equals `replicas`, and the value is a percentage other than `"100%"`, the result
    /// is `replicas − 1`, so that a partition below 100% always updates at least one pod. The result is clamped to
    /// `0...replicas`. Example: replicas 4, `"99%"` → 3.
    /// - Throws: ``FieldError`` for a string that is not a percentage.
    public func partition(replicas: Int) throws(FieldError) -> Int {
        var value = try self.scaledValue(total: replicas, roundUp: true)
        if replicas > 1, value == replicas, case .string(let text) = self, text != "100%" {
            value = replicas - 1
        }
        return max(min(value, replicas), 0)
    }

    /// `[+-]digits[.digits]` or `[+-].digits`: the plain decimal forms Go's `ParseFloat` accepts that make sense
    /// as a percentage (no exponents, hex, infinities or NaN).
    private static func isDecimalNumber(_ text: Substring) -> Bool {
        var rest = text.utf8[...]
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        var digits = 0
        var sawPoint = false
        for byte in rest {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return false
            }
        }
        return digits > 0
    }
}
