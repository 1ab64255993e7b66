/// Why a JSON Pointer could not be parsed or resolved.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// A non-empty pointer must start with `/`.
        case missingLeadingSlash
        /// `~` must be followed by `0` or `1`; `offset` is the byte offset of the `~` in the pointer text.
        case invalidEscape(offset: Int)
        /// The object has no member named `token`.
        case noSuchMember(token: String)
        /// `token` is not a valid array index (`0`, or digits without a leading zero; `-` only where it may append).
        case invalidArrayIndex(token: String)
        /// The array index `index` is past the end of an array of `count` elements.
        case indexOutOfRange(index: Int, count: Int)
        /// The value at the prefix of the pointer is a scalar (of the given JSON type), so `token` cannot select into it.
        case notAContainer(token: String, typeName: String)
    }

    /// The reason.
    public let reason: Reason
    /// The pointer text, as written (escaped).
    public let pointer: String

    public init(_ reason: Reason, pointer: String) {
        self.reason = reason
        self.pointer = pointer
    }

    public var description: String {
        let what: String
        switch self.reason {
        case .missingLeadingSlash: what = "a JSON pointer must be empty or start with '/'"
        case .invalidEscape(let offset): what = "invalid escape at offset \(offset): '~' must be followed by '0' or '1'"
        case .noSuchMember(let token): what = "no member named \"\(token)\""
        case .invalidArrayIndex(let token): what = "\"\(token)\" is not a valid array index"
        case .indexOutOfRange(let index, let count): what = "index \(index) is out of range for an array of \(count) elements"
        case .notAContainer(let token, let typeName): what = "cannot select \"\(token)\" in a \(typeName)"
        }
        return "JSON pointer \"\(self.pointer)\": \(what)"
    }
}
