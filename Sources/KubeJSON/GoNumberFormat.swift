/// Number formatting that matches Go's, so that YAML read here turns into the same JSON kubectl would send.
enum GoNumberFormat {
    /// The shortest decimal digits of a finite, non-zero magnitude and the position of the decimal point:
    /// the value is `0.d1d2d3... × 10^point`.
    struct Decimal {
        var digits: [UInt8]
        var point: Int
    }

    /// Splits Swift's shortest round-trip description (`1.5e-07`, `100000.0`, `0.001`) into digits and point.
    static func decimal(fromDescription description: String) -> Decimal {
        var mantissa = Substring(description)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
            mantissa = mantissa[..<e]
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
                if !seenPoint { point += 1 }
            }
        }
        point += exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return Decimal(digits: digits, point: point)
    }

    /// A finite `Double` as Go's `encoding/json` writes it: plain decimal for magnitudes in [1e-6, 1e21),
    /// otherwise exponent form (`1e+21`, `1.5e-7`).
    static func jsonText(_ value: Double) -> String {
        let negative = value.sign == .minus
        let magnitude = value.magnitude
        var text = negative ? "-" : ""
        if magnitude == 0 { return text + "0" }
        let decimal = Self.decimal(fromDescription: magnitude.description)
        if magnitude < 1e-6 || magnitude >= 1e21 {
            Self.appendExponentForm(decimal, to: &text, minimumExponentDigits: 1, plusPaddedToTwo: true)
        } else {
            Self.appendFixedForm(decimal, to: &text)
        }
        return text
    }

    /// A number as Go's `strconv.FormatFloat(v, 'g', -1, 32)` writes it, with YAML's spellings of the
    /// non-finite values; sigs.k8s.io/yaml turns float map keys into strings this way.
    static func float32KeyText(_ value: Double) -> String {
        let single = Float(value)
        if single.isNaN { return ".nan" }
        if single.isInfinite { return single < 0 ? "-.inf" : ".inf" }
        var text = single.sign == .minus ? "-" : ""
        if single == 0 { return text + "0" }
        let decimal = Self.decimal(fromDescription: single.magnitude.description)
        let exponent = decimal.point - 1
        if exponent < -4 || exponent >= 6 {
            Self.appendExponentForm(decimal, to: &text, minimumExponentDigits: 2, plusPaddedToTwo: true)
        } else {
            Self.appendFixedForm(decimal, to: &text)
        }
        return text
    }

    private static func appendFixedForm(_ decimal: Decimal, to text: inout String) {
        let digits = decimal.digits
        if decimal.point <= 0 {
            text += "0."
            text += String(repeating: "0", count: -decimal.point)
            text += String(decoding: digits, as: UTF8.self)
        } else if decimal.point >= digits.count {
            text += String(decoding: digits, as: UTF8.self)
            text += String(repeating: "0", count: decimal.point - digits.count)
        } else {
            text += String(decoding: digits[..<decimal.point], as: UTF8.self)
            text += "."
            text += String(decoding: digits[decimal.point...], as: UTF8.self)
        }
    }

    /// `d.ddde±x`. Go's `%e` pads the exponent to two digits; `encoding/json` then drops the padding of negative
    /// exponents only, which `minimumExponentDigits: 1, plusPaddedToTwo: true` reproduces.
    private static func appendExponentForm(
        _ decimal: Decimal,
        to text: inout String,
        minimumExponentDigits: Int,
        plusPaddedToTwo: Bool
    ) {
        let digits = decimal.digits
        text += String(decoding: digits[..<1], as: UTF8.self)
        if digits.count > 1 {
            text += "."
            text += String(decoding: digits[1...], as: UTF8.self)
        }
        let exponent = decimal.point - 1
        text += exponent < 0 ? "e-" : "e+"
        let exponentDigits = String(exponent.magnitude)
        let minimum = exponent >= 0 && plusPaddedToTwo ? 2 : minimumExponentDigits
        if exponentDigits.count < minimum { text += String(repeating: "0", count: minimum - exponentDigits.count) }
        text += exponentDigits
    }
}
