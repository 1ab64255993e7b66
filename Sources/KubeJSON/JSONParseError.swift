/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        case unexpectedEndOfInput
        case unexpectedCharacter(UInt8)
        case invalidNumber
        case invalidEscape
        case invalidUnicodeEscape
        case unescapedControlCharacter
        case invalidUTF8
        case tooDeep(limit: Int)
        case trailingCharacters
    }

    /// The reason.
    public let reason: Reason
    /// The byte offset (from 0) in the input at which the problem was found.
    public let offset: Int

    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch self.reason {
        case .unexpectedEndOfInput: what = "unexpected end of JSON input"
        case .unexpectedCharacter(let byte):
            if byte >= 0x20 && byte < 0x7F {
                what = "invalid character '\(Character(Unicode.Scalar(byte)))'"
            } else {
                what = "invalid byte 0x\(String(byte, radix: 16))"
            }
        case .invalidNumber: what = "invalid number literal"
        case .invalidEscape: what = "invalid escape in string literal"
        case .invalidUnicodeEscape: what = "invalid \\u escape in string literal"
        case .unescapedControlCharacter: what = "invalid control character in string literal"
        case .invalidUTF8: what = "invalid UTF-8 in string literal"
        case .tooDeep(let limit): what = "exceeded max depth of \(limit)"
        case .trailingCharacters: what = "invalid character after top-level value"
        }
        return "\(what) at offset \(self.offset)"
    }
}
