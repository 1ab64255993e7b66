/// How ``YAMLWriter`` writes one string.
enum YAMLScalarStyle: Equatable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal

    static func choose(for string: String, allowLiteral: Bool) -> YAMLScalarStyle {
        guard !string.isEmpty else { return .doubleQuoted }
        var hasBreak = false
        for scalar in string.unicodeScalars {
            let v = scalar.value
            if v == 0x0A {
                hasBreak = true
            } else if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
                || v == 0xFFFE || v == 0xFFFF
            {
                return .doubleQuoted
            }
        }
        if hasBreak {
            return allowLiteral && Self.literalAllowed(string) ? .literal : .doubleQuoted
        }
        let bytes = Array(string.utf8)
        if case .string = YAMLScalarResolver.resolvePlain(string) {
            if YAMLScalarResolver.isBase60Number(bytes) || YAMLScalarResolver.isTimestamp(bytes) {
                return .doubleQuoted
            }
        } else {
            return .doubleQuoted
        }
        return Self.plainAllowed(bytes) ? .plain : .singleQuoted
    }

    /// A literal block keeps every character except trailing spaces on a line, a leading line break and a
    /// final line with only spaces; those go in double quotes.
    private static func literalAllowed(_ string: String) -> Bool {
        guard string.first != "\n", string.last != " " else { return false }
        var previous: Unicode.Scalar = "\n"
        for scalar in string.unicodeScalars {
            if scalar == "\n" && previous == " " { return false }
            previous = scalar
        }
        return true
    }

    /// Whether a one-line string with no special characters can be written plain in block context.
    private static func plainAllowed(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return false }
        if bytes.starts(with: Array("---".utf8)) || bytes.starts(with: Array("...".utf8)) { return false }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            if bytes.count == 1 || bytes[1] == UInt8(ascii: " ") { return false }
        default:
            break
        }
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: ":"):
                if i + 1 == bytes.count || bytes[i + 1] == UInt8(ascii: " ") { return false }
            case UInt8(ascii: "#"):
                if i > 0 && bytes[i - 1] == UInt8(ascii: " ") { return false }
            default:
                break
            }
        }
        return true
    }
}
