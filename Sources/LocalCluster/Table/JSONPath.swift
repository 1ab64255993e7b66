public import KubeJSON

/// The subset of Kubernetes JSONPath that printer columns use, read once and evaluated against objects.
///
/// Supported: member access (`.spec.replicas`, `.metadata.labels.app`, escaped dots as in
/// `.metadata.annotations.example\.com/x`, quoted keys as in `['app.kubernetes.io/name']`), array indexes
/// (`[0]`, `[-1]`), wildcards (`[*]`, `.*`), and filters on a relative path, alone (existence) or compared
/// with a literal string, number, boolean or `null` (`[?(@.type=="Ready")]`, `[?(@.port>80)]`). An optional
/// `{...}` wrapper and leading `$` are accepted. Slices, unions and recursive descent are not.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from a set of values to the next.
    enum Step: Sendable, Hashable {
        case member(String)
        case index(Int)
        case wildcard
        case filter(Filter)
    }

    /// `[?(@.path op literal)]`, or `[?(@.path)]` when `comparison` is `nil`.
    struct Filter: Sendable, Hashable {
        var path: [Step]
        var comparison: Comparison?
    }

    /// `op literal`.
    struct Comparison: Sendable, Hashable {
        var op: Operator
        var literal: JSONValue
    }

    enum Operator: String, Sendable, Hashable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// The expression as given.
    public let expression: String
    let steps: [Step]

    /// Reads `expression`.
    /// - Throws: ``JSONPathError`` for syntax outside the supported subset.
    public init(parsing expression: String) throws(JSONPathError) {
        var reader = Reader(expression: expression)
        self.expression = expression
        self.steps = try reader.readPath()
    }

    public var description: String { self.expression }

    /// Every value the path selects in `document`, in document order; empty when nothing matches.
    public func evaluate(_ document: JSONValue) -> [JSONValue] {
        Self.apply(self.steps, to: [document])
    }

    /// The first value the path selects, as a printer column cell uses it.
    public func firstValue(in document: JSONValue) -> JSONValue? {
        self.evaluate(document).first
    }

    static func apply(_ steps: [Step], to start: [JSONValue]) -> [JSONValue] {
        var current = start
        for step in steps {
            var next: [JSONValue] = []
            for value in current {
                switch step {
                case .member(let name):
                    if let member = value[name] { next.append(member) }
                case .index(let index):
                    if case .array(let elements) = value {
                        let position = index < 0 ? elements.count + index : index
                        if elements.indices.contains(position) { next.append(elements[position]) }
                    }
                case .wildcard:
                    switch value {
                    case .array(let elements): next.append(contentsOf: elements)
                    case .object(let object): next.append(contentsOf: object.members.map(\.value))
                    default: break
                    }
                case .filter(let filter):
                    let candidates: [JSONValue]
                    switch value {
                    case .array(let elements): candidates = elements
                    case .object(let object): candidates = object.members.map(\.value)
                    default: candidates = []
                    }
                    next.append(contentsOf: candidates.filter { filter.matches($0) })
                }
            }
            current = next
        }
        return current
    }
}

