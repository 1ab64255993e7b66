public import KubeJSON

/// A Kubernetes `resource.Quantity`: a fixed-point decimal number with an SI, binary or exponent suffix,
/// such as `100m`, `1Gi`, `1.5` or `1e3`.
///
/// ## Representation
/// The value is `mantissa × 10^scale` with an `Int128` mantissa and an `Int32` scale, so every value
/// apimachinery keeps in its `int64Amount` fast path is held exactly, and so are most values it moves to
/// `inf.Dec`. Where apimachinery would keep more than 38 significant digits (its `inf.Dec` is unbounded),
/// this type rounds away from zero to 38 significant digits instead: on parse, and when an addition or a
/// subtraction would not fit. Kubernetes quantities never come close to that.
///
/// Parsing follows `ParseQuantity`: values finer than `1n` round away from zero to nano (`0.9n` → `1n`),
/// binary-suffixed values are capped at 2^63−1 in magnitude (`9Ei` → `9223372036854775807`), and a binary
/// value between −1 and 1 switches to ``Format-swift.enum/decimalSI``.
///
/// ## Formatting
/// ``description`` is Go's `Quantity.String()`: the canonical form for the quantity's ``format``
/// (`1.5Gi` → `1536Mi`, `0.5` → `500m`, `1024Mi` → `1Gi`), except that, like Go, a string parsed in
/// what Go's fast path judges to be canonical form is echoed as written (`+1` stays `+1`, `1E3` stays `1E3`).
///
/// Equality, hashing and ordering compare values only: `1Gi == 1024Mi` and `1 == 1000m`.
public struct Quantity: Sendable {
    /// How a quantity is written out.
    public enum Format: String, Sendable, Hashable {
        /// `12e6`.
        case decimalExponent = "DecimalExponent"
        /// `12Mi` (12 × 2^20).
        case binarySI = "BinarySI"
        /// `12M` (12 × 10^6).
        case decimalSI = "DecimalSI"
    }

    /// The unscaled value: the quantity is `mantissa × 10^scale`.
    public private(set) var mantissa: Int128
    /// The power of ten the mantissa is multiplied by.
    public private(set) var scale: Int32
    /// The suffix family used when formatting; changing it changes ``description``, never the value.
    public var format: Format {
        didSet { self.cachedString = nil }
    }
    /// The parsed text, when Go's `ParseQuantity` would keep it as the quantity's string form.
    private var cachedString: String?

    /// `value × 10^scale`, formatted in `format`.
    public init(value: Int64, scale: Int32 = 0, format: Format = .decimalSI) {
        self.mantissa = Int128(value)
        self.scale = scale
        self.format = format
        self.cachedString = nil
    }

    /// `milliValue / 1000`, formatted in `format` (as Go's `NewMilliQuantity`).
    public init(milliValue: Int64, format: Format = .decimalSI) {
        self.init(value: milliValue, scale: -3, format: format)
    }

    private init(mantissa: Int128, scale: Int32, format: Format, cachedString: String? = nil) {
        self.mantissa = mantissa
        self.scale = scale
        self.format = format
        self.cachedString = cachedString
    }

    /// Zero, in ``Format-swift.enum/decimalSI``.
    public static var zero: Quantity { Quantity(value: 0) }

    /// `true` when the value is zero.
    public var isZero: Bool { self.mantissa == 0 }

    /// −1, 0 or 1 as the value is negative, zero or positive.
    public var sign: Int { self.mantissa == 0 ? 0 : (self.mantissa < 0 ? -1 : 1) }
}

// MARK: - Parsing

/// Why a string is not a quantity; the messages are apimachinery's.
public struct QuantityParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which check failed.
    public enum Reason: Sendable, Hashable {
        /// The text does not have the shape `<sign><number><suffix>`.
        case formatWrong
        /// The numeric part could not be used (its exponent is out of range).
        case numeric
        /// The suffix is not one of the known ones.
        case suffix
    }

    /// Which check failed.
    public let reason: Reason
    /// The rejected text.
    public let input: String

    public init(_ reason: Reason, input: String) {
        self.reason = reason
        self.input = input
    }

    public var description: String {
        switch self.reason {
        case .formatWrong:
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        case .numeric:
            "unable to parse numeric part of quantity"
        case .suffix:
            "unable to parse quantity's suffix"
        }
    }
}

extension Quantity {
    /// The most significant digits kept; 10^38 − 1 still fits in `Int128`.
    private static let maxDigits = 38
    /// The binary-suffix cap, 2^63 − 1.
    private static let binaryCap = Int128(Int64.max)

