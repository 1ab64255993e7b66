/// Why a label selector string was rejected, and where.
public struct SelectorParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message Go's `labels.Parse` gives, e.g. `unable to parse requirement: found '', expected: identifier`.
    public let message: String
    /// The UTF-8 byte offset (from 0) of the token at which parsing failed.
    public let position: Int

    public init(message: String, position: Int) {
        self.message = message
        self.position = position
    }

    /// ``message`` followed by the position.
    public var description: String { "\(self.message) (at offset \(self.position))" }
}

extension Selector {
    /// Parses the label selector syntax of `kubectl -l` and `?labelSelector=` (Go's `labels.Parse`):
    ///
    /// ```
    /// selector    ::= [ requirement { "," requirement } ]
    /// requirement ::= "!" key | key [ ( "=" | "==" | "!=" ) [value] | ( "in" | "notin" ) "(" values ")"
    ///                 | ( ">" | "<" ) integer ]
    /// ```
    ///
    /// Whitespace between tokens is ignored. Keys and values are validated as label keys and values. The
    /// empty string parses as ``everything``.
    /// - Throws: ``SelectorParseError`` with Go's message and the offset of the offending token.
    public init(parsing text: String) throws(SelectorParseError) {
        var parser = SelectorStringParser(tokens: SelectorStringParser.tokenize(text))
        self.init(requirements: try parser.parse())
    }
}

/// The lexer and recursive-descent parser behind ``Selector/init(parsing:)``.
private struct SelectorStringParser {
    enum Kind: Equatable {
        case identifier, `in`, notIn, openParenthesis, closeParenthesis, comma, doesNotExist
        case equals, doubleEquals, notEquals, greaterThan, lessThan, end
    }

    struct Token {
        var kind: Kind
        var literal: String
        var offset: Int
    }

    /// Whether `in` / `notin` are keywords (after a key) or plain identifiers (keys and values).
    enum Context {
        case keyAndOperator, values
    }

