/// Why YAML input could not be read, and where.
public struct YAMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The YAML parser rejected the text (libyaml's message).
        case syntax(String)
        /// A mapping repeats a key (the keys named).
        case duplicateKey(String)
        /// A scalar with an explicit tag does not hold a value of that type, e.g. `!!int abc`.
        case invalidTaggedValue(tag: String, value: String)
        /// `.inf`, `-.inf` and `.nan` have no JSON form.
        case unsupportedFloat(String)
        /// A mapping key that JSON cannot have as a member name (`null`, a mapping, a sequence, a huge integer).
        case unsupportedKey(String)
        /// A `<<` merge whose value is not a mapping or a sequence of mappings.
        case invalidMerge
        /// A `!!binary` scalar that is not valid base64.
        case invalidBase64
        /// Aliases expand the document beyond the reader's node budget (a "billion laughs" document).
        case excessiveAliasing(limit: Int)
        /// Nesting deeper than the reader's limit.
        case tooDeep(limit: Int)
        /// A single document was expected, the stream holds more.
        case multipleDocuments
        /// The input bytes are not UTF-8.
        case invalidUTF8
    }

    /// The reason.
    public let reason: Reason
    /// The 1-based line of the problem; 0 when unknown.
    public let line: Int
    /// The 1-based column (in Unicode scalars) of the problem; 0 when unknown.
    public let column: Int
    /// The index of the document in a multi-document stream, counting empty documents too; `nil` for single reads.
    public let documentIndex: Int?

    public init(_ reason: Reason, line: Int, column: Int, documentIndex: Int? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
        self.documentIndex = documentIndex
    }

    /// The same error attributed to document `index` of a stream.
    func inDocument(_ index: Int) -> YAMLReadError {
        YAMLReadError(self.reason, line: self.line, column: self.column, documentIndex: index)
    }

    public var description: String {
        let what: String
        switch self.reason {
        case .syntax(let message): what = message
        case .duplicateKey(let keys): what = "mapping key \(keys) already defined"
        case .invalidTaggedValue(let tag, let value): what = "cannot decode `\(value)` as a \(tag)"
        case .unsupportedFloat(let text): what = "unsupported value: \(text) cannot be represented in JSON"
        case .unsupportedKey(let key): what = "unsupported map key: \(key)"
        case .invalidMerge: what = "map merge requires map or sequence of maps as the value"
        case .invalidBase64: what = "!!binary value contains invalid base64 data"
        case .excessiveAliasing(let limit): what = "document contains excessive aliasing (more than \(limit) nodes)"
        case .tooDeep(let limit): what = "exceeded max depth of \(limit)"
        case .multipleDocuments: what = "expected a single document in the stream"
        case .invalidUTF8: what = "input is not valid UTF-8"
        }
        var text = "yaml: "
        if let index = self.documentIndex { text += "document \(index): " }
        if self.line > 0 { text += "line \(self.line), column \(self.column): " }
        return text + what
    }
}