    /// Parses `text` as apimachinery's `ParseQuantity` does.
    ///
    /// One deliberate difference: the number must have at least one digit. Go's scanner also accepts
    /// `.`, `+`, `-` and a bare suffix such as `Gi` as zero, which its own documented grammar forbids.
    /// A decimal exponent outside the `Int32` range is rejected (Go silently truncates it to 32 bits).
    public init(parsing text: String) throws(QuantityParseError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QuantityParseError(.formatWrong, input: text) }
        if bytes == [UInt8(ascii: "0")] {
            self.init(mantissa: 0, scale: 0, format: .decimalSI, cachedString: text)
            return
        }
        var position = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            position = 1
        }
        let integerStart = position
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        let integerDigits = bytes[integerStart..<position]
        var fractionDigits = bytes[position..<position]
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            fractionDigits = bytes[fractionStart..<position]
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            throw QuantityParseError(.formatWrong, input: text)
        }
        // The suffix: letters, then an optional sign and digits (for exponents), then the end.
        let suffixStart = position
        while position < bytes.count, Self.isSuffixLetter(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            position += 1
        }
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        guard position == bytes.count else { throw QuantityParseError(.formatWrong, input: text) }
        guard let (base, exponent, format) = Self.interpretSuffix(bytes[suffixStart...]) else {
            throw QuantityParseError(.suffix, input: text)
        }

        // The numerator without its leading zeros ("0" when nothing is left), as Go's scanner reports it.
        var numerator = integerDigits.drop { $0 == UInt8(ascii: "0") }
        if numerator.isEmpty { numerator = integerDigits.suffix(0) }
        let numeratorCount = max(numerator.count, 1)

        // Significant digits of numerator+denominator, and the base-10 exponent of the last one.
        var digits: [UInt8] = []
        digits.reserveCapacity(numerator.count + fractionDigits.count + 20)
        for byte in numerator { digits.append(byte &- UInt8(ascii: "0")) }
        for byte in fractionDigits { digits.append(byte &- UInt8(ascii: "0")) }
        var decimalScale = -fractionDigits.count
        if base == 10 {
            decimalScale += Int(exponent)
        } else {
            for _ in 0..<(exponent / 10) { Self.multiply(&digits, by: 1024) }
        }
        guard let (magnitude, roundedScale) = Self.roundedMagnitude(digits, scale: decimalScale) else {
            throw QuantityParseError(.numeric, input: text)
        }
        var value = Quantity(mantissa: negative ? -magnitude : magnitude, scale: roundedScale, format: format)
        if format == .binarySI {
            if Self.compareMagnitudes(magnitude.magnitude, roundedScale, Self.binaryCap.magnitude, 0) > 0 {
                value.mantissa = negative ? -Self.binaryCap : Self.binaryCap
                value.scale = 0
            } else if magnitude != 0 && Self.compareMagnitudes(magnitude.magnitude, roundedScale, 1, 0) < 0 {
                value.format = .decimalSI
            }
        }
        value.cachedString = Self.goCachedString(
            text, format: format, exponent: exponent, numerator: numerator, numeratorCount: numeratorCount,
            fraction: fractionDigits
        )
        self = value
    }

    /// Parses `text`, or returns `nil` when it is not a quantity.
    public init?(_ text: String) {
        do {
            try self.init(parsing: text)
        } catch {
            return nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isSuffixLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "u"),
            UInt8(ascii: "m"), UInt8(ascii: "k"), UInt8(ascii: "K"), UInt8(ascii: "M"), UInt8(ascii: "G"),
            UInt8(ascii: "T"), UInt8(ascii: "P"):
            return true
        default:
            return false
        }
    }

    /// The base (2 or 10), exponent and format a suffix stands for.
    private static func interpretSuffix(_ suffix: ArraySlice<UInt8>) -> (Int, Int32, Format)? {
        switch String(decoding: suffix, as: UTF8.self) {
        case "": return (10, 0, .decimalSI)
        case "n": return (10, -9, .decimalSI)
        case "u": return (10, -6, .decimalSI)
        case "m": return (10, -3, .decimalSI)
        case "k": return (10, 3, .decimalSI)
        case "M": return (10, 6, .decimalSI)
        case "G": return (10, 9, .decimalSI)
        case "T": return (10, 12, .decimalSI)
        case "P": return (10, 15, .decimalSI)
        case "E": return (10, 18, .decimalSI)
        case "Ki": return (2, 10, .binarySI)
        case "Mi": return (2, 20, .binarySI)
        case "Gi": return (2, 30, .binarySI)
        case "Ti": return (2, 40, .binarySI)
        case "Pi": return (2, 50, .binarySI)
        case "Ei": return (2, 60, .binarySI)
        default: break
        }
        guard suffix.count > 1, let first = suffix.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E")
        else { return nil }
        var rest = suffix.dropFirst()
        var negative = false
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var exponent: Int64 = 0
        for byte in rest {
            guard isDigit(byte) else { return nil }
            exponent = exponent * 10 + Int64(byte - UInt8(ascii: "0"))
            guard exponent <= Int64(Int32.max) + 1 else { return nil }
        }
        if negative { exponent = -exponent }
        guard let narrow = Int32(exactly: exponent) else { return nil }
        return (10, narrow, .decimalExponent)
    }

    /// Multiplies a big-endian decimal digit array by a small factor, in place.
    private static func multiply(_ digits: inout [UInt8], by factor: Int) {
        var carry = 0
        for index in digits.indices.reversed() {
            let product = Int(digits[index]) * factor + carry
            digits[index] = UInt8(product % 10)
            carry = product / 10
        }
        while carry > 0 {
            digits.insert(UInt8(carry % 10), at: 0)
            carry /= 10
        }
    }

    /// The magnitude of `digits × 10^scale` as an `Int128` mantissa and scale: rounded away from zero to nano
    /// and to ``maxDigits`` significant digits. `nil` when the scale leaves the `Int32` range.
    private static func roundedMagnitude(_ input: [UInt8], scale inputScale: Int) -> (Int128, Int32)? {
        var digits = input[...].drop { $0 == 0 }
        guard !digits.isEmpty else { return (0, 0) }
        var scale = inputScale
        while let last = digits.last, last == 0 {
            digits.removeLast()
            scale += 1
        }
        let drop = max(0, -9 - scale, digits.count - maxDigits)
        var roundUp = false
        if drop > 0 {
            roundUp = digits.suffix(drop).contains { $0 != 0 }
            digits.removeLast(min(drop, digits.count))
            scale += drop
        }
        var magnitude: Int128 = 0
        for digit in digits { magnitude = magnitude * 10 + Int128(digit) }
        if roundUp { magnitude += 1 }
        if magnitude == powerOfTen(maxDigits) {
            magnitude /= 10
            scale += 1
        }
        guard let narrowScale = Int32(exactly: scale) else { return nil }
        return (magnitude, narrowScale)
    }

    /// The string Go's `ParseQuantity` keeps as the quantity's string form: only on its int64 fast path, and
    /// only when the text is already in canonical form by its (lenient) test.
    private static func goCachedString(
        _ text: String, format: Format, exponent: Int32, numerator: ArraySlice<UInt8>, numeratorCount: Int,
        fraction: ArraySlice<UInt8>
    ) -> String? {
        let digitCount = numeratorCount + fraction.count
        switch format {
        case .binarySI:
            guard fraction.isEmpty else { return nil }
            let precision = 15 - numeratorCount - Int(Float(exponent) * 3 / 10) - 1
            guard precision >= 0 else { return nil }
            var value: Int64 = 0
            for byte in numerator { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
            guard value.multipliedReportingOverflow(by: Int64(1) << Int64(exponent)).overflow == false else {
                return nil
            }
            return value & 0x07 != 0 ? text : nil
        case .decimalSI, .decimalExponent:
            guard 18 - digitCount >= 0 else { return nil }
            let scale = Int(exponent) - fraction.count
            guard scale >= -9, scale % 3 == 0 else { return nil }
            var shifted = Array(numerator.isEmpty ? [UInt8(ascii: "0")] : Array(numerator))
            shifted.append(contentsOf: fraction)
            guard shifted.first != UInt8(ascii: "0"), !shifted.reversed().starts(with: [48, 48, 48]) else {
                return nil
            }
            return text
        }
    }
}

