public import KubeJSON

/// One step of a field path, as structured-merge-diff names it: a field of an object, an element of an
/// associative list (by its key fields), an element of a set (by its value), or a position in a list.
public enum FieldPathElement: Sendable, Hashable {
    /// A member of an object (`f:<name>`).
    case field(String)
    /// The element of an associative list whose key fields have these values, sorted by name
    /// (`k:{"name":"nginx"}`).
    case key([FieldPathKey])
    /// The element of a set-like list of primitives with this value (`v:"example.com/finalizer"`).
    case value(JSONValue)
    /// The element at a position (`i:0`); only used when an element cannot be identified otherwise.
    case index(Int)
}

/// One key field of an associative list element: its name and value.
public struct FieldPathKey: Sendable, Hashable {
    /// The key field (`name`, `containerPort`).
    public var name: String
    /// Its value in the element.
    public var value: JSONValue

    /// A key field.
    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

extension FieldPathElement {
    /// The element for the associative-list item with these key fields (sorted by name here).
    public static func keyed(_ fields: [(String, JSONValue)]) -> FieldPathElement {
        .key(
            fields.map { FieldPathKey(name: $0.0, value: $0.1) }
                .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        )
    }

    /// The FieldsV1 key of this element: `f:name`, `k:{"name":"nginx"}`, `v:"x"`, `i:0`.
    public var fieldsV1Key: String {
        switch self {
        case .field(let name):
            return "f:" + name
        case .key(let fields):
            return "k:" + String(decoding: Self.keyText(fields), as: UTF8.self)
        case .value(let value):
            var writer = JSONWriter(capacity: 64)
            writer.write(value)
            return "v:" + String(decoding: writer.bytes, as: UTF8.self)
        case .index(let index):
            return "i:\(index)"
        }
    }

    /// The JSON object after `k:` in a key element's FieldsV1 key (`{"name":"nginx"}`), written piece by piece
    /// into a small buffer: every list item of every write is named this way.
    private static func keyText(_ fields: [FieldPathKey]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.writeRaw("{")
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.writeRaw(",") }
            writer.writeString(field.name)
            writer.writeRaw(":")
            writer.write(field.value)
        }
        writer.writeRaw("}")
        return writer.bytes
    }

    /// Writes ``fieldsV1Key`` as a JSON string, without making the key a `String` first.
    func writeFieldsV1Key(into writer: inout JSONWriter) {
        switch self {
        case .field(let name):
            writer.writeString(name, prefix: "f:")
        case .key(let fields):
            writer.writeString(utf8: Self.keyText(fields), prefix: "k:")
        case .value, .index:
            writer.writeString(self.fieldsV1Key)
        }
    }

    /// Parses a FieldsV1 key (`f:`, `k:`, `v:` or `i:` followed by its content).
    /// - Throws: ``FieldSetDecodingError`` when the key has no known prefix or its content does not parse.
    public init(fieldsV1Key text: String) throws(FieldSetDecodingError) {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[1] == UInt8(ascii: ":") else {
            throw FieldSetDecodingError(message: "unexpected key \(GoQuote.quote(text)) in FieldsV1")
        }
        let content = String(decoding: utf8[2...], as: UTF8.self)
        switch utf8[0] {
        case UInt8(ascii: "f"):
            self = .field(content)
        case UInt8(ascii: "k"):
            guard case .object(let object)? = try? JSONValue(parsing: content) else {
                throw FieldSetDecodingError(message: "invalid key \(GoQuote.quote(text)) in FieldsV1: expected a JSON object")
            }
            self = .keyed(object.members.map { ($0.key, $0.value) })
        case UInt8(ascii: "v"):
            guard let value = try? JSONValue(parsing: content) else {
                throw FieldSetDecodingError(message: "invalid value \(GoQuote.quote(text)) in FieldsV1")
            }
            self = .value(value)
        case UInt8(ascii: "i"):
            guard let index = Int(content), index >= 0 else {
                throw FieldSetDecodingError(message: "invalid index \(GoQuote.quote(text)) in FieldsV1")
            }
            self = .index(index)
        default:
            throw FieldSetDecodingError(message: "unexpected key \(GoQuote.quote(text)) in FieldsV1")
        }
    }
}

extension FieldPathElement: Comparable {
    /// structured-merge-diff's order: fields, then keys, then values, then indices; fields by name, keys field by
    /// field, values by ``JSONValueOrder``.
    public static func < (lhs: FieldPathElement, rhs: FieldPathElement) -> Bool {
        lhs.compare(rhs) < 0
    }

    /// -1, 0 or 1 as `self` sorts before, with or after `other`.
    func compare(_ other: FieldPathElement) -> Int {
        switch (self, other) {
        case (.field(let a), .field(let b)):
            return JSONValueOrder.compare(a, b)
        case (.key(let a), .key(let b)):
            for (left, right) in zip(a, b) {
                let byName = JSONValueOrder.compare(left.name, right.name)
                if byName != 0 { return byName }
                let byValue = JSONValueOrder.compare(left.value, right.value)
                if byValue != 0 { return byValue }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        case (.value(let a), .value(let b)):
            return JSONValueOrder.compare(a, b)
        case (.index(let a), .index(let b)):
            return a == b ? 0 : (a < b ? -1 : 1)
        default:
            return self.rank < other.rank ? -1 : 1
        }
    }

    private var rank: Int {
        switch self {
        case .field: 0
        case .key: 1
        case .value: 2
        case .index: 3
        }
    }
}

extension FieldPathElement: CustomStringConvertible {
    /// The path-string form used in conflict messages: `.name`, `[name="nginx"]`, `[="x"]`, `[0]`.
    public var description: String {
        switch self {
        case .field(let name):
            return "." + name
        case .key(let fields):
            return "[" + fields.map { "\($0.name)=\($0.value.serializedString())" }.joined(separator: ",") + "]"
        case .value(let value):
            return "[=\(value.serializedString())]"
        case .index(let index):
            return "[\(index)]"
        }
    }
}