    let tokens: [Token]
    var index = 0

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","),
            UInt8(ascii: ">"), UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    static func tokenize(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var position = 0
        while true {
            while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
            guard position < bytes.count else {
                tokens.append(Token(kind: .end, literal: "", offset: position))
                return tokens
            }
            let start = position
            let byte = bytes[position]
            if isSpecial(byte) {
                let next = position + 1 < bytes.count ? bytes[position + 1] : 0
                let kind: Kind
                if byte == UInt8(ascii: "!") && next == UInt8(ascii: "=") {
                    kind = .notEquals
                    position += 2
                } else if byte == UInt8(ascii: "=") && next == UInt8(ascii: "=") {
                    kind = .doubleEquals
                    position += 2
                } else {
                    switch byte {
                    case UInt8(ascii: "="): kind = .equals
                    case UInt8(ascii: "!"): kind = .doesNotExist
                    case UInt8(ascii: "("): kind = .openParenthesis
                    case UInt8(ascii: ")"): kind = .closeParenthesis
                    case UInt8(ascii: ","): kind = .comma
                    case UInt8(ascii: ">"): kind = .greaterThan
                    default: kind = .lessThan
                    }
                    position += 1
                }
                tokens.append(Token(kind: kind, literal: String(decoding: bytes[start..<position], as: UTF8.self), offset: start))
            } else {
                while position < bytes.count, !isWhitespace(bytes[position]), !isSpecial(bytes[position]) { position += 1 }
                let literal = String(decoding: bytes[start..<position], as: UTF8.self)
                let kind: Kind = literal == "in" ? .in : (literal == "notin" ? .notIn : .identifier)
                tokens.append(Token(kind: kind, literal: literal, offset: start))
            }
        }
    }

    private func lookahead(_ context: Context) -> Token {
        Self.adjust(self.tokens[min(self.index, self.tokens.count - 1)], context)
    }

    private mutating func consume(_ context: Context) -> Token {
        let token = self.lookahead(context)
        if self.index < self.tokens.count - 1 { self.index += 1 }
        return token
    }

    private static func adjust(_ token: Token, _ context: Context) -> Token {
        var token = token
        if context == .values, token.kind == .in || token.kind == .notIn { token.kind = .identifier }
        return token
    }

    private static func failure(_ message: String, _ token: Token) -> SelectorParseError {
        SelectorParseError(message: message, position: token.offset)
    }

    mutating func parse() throws(SelectorParseError) -> [Selector.Requirement] {
        var requirements: [Selector.Requirement] = []
        while true {
            let token = self.lookahead(.values)
            switch token.kind {
            case .identifier, .doesNotExist:
                requirements.append(try self.parseRequirement())
                let after = self.consume(.values)
                switch after.kind {
                case .end:
                    return requirements
                case .comma:
                    let next = self.lookahead(.values)
                    if next.kind != .identifier && next.kind != .doesNotExist {
                        throw Self.failure("found '\(next.literal)', expected: identifier after ','", next)
                    }
                default:
                    throw Self.failure("found '\(after.literal)', expected: ',' or 'end of string'", after)
                }
            case .end:
                return requirements
            default:
                throw Self.failure("found '\(token.literal)', expected: !, identifier, or 'end of string'", token)
            }
        }
    }

    private mutating func parseRequirement() throws(SelectorParseError) -> Selector.Requirement {
        let start = self.lookahead(.values)
        func wrapped(_ message: String, _ token: Token) -> SelectorParseError {
            Self.failure("unable to parse requirement: " + message, token)
        }
        var keyToken = self.consume(.values)
        var op: Selector.Requirement.Operator? = nil
        if keyToken.kind == .doesNotExist {
            op = .doesNotExist
            keyToken = self.consume(.values)
        }
        guard keyToken.kind == .identifier else {
            throw wrapped("found '\(keyToken.literal)', expected: identifier", keyToken)
        }
        let keyErrors = Selector.validateLabelKey(keyToken.literal)
        if !keyErrors.isEmpty {
            throw wrapped("<nil>: " + Selector.invalidValue(keyToken.literal, keyErrors.joined(separator: "; ")), keyToken)
        }
        let next = self.lookahead(.values)
        if next.kind == .end || next.kind == .comma {
            op = op ?? .exists
        }
        if let op, op == .exists || op == .doesNotExist {
            return try Self.requirement(keyToken.literal, op, [], start)
        }
        let opToken = self.consume(.keyAndOperator)
        let binary: Selector.Requirement.Operator
        switch opToken.kind {
        case .in: binary = .in
        case .notIn: binary = .notIn
        case .equals: binary = .equals
        case .doubleEquals: binary = .doubleEquals
        case .notEquals: binary = .notEquals
        case .greaterThan: binary = .greaterThan
        case .lessThan: binary = .lessThan
        default:
            throw wrapped("found '\(opToken.literal)', expected: in, notin, =, ==, !=, gt, lt", opToken)
        }
        let values: [String]
        if binary == .in || binary == .notIn {
            values = try self.parseValues()
        } else {
            values = try self.parseExactValue()
        }
        return try Self.requirement(keyToken.literal, binary, values, start)
    }

    private static func requirement(
        _ key: String, _ op: Selector.Requirement.Operator, _ values: [String], _ token: Token
    ) throws(SelectorParseError) -> Selector.Requirement {
        do {
            return try Selector.Requirement(key: key, operator: op, values: values)
        } catch {
            throw Self.failure("unable to parse requirement: " + error.description, token)
        }
    }

    /// `( a, b )`; empty entries (`(a,)`, `(,)`, `()`) stand for the empty value, as in Go.
    private mutating func parseValues() throws(SelectorParseError) -> [String] {
        let open = self.consume(.values)
        guard open.kind == .openParenthesis else {
            throw Self.failure("unable to parse requirement: found '\(open.literal)' expected: '('", open)
        }
        let first = self.lookahead(.values)
        switch first.kind {
        case .identifier, .comma:
            let values = try self.parseIdentifierList()
            let close = self.consume(.values)
            guard close.kind == .closeParenthesis else {
                throw Self.failure("unable to parse requirement: found '\(first.literal)', expected: ')'", close)
            }
            return values
        case .closeParenthesis:
            _ = self.consume(.values)
            return [""]
        default:
            throw Self.failure("unable to parse requirement: found '\(first.literal)', expected: ',', ')' or identifier", first)
        }
    }

    private mutating func parseIdentifierList() throws(SelectorParseError) -> [String] {
        var values: Set<String> = []
        while true {
            let token = self.consume(.values)
            switch token.kind {
            case .identifier:
                values.insert(token.literal)
                let next = self.lookahead(.values)
                switch next.kind {
                case .comma: continue
                case .closeParenthesis: return Array(values)
                default:
                    throw Self.failure("unable to parse requirement: found '\(next.literal)', expected: ',' or ')'", next)
                }
            case .comma:
                if values.isEmpty { values.insert("") }
                let next = self.lookahead(.values)
                if next.kind == .closeParenthesis {
                    values.insert("")
                    return Array(values)
                }
                if next.kind == .comma {
                    _ = self.consume(.values)
                    values.insert("")
                }
            default:
                throw Self.failure("unable to parse requirement: found '\(token.literal)', expected: ',', or identifier", token)
            }
        }
    }

    /// The single value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is the empty value.
    private mutating func parseExactValue() throws(SelectorParseError) -> [String] {
        let next = self.lookahead(.values)
        if next.kind == .end || next.kind == .comma { return [""] }
        let token = self.consume(.values)
        guard token.kind == .identifier else {
            throw Self.failure("unable to parse requirement: found '\(token.literal)', expected: identifier", token)
        }
        return [token.literal]
    }
}
