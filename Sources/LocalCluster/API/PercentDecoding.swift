/// Percent-decoding of URL path segments and query components, as Go's `net/url` does it.
enum PercentDecoding {
    /// The decoded text, or the first bad escape (`%zz`, or a lone `%`) as the error.
    /// - Parameter plusAsSpace: `true` for query components, where `+` means a space.
    static func decode(_ text: some StringProtocol, plusAsSpace: Bool) -> Result<String, InvalidEscape> {
        // Most segments and parameters have nothing to decode: no copy of their bytes for those.
        let needsDecoding = text.utf8.contains { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }
        guard needsDecoding else { return .success(String(text)) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count,
                    let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2])
                else {
                    let end = min(index + 3, bytes.count)
                    return .failure(InvalidEscape(escape: String(decoding: bytes[index..<end], as: UTF8.self)))
                }
                output.append(high << 4 | low)
                index += 3
            } else if plusAsSpace && byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return .success(String(decoding: output, as: UTF8.self))
    }

    /// A malformed `%` escape.
    struct InvalidEscape: Error, Hashable {
        var escape: String
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
