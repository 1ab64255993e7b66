/// Writes ``JSONValue``s as YAML in the style of `kubectl get -o yaml`.
///
/// Block style with two-space indentation; a sequence under a mapping key is not indented (`- ` starts at the
/// key's column) and a mapping inside a sequence starts on the dash's line. Strings are written plain when
/// ``YAMLReader`` (and kubectl) would read them back as the same string, in double quotes when they would read
/// back as another type (`"true"`, `"123"`, `""`, `"2024-01-01"`) or hold characters that need escapes, in
/// single quotes when they only clash with YAML indicators (`'*'`, `'a: b'`), and multi-line strings as `|`
/// literal blocks. Empty collections are written `{}` and `[]`.
public struct YAMLWriter: Sendable {
    /// Output formatting.
    public struct Options: Sendable {
        /// Write mapping members sorted by key (byte order) instead of in insertion order; kubectl sorts.
        public var sortedKeys: Bool

        public init(sortedKeys: Bool = false) {
            self.sortedKeys = sortedKeys
        }
    }

    /// The text written so far.
    public private(set) var text: String
    private let options: Options

    public init(options: Options = Options()) {
        self.options = options
        self.text = ""
    }

    /// Appends one document (ending in a newline).
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .object(let object) where !object.isEmpty:
            self.writeObject(object, indent: 0, inline: false)
        case .array(let elements) where !elements.isEmpty:
            self.writeArray(elements, indent: 0, inline: false)
        default:
            self.writeScalar(value, allowLiteral: false, indent: 0)
            self.text += "\n"
        }
    }

    /// Appends a `---` separator and then a document, unless nothing has been written yet.
    public mutating func writeDocument(_ value: JSONValue) {
        if !self.text.isEmpty { self.text += "---\n" }
        self.write(value)
    }

    /// `value` as one YAML document.
    public static func string(for value: JSONValue, options: Options = Options()) -> String {
        var writer = YAMLWriter(options: options)
        writer.write(value)
        return writer.text
    }

    /// `values` as a `---`-separated YAML stream.
    public static func string(forDocuments values: [JSONValue], options: Options = Options()) -> String {
        var writer = YAMLWriter(options: options)
        for value in values { writer.writeDocument(value) }
        return writer.text
    }

    // MARK: - Collections

    /// Writes the members of a non-empty mapping at column `indent`. With `inline`, the cursor already sits at
    /// that column (after a sequence dash), so the first member is not indented again.
    private mutating func writeObject(_ object: JSONObject, indent: Int, inline: Bool) {
        var ordered = object
        if self.options.sortedKeys { ordered.sortKeys() }
        var first = true
        for member in ordered.members {
            if !(first && inline) { self.pad(indent) }
            first = false
            self.writeString(member.key, allowLiteral: false, indent: indent)
            self.text += ":"
            self.writeNested(member.value, keyIndent: indent)
        }
    }

    /// Writes what follows `key:` — a scalar on the same line, or a collection on the next lines.
    private mutating func writeNested(_ value: JSONValue, keyIndent: Int) {
        switch value {
        case .object(let object) where !object.isEmpty:
            self.text += "\n"
            self.writeObject(object, indent: keyIndent + 2, inline: false)
        case .array(let elements) where !elements.isEmpty:
            self.text += "\n"
            self.writeArray(elements, indent: keyIndent, inline: false)
        default:
            self.text += " "
            self.writeScalar(value, allowLiteral: true, indent: keyIndent)
            self.text += "\n"
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], indent: Int, inline: Bool) {
        var first = true
        for element in elements {
            if !(first && inline) { self.pad(indent) }
            first = false
            self.text += "- "
            switch element {
            case .object(let object) where !object.isEmpty:
                self.writeObject(object, indent: indent + 2, inline: true)
            case .array(let nested) where !nested.isEmpty:
                self.writeArray(nested, indent: indent + 2, inline: true)
            default:
                self.writeScalar(element, allowLiteral: true, indent: indent)
                self.text += "\n"
            }
        }
    }

    private mutating func pad(_ count: Int) {
        for _ in 0..<count { self.text += " " }
    }

    // MARK: - Scalars

    /// Writes a scalar or an empty collection; `indent` is the column of the enclosing key or dash, which a
    /// literal block's lines are indented past.
    private mutating func writeScalar(_ value: JSONValue, allowLiteral: Bool, indent: Int) {
        switch value {
        case .null: self.text += "null"
        case .bool(let b): self.text += b ? "true" : "false"
        case .int(let i): self.text += String(i)
        case .number(let n): self.text += n.text
        case .string(let s): self.writeString(s, allowLiteral: allowLiteral, indent: indent)
        case .array: self.text += "[]"
        case .object: self.text += "{}"
        }
    }

    private mutating func writeString(_ string: String, allowLiteral: Bool, indent: Int) {
        switch YAMLScalarStyle.choose(for: string, allowLiteral: allowLiteral) {
        case .plain: self.text += string
        case .singleQuoted:
            self.text += "'"
            for scalar in string.unicodeScalars {
                if scalar == "'" { self.text += "''" } else { self.text.unicodeScalars.append(scalar) }
            }
            self.text += "'"
        case .doubleQuoted: self.writeDoubleQuoted(string)
        case .literal: self.writeLiteral(string, indent: indent)
        }
    }

    private mutating func writeDoubleQuoted(_ string: String) {
        self.text += "\""
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: self.text += "\\\""
            case 0x5C: self.text += "\\\\"
            case 0x00: self.text += "\\0"
            case 0x07: self.text += "\\a"
            case 0x08: self.text += "\\b"
            case 0x09: self.text += "\\t"
            case 0x0A: self.text += "\\n"
            case 0x0B: self.text += "\\v"
            case 0x0C: self.text += "\\f"
            case 0x0D: self.text += "\\r"
            case 0x1B: self.text += "\\e"
            case 0x85: self.text += "\\N"
            case 0x2028: self.text += "\\L"
            case 0x2029: self.text += "\\P"
            case let v where v < 0x20 || (v >= 0x7F && v <= 0x9F):
                self.text += "\\x"
                self.appendHex(v, digits: 2)
            case 0xFEFF, 0xFFFE, 0xFFFF:
                self.text += "\\u"
                self.appendHex(scalar.value, digits: 4)
            default:
                self.text.unicodeScalars.append(scalar)
            }
        }
        self.text += "\""
    }

    private mutating func appendHex(_ value: UInt32, digits: Int) {
        let hex = String(value, radix: 16, uppercase: true)
        self.text += String(repeating: "0", count: max(0, digits - hex.count))
        self.text += hex
    }

    /// A `|` block: lines indented two past `indent`; an indentation indicator when the first line starts with
    /// a space; `-` when there is no final line break, `+` when there are several.
    private mutating func writeLiteral(_ string: String, indent: Int) {
        var body = Substring(string)
        var trailingBreaks = 0
        while body.last == "\n" {
            body.removeLast()
            trailingBreaks += 1
        }
        self.text += "|"
        if body.first == " " { self.text += "2" }
        switch trailingBreaks {
        case 0: self.text += "-"
        case 1: break
        default: self.text += "+"
        }
        self.text += "\n"
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.isEmpty {
                self.pad(indent + 2)
                self.text += line
            }
            self.text += "\n"
        }
        if trailingBreaks > 1 {
            for _ in 1..<trailingBreaks { self.text += "\n" }
        }
        // The caller ends the line after the scalar; a literal block has already ended its last line.
        self.text.removeLast()
    }
}

extension JSONValue {
    /// This value as a YAML document, as `kubectl get -o yaml` would print it (keys in insertion order unless
    /// `options` sorts them).
    public func yamlString(options: YAMLWriter.Options = .init()) -> String {
        YAMLWriter.string(for: self, options: options)
    }
}