// MARK: - Formatting

extension Quantity: CustomStringConvertible {
    /// Go's `Quantity.String()`.
    ///
    /// Beyond Go: a ``Format-swift.enum/binarySI`` value above 1024 Ei keeps the `Ei` suffix with a larger
    /// number (Go would drop the suffix), and one whose integer value does not fit `Int128` is written as
    /// ``Format-swift.enum/decimalSI``.
    public var description: String {
        if let cachedString { return cachedString }
        return self.canonicalString
    }

    /// The canonical form, ignoring any string kept from parsing.
    public var canonicalString: String {
        guard self.mantissa != 0 else { return "0" }
        var format = self.format
        if format == .binarySI {
            if Self.compareMagnitudes(self.mantissa.magnitude, self.scale, 1024, 0) < 0 {
                format = .decimalSI
            } else if let integer = self.exactInteger {
                return Self.binaryString(integer)
            } else {
                format = .decimalSI
            }
        }
        // Move every factor of ten into the exponent, then lower the exponent to a multiple of three.
        var amount = self.mantissa
        var exponent = Int(self.scale)
        while amount % 10 == 0 {
            amount /= 10
            exponent += 1
        }
        let remainder = ((exponent % 3) + 3) % 3
        exponent -= remainder
        var number = String(amount)
        number.append(String(repeating: "0", count: remainder))
        if format == .decimalSI, let suffix = Self.decimalSuffix(exponent) {
            return number + suffix
        }
        return exponent == 0 ? number : number + "e" + String(exponent)
    }