extension JSONPath.Filter {
    func matches(_ element: JSONValue) -> Bool {
        guard let left = JSONPath.apply(self.path, to: [element]).first else { return false }
        guard let comparison = self.comparison else { return true }
        switch comparison.op {
        case .equal: return left == comparison.literal
        case .notEqual: return left != comparison.literal
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = Self.order(left, comparison.literal) else { return false }
            switch comparison.op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    /// -1, 0 or 1 for two numbers or two strings; `nil` for anything else.
    private static func order(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        if let l = lhs.doubleValue, let r = rhs.doubleValue { return l < r ? -1 : (l > r ? 1 : 0) }
        if case .string(let l) = lhs, case .string(let r) = rhs { return l < r ? -1 : (l > r ? 1 : 0) }
        return nil
    }
}

extension JSONPath {
    /// A cursor over the expression's characters.
    struct Reader {
        let expression: String
        let characters: [Character]
        var position = 0

        init(expression: String) {
            self.expression = expression
            self.characters = Array(expression)
        }

        func fail(_ reason: String) -> JSONPathError {
            JSONPathError(expression: self.expression, offset: self.position, reason: reason)
        }

        var current: Character? { self.position < self.characters.count ? self.characters[self.position] : nil }

        mutating func skipSpaces() {
            while let c = self.current, c == " " || c == "\t" { self.position += 1 }
        }

        mutating func consume(_ expected: Character) -> Bool {
            guard self.current == expected else { return false }
            self.position += 1
            return true
        }

        mutating func expect(_ expected: Character) throws(JSONPathError) {
            guard self.consume(expected) else { throw self.fail("expected \"\(expected)\"") }
        }

        /// The whole expression: `{`? `$`? steps `}`?.
        mutating func readPath() throws(JSONPathError) -> [Step] {
            self.skipSpaces()
            let braced = self.consume("{")
            self.skipSpaces()
            _ = self.consume("$")
            let steps = try self.readSteps()
            self.skipSpaces()
            if braced { try self.expect("}") }
            self.skipSpaces()
            guard self.current == nil else { throw self.fail("unexpected \"\(self.current!)\"") }
            guard !steps.isEmpty else { throw self.fail("empty path") }
            return steps
        }

        /// Steps until something that cannot start one.
        mutating func readSteps() throws(JSONPathError) -> [Step] {
            var steps: [Step] = []
            while let c = self.current {
                if c == "." {
                    self.position += 1
                    if self.current == "." { throw self.fail("recursive descent is not supported") }
                    if self.consume("*") {
                        steps.append(.wildcard)
                    } else {
                        steps.append(.member(try self.readName()))
                    }
                } else if c == "[" {
                    self.position += 1
                    steps.append(try self.readBracket())
                } else {
                    break
                }
            }
            return steps
        }

        /// A member name after `.`: up to the next unescaped `.`, `[`, `}`, space, operator or `)`.
        mutating func readName() throws(JSONPathError) -> String {
            var name = ""
            while let c = self.current {
                if c == "\\", self.position + 1 < self.characters.count {
                    name.append(self.characters[self.position + 1])
                    self.position += 2
                    continue
                }
                if ".[]}() \t=!<>".contains(c) { break }
                name.append(c)
                self.position += 1
            }
            guard !name.isEmpty else { throw self.fail("expected a member name") }
            return name
        }

        /// After `[`: `*]`, `?(...)]`, `'key']`, `"key"]` or `n]`.
        mutating func readBracket() throws(JSONPathError) -> Step {
            self.skipSpaces()
            let step: Step
            if self.consume("*") {
                step = .wildcard
            } else if self.consume("?") {
                try self.expect("(")
                step = .filter(try self.readFilter())
                try self.expect(")")
            } else if self.current == "'" || self.current == "\"" {
                step = .member(try self.readQuoted())
            } else {
                step = .index(try self.readInteger())
            }
            self.skipSpaces()
            guard self.consume("]") else {
                if self.current == ":" || self.current == "," { throw self.fail("slices and unions are not supported") }
                throw self.fail("expected \"]\"")
            }
            return step
        }

        mutating func readFilter() throws(JSONPathError) -> Filter {
            self.skipSpaces()
            try self.expect("@")
            let path = try self.readSteps()
            self.skipSpaces()
            guard let op = self.readOperator() else { return Filter(path: path, comparison: nil) }
            self.skipSpaces()
            let literal = try self.readLiteral()
            self.skipSpaces()
            return Filter(path: path, comparison: Comparison(op: op, literal: literal))
        }

        mutating func readOperator() -> Operator? {
            for op in [Operator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] {
                let text = Array(op.rawValue)
                if self.position + text.count <= self.characters.count,
                    Array(self.characters[self.position..<(self.position + text.count)]) == text
                {
                    self.position += text.count
                    return op
                }
            }
            return nil
        }

        mutating func readLiteral() throws(JSONPathError) -> JSONValue {
            if self.current == "'" || self.current == "\"" { return .string(try self.readQuoted()) }
            var word = ""
            while let c = self.current, !")] \t".contains(c) {
                word.append(c)
                self.position += 1
            }
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                if let integer = Int64(word) { return .int(integer) }
                if let number = JSONNumber(word) { return .number(number) }
                throw self.fail("expected a literal")
            }
        }

        mutating func readQuoted() throws(JSONPathError) -> String {
            guard let quote = self.current else { throw self.fail("expected a quoted string") }
            self.position += 1
            var text = ""
            while let c = self.current, c != quote {
                if c == "\\", self.position + 1 < self.characters.count {
                    text.append(self.characters[self.position + 1])
                    self.position += 2
                    continue
                }
                text.append(c)
                self.position += 1
            }
            try self.expect(quote)
            return text
        }

        mutating func readInteger() throws(JSONPathError) -> Int {
            var digits = ""
            if self.consume("-") { digits = "-" }
            while let c = self.current, c.isASCII, c.isNumber {
                digits.append(c)
                self.position += 1
            }
            guard let value = Int(digits) else { throw self.fail("expected an index, a quoted key, \"*\" or a filter") }
            return value
        }
    }
}
