/// A parsed field selector, as Go's `fields.Selector`: `metadata.name=x,spec.nodeName!=,status.phase==Running`.
///
/// Each term compares the value of one field path with `=` / `==` (equal) or `!=` (not equal). In values,
/// `\,`, `\=` and `\\` escape those characters. A field the object does not have reads as the empty string, as
/// in Go's `fields.Set`. ``description`` is Go's `String()`: terms sorted by their text, `==` written as `=`.
public struct FieldSelector: Sendable, Hashable {
    /// One term: a field path, an operator and a value.
    public struct Requirement: Sendable, Hashable {
        /// How the field's value is compared.
        public enum Operator: String, Sendable, Hashable {
            case equals = "="
            case doubleEquals = "=="
            case notEquals = "!="
        }

        /// The field path, e.g. `metadata.name`.
        public var field: String
        /// The comparison.
        public var `operator`: Operator
        /// The value, unescaped.
        public var value: String

        public init(field: String, operator: Operator, value: String) {
            self.field = field
            self.operator = `operator`
            self.value = value
        }

        /// `true` when the field's value (`""` when absent) satisfies the term.
        public func matches(_ fieldValue: (String) -> String?) -> Bool {
            let actual = fieldValue(self.field) ?? ""
            return self.operator == .notEquals ? actual != self.value : actual == self.value
        }
    }

    /// The terms, in the order Go keeps them (sorted by their text).
    public private(set) var requirements: [Requirement]

    /// A selector requiring all of `requirements`, in the given order.
    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    /// Matches every object (the empty selector).
    public static var everything: FieldSelector { FieldSelector(requirements: []) }

    /// `true` when there are no terms.
    public var isEmpty: Bool { self.requirements.isEmpty }

    /// Parses the field selector syntax (Go's `fields.ParseSelector`); the empty string is ``everything``.
    /// - Throws: ``FieldSelectorParseError`` with Go's message.
    public init(parsing text: String) throws(FieldSelectorParseError) {
        var parts = Self.splitTerms(text)
        parts.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var requirements: [Requirement] = []
        for part in parts where !part.isEmpty {
            guard let (field, op, rawValue) = Self.splitTerm(part) else {
                throw FieldSelectorParseError(message: "invalid selector: '\(text)'; can't understand '\(part)'")
            }
            requirements.append(Requirement(field: field, operator: op, value: try Self.unescape(rawValue)))
        }
        self.init(requirements: requirements)
    }

    /// `true` when every term holds; `fieldValue` returns a field's value for its path, `nil` when absent.
    public func matches(_ fieldValue: (String) -> String?) -> Bool {
        self.requirements.allSatisfy { $0.matches(fieldValue) }
    }

    /// The value `field` must equal, if a `=` / `==` term pins it (Go's `RequiresExactMatch`).
    public func requiresExactMatch(_ field: String) -> String? {
        self.requirements.first { $0.field == field && $0.operator != .notEquals }?.value
    }

    /// `value` with `\`, `,` and `=` escaped by a backslash (Go's `fields.EscapeValue`).
    public static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            if character == "\\" || character == "," || character == "=" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Splits on commas that are not escaped.
    private static func splitTerms(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var terms: [String] = []
        var current = ""
        var afterBackslash = false
        for character in text {
            if afterBackslash {
                afterBackslash = false
            } else if character == "\\" {
                afterBackslash = true
            } else if character == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        terms.append(current)
        return terms
    }

    /// The field, operator and raw value of a term, split at the first `!=`, `==` or `=`.
    private static func splitTerm(_ term: String) -> (String, Requirement.Operator, String)? {
        let bytes = Array(term.utf8)
        for index in bytes.indices {
            let operators: [(String, Requirement.Operator)] = [("!=", .notEquals), ("==", .doubleEquals), ("=", .equals)]
            for (symbol, op) in operators where bytes[index...].starts(with: symbol.utf8) {
                let field = String(decoding: bytes[..<index], as: UTF8.self)
                let value = String(decoding: bytes[(index + symbol.utf8.count)...], as: UTF8.self)
                return (field, op, value)
            }
        }
        return nil
    }

    /// Removes the escapes of a value; an unknown escape, a trailing backslash or a bare `,` / `=` is an error
    /// (Go's `fields.UnescapeValue`).
    private static func unescape(_ raw: String) throws(FieldSelectorParseError) -> String {
        var value = ""
        var afterBackslash = false
        for character in raw {
            if afterBackslash {
                guard character == "\\" || character == "," || character == "=" else {
                    throw FieldSelectorParseError(
                        message: "invalid field selector: invalid escape sequence: \\\(character)"
                    )
                }
                value.append(character)
                afterBackslash = false
            } else if character == "\\" {
                afterBackslash = true
            } else if character == "," || character == "=" {
                throw FieldSelectorParseError(message: "invalid field selector: unescaped character in value: \(character)")
            } else {
                value.append(character)
            }
        }
        if afterBackslash {
            throw FieldSelectorParseError(message: "invalid field selector: invalid escape sequence: \\")
        }
        return value
    }
}

extension FieldSelector: CustomStringConvertible {
    /// Go's `fields.Selector.String()`: `field=value` / `field!=value` terms joined by `,`, values escaped.
    public var description: String {
        self.requirements.map { requirement in
            requirement.field + (requirement.operator == .notEquals ? "!=" : "=") + Self.escape(requirement.value)
        }.joined(separator: ",")
    }
}

/// Why a field selector string was rejected.
public struct FieldSelectorParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Go's message, e.g. `invalid selector: 'a'; can't understand 'a'`.
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