    private static func decimalSuffix(_ exponent: Int) -> String? {
        switch exponent {
        case -9: "n"
        case -6: "u"
        case -3: "m"
        case 0: ""
        case 3: "k"
        case 6: "M"
        case 9: "G"
        case 12: "T"
        case 15: "P"
        case 18: "E"
        default: nil
        }
    }

    /// The value as an integer when it is one and fits `Int128`.
    private var exactInteger: Int128? {
        if self.scale >= 0 {
            var value = self.mantissa
            for _ in 0..<Int(self.scale) {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = next
            }
            return value
        }
        guard -Int(self.scale) <= Self.maxDigits else { return nil }
        let (quotient, remainder) = self.mantissa.quotientAndRemainder(dividingBy: Self.powerOfTen(Int(-self.scale)))
        return remainder == 0 ? quotient : nil
    }

    private static func binaryString(_ integer: Int128) -> String {
        var amount = integer
        var exponent = 0
        while exponent < 6, amount.magnitude >= 1024, amount % 1024 == 0 {
            amount /= 1024
            exponent += 1
        }
        let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
        return String(amount) + suffixes[exponent]
    }
}

// MARK: - Values

extension Quantity {
    /// 10^exponent for 0 ≤ exponent ≤ 38.
    private static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// The number of decimal digits of a non-zero magnitude.
    private static func digitCount(_ value: UInt128) -> Int {
        var count = 0
        var rest = value
        while rest > 0 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// Compares `a × 10^aScale` with `b × 10^bScale` for non-negative `a` and `b`.
    private static func compareMagnitudes(_ a: UInt128, _ aScale: Int32, _ b: UInt128, _ bScale: Int32) -> Int {
        if a == 0 || b == 0 { return a == b ? 0 : (a == 0 ? -1 : 1) }
        let aDigits = digitCount(a)
        let bDigits = digitCount(b)
        let aTop = aDigits + Int(aScale)
        let bTop = bDigits + Int(bScale)
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        // Same leading position: scaling the one with fewer digits up gives both the same digit count.
        var x = a
        var y = b
        if aScale > bScale {
            for _ in 0..<(Int(aScale) - Int(bScale)) { x *= 10 }
        } else if bScale > aScale {
            for _ in 0..<(Int(bScale) - Int(aScale)) { y *= 10 }
        }
        return x == y ? 0 : (x < y ? -1 : 1)
    }

    /// `ceil(self / 10^scale)` rounded away from zero, as Go's `ScaledValue`; saturates at the `Int64` bounds
    /// where Go would overflow.
    public func scaledValue(_ targetScale: Int32) -> Int64 {
        guard self.mantissa != 0 else { return 0 }
        let delta = Int(self.scale) - Int(targetScale)
        let negative = self.mantissa < 0
        if delta >= 0 {
            var value = self.mantissa
            for _ in 0..<delta {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow || next.magnitude > UInt128(UInt64.max) { return negative ? .min : .max }
                value = next
            }
            return Int64(clamping: value)
        }
        guard -delta <= Self.maxDigits else { return negative ? -1 : 1 }
        var (quotient, remainder) = self.mantissa.quotientAndRemainder(dividingBy: Self.powerOfTen(-delta))
        if remainder != 0 { quotient += negative ? -1 : 1 }
        return Int64(clamping: quotient)
    }

    /// The value rounded away from zero to an integer (Go's `Value()`).
    public var value: Int64 { self.scaledValue(0) }

    /// The value in thousandths, rounded away from zero (Go's `MilliValue()`).
    public var milliValue: Int64 { self.scaledValue(-3) }

    /// The value as the nearest `Double` (Go's `AsApproximateFloat64`).
    public var approximateDouble: Double {
        var result = Double(self.mantissa)
        if self.scale > 0 {
            for _ in 0..<min(Int(self.scale), 400) { result *= 10 }
        } else if self.scale < 0 {
            for _ in 0..<min(-Int(self.scale), 400) { result /= 10 }
        }
        return result
    }

    /// Compares two quantities by value: −1, 0 or 1.
    public func compare(to other: Quantity) -> Int {
        let lhsSign = self.sign
        let rhsSign = other.sign
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        if lhsSign == 0 { return 0 }
        let result = Self.compareMagnitudes(self.mantissa.magnitude, self.scale, other.mantissa.magnitude, other.scale)
        return lhsSign > 0 ? result : -result
    }

    /// `mantissa × 10^scale` rewritten at `target` ≥ `scale`, rounding away from zero, or at `target` < `scale`
    /// exactly; `nil` on overflow.
    private static func rescale(_ mantissa: Int128, from scale: Int32, to target: Int) -> Int128? {
        let delta = Int(scale) - target
        if delta >= 0 {
            var value = mantissa
            for _ in 0..<delta {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = next
            }
            return value
        }
        guard -delta <= maxDigits else { return mantissa == 0 ? 0 : (mantissa < 0 ? -1 : 1) }
        var (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: powerOfTen(-delta))
        if remainder != 0 { quotient += mantissa < 0 ? -1 : 1 }
        return quotient
    }

    /// `a + b` exactly at the smaller scale when it fits; otherwise at the finest coarser scale that fits.
    private static func sum(_ a: Int128, _ aScale: Int32, _ b: Int128, _ bScale: Int32) -> (Int128, Int32) {
        if a == 0 { return (b, bScale) }
        if b == 0 { return (a, aScale) }
        // Start at the smaller scale, or higher where an operand could not be multiplied up within 38 digits.
        var target = Int(min(aScale, bScale))
        target = max(target, Int(aScale) - (maxDigits - digitCount(a.magnitude)))
        target = max(target, Int(bScale) - (maxDigits - digitCount(b.magnitude)))
        while target <= Int(Int32.max) {
            if let x = rescale(a, from: aScale, to: target), let y = rescale(b, from: bScale, to: target) {
                let (total, overflow) = x.addingReportingOverflow(y)
                if !overflow, total.magnitude < UInt128(powerOfTen(maxDigits)), let scale = Int32(exactly: target) {
                    return (total, scale)
                }
            }
            target += 1
        }
        return a.magnitude >= b.magnitude ? (a, aScale) : (b, bScale)
    }

    /// Adds `other`; a zero receiver takes `other`'s format, as in Go's `Add`.
    public mutating func add(_ other: Quantity) {
        if self.isZero { self.format = other.format }
        (self.mantissa, self.scale) = Self.sum(self.mantissa, self.scale, other.mantissa, other.scale)
        self.cachedString = nil
    }

    /// Subtracts `other`; a zero receiver takes `other`'s format, as in Go's `Sub`.
    public mutating func subtract(_ other: Quantity) {
        self.add(-other)
    }

    /// The negated value, in the same format.
    public static prefix func - (operand: Quantity) -> Quantity {
        Quantity(mantissa: -operand.mantissa, scale: operand.scale, format: operand.format)
    }

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        var result = lhs
        result.add(rhs)
        return result
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        var result = lhs
        result.subtract(rhs)
        return result
    }

