/// An RFC 6901 JSON Pointer: a path of reference tokens such as `/spec/template/metadata/labels/app`.
///
/// The pointer keeps its tokens unescaped; ``description`` writes them escaped again (`~` as `~0`, `/` as `~1`).
/// The empty pointer `""` designates the whole document.
public struct JSONPointer: Sendable, Hashable {
    /// The unescaped reference tokens, outermost first.
    public let tokens: [String]

    /// The pointer to the whole document.
    public static var root: JSONPointer { JSONPointer(tokens: []) }

    /// A pointer from unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses pointer text such as `/a/b~1c/0`.
    /// - Throws: ``JSONPointerError`` when the text does not start with `/` (and is not empty) or has a bad `~` escape.
    public init(_ text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        let utf8 = Array(text.utf8)
        guard utf8[0] == UInt8(ascii: "/") else { throw JSONPointerError(.missingLeadingSlash, pointer: text) }
        var tokens: [String] = []
        var current: [UInt8] = []
        var i = 1
        while i < utf8.count {
            let byte = utf8[i]
            if byte == UInt8(ascii: "/") {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "~") {
                guard i + 1 < utf8.count else { throw JSONPointerError(.invalidEscape(offset: i), pointer: text) }
                switch utf8[i + 1] {
                case UInt8(ascii: "0"): current.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): current.append(UInt8(ascii: "/"))
                default: throw JSONPointerError(.invalidEscape(offset: i), pointer: text)
                }
                i += 1
            } else {
                current.append(byte)
            }
            i += 1
        }
        tokens.append(String(decoding: current, as: UTF8.self))
        self.tokens = tokens
    }

    /// `true` for the pointer to the whole document.
    public var isRoot: Bool { self.tokens.isEmpty }

    /// The pointer to the parent of the designated value; `nil` for the root.
    public var parent: JSONPointer? {
        self.tokens.isEmpty ? nil : JSONPointer(tokens: Array(self.tokens.dropLast()))
    }

    /// The last reference token; `nil` for the root.
    public var lastToken: String? { self.tokens.last }

    /// This pointer extended by one unescaped token.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: self.tokens + [token])
    }

    /// `true` when `other` designates this value or a value inside it (`/a` is a prefix of `/a` and `/a/b`).
    public func isPrefix(of other: JSONPointer) -> Bool {
        self.tokens.count <= other.tokens.count && zip(self.tokens, other.tokens).allSatisfy { $0 == $1 }
    }

    /// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var result = ""
        result.reserveCapacity(token.utf8.count + 4)
        for character in token.unicodeScalars {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Unescapes one reference token (`~1` to `/`, then `~0` to `~`).
    /// - Throws: ``JSONPointerError/Reason/invalidEscape(offset:)`` for a `~` not followed by `0` or `1`.
    public static func unescape(_ token: String) throws(JSONPointerError) -> String {
        let parsed = try JSONPointer("/" + token)
        return parsed.tokens[0]
    }

    /// The array index a token designates: `0` or digits without a leading zero, within `Int`; `nil` otherwise
    /// (including for `-`).
    public static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        if first == UInt8(ascii: "0") && utf8.count > 1 { return nil }
        return Int(token)
    }

    /// The value this pointer designates in `document`.
    /// - Throws: ``JSONPointerError`` naming the failing token.
    public func resolve(in document: JSONValue) throws(JSONPointerError) -> JSONValue {
        var current = document
        for token in self.tokens {
            current = try self.child(of: current, token: token)
        }
        return current
    }

    /// The value designated in `document`, or `nil` when there is none (no error detail).
    public func value(in document: JSONValue) -> JSONValue? {
        try? self.resolve(in: document)
    }

    /// The member or element `token` selects in `value`.
    func child(of value: JSONValue, token: String) throws(JSONPointerError) -> JSONValue {
        switch value {
        case .object(let object):
            guard let member = object[token] else {
                throw JSONPointerError(.noSuchMember(token: token), pointer: self.description)
            }
            return member
        case .array(let elements):
            let index = try self.index(token, count: elements.count, allowEnd: false)
            return elements[index]
        default:
            throw JSONPointerError(.notAContainer(token: token, typeName: value.typeName), pointer: self.description)
        }
    }

    /// Checks an array index token against an array of `count` elements. With `allowEnd`, `-` and `count` itself
    /// are accepted and both mean "append".
    func index(_ token: String, count: Int, allowEnd: Bool) throws(JSONPointerError) -> Int {
        if token == "-" {
            guard allowEnd else {
                throw JSONPointerError(.indexOutOfRange(index: count, count: count), pointer: self.description)
            }
            return count
        }
        guard let index = Self.arrayIndex(token) else {
            throw JSONPointerError(.invalidArrayIndex(token: token), pointer: self.description)
        }
        guard index < count || (allowEnd && index == count) else {
            throw JSONPointerError(.indexOutOfRange(index: index, count: count), pointer: self.description)
        }
        return index
    }
}

extension JSONPointer: CustomStringConvertible {
    /// The pointer text, tokens escaped.
    public var description: String {
        var text = ""
        for token in self.tokens {
            text += "/"
            text += Self.escape(token)
        }
        return text
    }
}

extension JSONPointer: ExpressibleByArrayLiteral {
    /// A pointer from unescaped tokens: `["metadata", "labels"]` is `/metadata/labels`.
    public init(arrayLiteral elements: String...) {
        self.init(tokens: elements)
    }
}