    public static func += (lhs: inout Quantity, rhs: Quantity) {
        lhs.add(rhs)
    }

    public static func -= (lhs: inout Quantity, rhs: Quantity) {
        lhs.subtract(rhs)
    }
}

extension Quantity: Hashable, Comparable {
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.compare(to: rhs) == 0
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.compare(to: rhs) < 0
    }

    /// Hashes the value with trailing zeros moved into the scale, so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        var amount = self.mantissa
        var scale = Int(self.scale)
        if amount == 0 {
            scale = 0
        } else {
            while amount % 10 == 0 {
                amount /= 10
                scale += 1
            }
        }
        hasher.combine(amount)
        hasher.combine(scale)
    }
}

// MARK: - JSON

extension Quantity: JSONRepresentable {
    /// Reads a JSON string (surrounding whitespace ignored) or a JSON number, as Go's `UnmarshalJSON`;
    /// `null` reads as zero, as Go does for a non-pointer quantity.
    public init(json: JSONValue) throws(FieldError) {
        let text: String
        switch json {
        case .string(let string): text = Self.trimmingSpaces(string)
        case .int(let integer): text = String(integer)
        case .number(let number): text = number.text
        case .null:
            self = .zero
            return
        default:
            throw FieldError.wrongType(expected: "quantity (string or number)", got: json)
        }
        do {
            try self.init(parsing: text)
        } catch {
            throw FieldError(field: "", message: error.description)
        }
    }

    /// The string form, ``description``.
    public var json: JSONValue { .string(self.description) }

    private static func trimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
