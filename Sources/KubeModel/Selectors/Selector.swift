/// A parsed label selector, as Go's `labels.Selector`: a conjunction of requirements on a label set.
///
/// Parsed from the query-string syntax `a=b,c!=d,e in (x,y),f notin (z),!g,h,i>5` (see
/// ``init(parsing:)``) or converted from a ``LabelSelector``. ``description`` is Go's `Selector.String()`:
/// requirements sorted by key, `in`/`notin` values sorted.
///
/// ``everything`` matches every label set and ``nothing`` none; both print as the empty string.
public struct Selector: Sendable, Hashable {
    /// The requirements, sorted by key (stable for equal keys).
    public private(set) var requirements: [Requirement]
    /// `true` only for ``nothing``.
    public let matchesNothing: Bool

    /// A selector requiring all of `requirements`.
    public init(requirements: [Requirement]) {
        self.requirements = Self.sortedByKey(requirements)
        self.matchesNothing = false
    }

    private init(nothing: ()) {
        self.requirements = []
        self.matchesNothing = true
    }

    /// Matches every label set (Go's `labels.Everything()`).
    public static var everything: Selector { Selector(requirements: []) }

    /// Matches no label set (Go's `labels.Nothing()`).
    public static var nothing: Selector { Selector(nothing: ()) }

    /// A selector requiring `key=value` for every pair, without validating them (Go's
    /// `SelectorFromValidatedSet`).
    public init(matchingLabels labels: [String: String]) {
        self.init(requirements: labels.map { Requirement(uncheckedKey: $0.key, operator: .equals, values: [$0.value]) })
    }

    /// `true` when the selector has no requirements and so matches everything (Go's `Empty()`); `false` for
    /// ``nothing``.
    public var isEmpty: Bool { !self.matchesNothing && self.requirements.isEmpty }

    /// `true` when `labels` satisfies every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        if self.matchesNothing { return false }
        for requirement in self.requirements where !requirement.matches(labels) { return false }
        return true
    }

    /// This selector with `requirement` added (Go's `Add`); ``nothing`` stays ``nothing``.
    public func adding(_ requirement: Requirement) -> Selector {
        if self.matchesNothing { return self }
        return Selector(requirements: self.requirements + [requirement])
    }

    /// The value a label must equal for the selector to match, if some requirement pins it with `=`, `==` or
    /// `in` with a single value (Go's `RequiresExactMatch`).
    public func requiresExactMatch(_ key: String) -> String? {
        for requirement in self.requirements where requirement.key == key {
            switch requirement.operator {
            case .equals, .doubleEquals, .in:
                if requirement.values.count == 1 { return requirement.values[0] }
            default: break
            }
        }
        return nil
    }

    private static func sortedByKey(_ requirements: [Requirement]) -> [Requirement] {
        requirements.enumerated().sorted { lhs, rhs in
            if lhs.element.key != rhs.element.key {
                return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

extension Selector: CustomStringConvertible {
    /// Go's `Selector.String()`: the requirements joined by `,`.
    public var description: String {
        self.requirements.map(\.description).joined(separator: ",")
    }
}

// MARK: - Requirement

extension Selector {
    /// One condition on one label key (Go's `labels.Requirement`).
    public struct Requirement: Sendable, Hashable {
        /// How the label's value is tested.
        public enum Operator: String, Sendable, Hashable, CaseIterable {
            case equals = "="
            case doubleEquals = "=="
            case notEquals = "!="
            case `in` = "in"
            case notIn = "notin"
            case exists = "exists"
            case doesNotExist = "!"
            case greaterThan = "gt"
            case lessThan = "lt"
        }

        /// The label key.
        public let key: String
        /// The test.
        public let `operator`: Operator
        /// The values, sorted and without duplicates (empty for `exists` / `!`).
        public let values: [String]

        /// A validated requirement (Go's `NewRequirement`): the key must be a qualified name, every value a
        /// valid label value, and the number of values must suit the operator.
        /// - Throws: ``FieldError`` for the first problem, with field `key`, `values` or `values[i]`.
        public init(key: String, operator: Operator, values: [String]) throws(FieldError) {
            let keyErrors = Selector.validateLabelKey(key)
            if !keyErrors.isEmpty {
                throw FieldError(field: "key", message: Selector.invalidValue(key, keyErrors.joined(separator: "; ")))
            }
            let valuesText = "[]string{" + values.map { KubeTime.goQuote($0) }.joined(separator: ", ") + "}"
            switch `operator` {
            case .in, .notIn:
                if values.isEmpty {
                    throw FieldError(
                        field: "values",
                        message: "Invalid value: \(valuesText): for 'in', 'notin' operators, values set can't be empty"
                    )
                }
            case .equals, .doubleEquals, .notEquals:
                if values.count != 1 {
                    throw FieldError(
                        field: "values",
                        message: "Invalid value: \(valuesText): exact-match compatibility requires one single value"
                    )
                }
            case .exists, .doesNotExist:
                if !values.isEmpty {
                    throw FieldError(
                        field: "values",
                        message: "Invalid value: \(valuesText): values set must be empty for exists and does not exist"
                    )
                }
            case .greaterThan, .lessThan:
                if values.count != 1 {
                    throw FieldError(
                        field: "values",
                        message: "Invalid value: \(valuesText): for 'Gt', 'Lt' operators, exactly one value is required"
                    )
                }
                for (index, value) in values.enumerated() where Int64(value) == nil {
                    throw FieldError(
                        field: "values[\(index)]",
                        message: Selector.invalidValue(value, "for 'Gt', 'Lt' operators, the value must be an integer")
                    )
                }
            }
            for (index, value) in values.enumerated() {
                let valueErrors = Selector.validateLabelValue(value)
                if !valueErrors.isEmpty {
                    throw FieldError(
                        field: "values[\(index)][\(key)]",
                        message: Selector.invalidValue(value, valueErrors.joined(separator: "; "))
                    )
                }
            }
            self.init(uncheckedKey: key, operator: `operator`, values: values)
        }

        /// A requirement taken as it is (values still sorted and deduplicated).
        init(uncheckedKey key: String, operator: Operator, values: [String]) {
            self.key = key
            self.operator = `operator`
            self.values = Array(Set(values)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }

        /// `true` when `labels` satisfies the requirement.
        public func matches(_ labels: [String: String]) -> Bool {
            switch self.operator {
            case .in, .equals, .doubleEquals:
                guard let value = labels[self.key] else { return false }
                return self.values.contains(value)
            case .notIn, .notEquals:
                guard let value = labels[self.key] else { return true }
                return !self.values.contains(value)
            case .exists:
                return labels[self.key] != nil
            case .doesNotExist:
                return labels[self.key] == nil
            case .greaterThan, .lessThan:
                guard let text = labels[self.key], let value = Int64(text), self.values.count == 1,
                    let bound = Int64(self.values[0])
                else { return false }
                return self.operator == .greaterThan ? value > bound : value < bound
            }
        }
    }
}

extension Selector.Requirement: CustomStringConvertible {
    /// Go's `Requirement.String()`: `!k`, `k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`.
    public var description: String {
        var text = self.operator == .doesNotExist ? "!" : ""
        text += self.key
        switch self.operator {
        case .exists, .doesNotExist: return text
        case .equals: text += "="
        case .doubleEquals: text += "=="
        case .notEquals: text += "!="
        case .in: text += " in "
        case .notIn: text += " notin "
        case .greaterThan: text += ">"
        case .lessThan: text += "<"
        }
        let list = self.values.joined(separator: ",")
        if self.operator == .in || self.operator == .notIn { return text + "(" + list + ")" }
        return text + list
    }
}

// MARK: - Label key and value validation

extension Selector {
    private static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    private static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    private static let subdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
    private static let subdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    private static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

    /// Go's `validation.RegexError` text.
    private static func regexError(_ message: String, _ format: String, _ examples: [String]) -> String {
        var text = message + " (e.g. "
        for (index, example) in examples.enumerated() {
            if index > 0 { text += " or " }
            text += "'" + example + "', "
        }
        return text + "regex used for validation is '" + format + "')"
    }

    /// `Invalid value: "value": detail`, the body of Go's `field.Invalid` for a string.
    static func invalidValue(_ value: String, _ detail: String) -> String {
        "Invalid value: \(KubeTime.goQuote(value)): \(detail)"
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    private static func isQualifiedNamePart(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return false
        }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`, in one pass over the bytes (every
    /// label key is checked on every write).
    private static func isSubdomain(_ text: Substring) -> Bool {
        let isLowerAlphanumeric: (UInt8) -> Bool = {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        }
        // `previous` is "." at the start of each label.
        var previous = UInt8(ascii: ".")
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard isLowerAlphanumeric(previous) else { return false }  // empty label, or one ending in "-"
            } else if byte == UInt8(ascii: "-") {
                guard previous != UInt8(ascii: ".") else { return false }  // a label starting with "-"
            } else if !isLowerAlphanumeric(byte) {
                return false
            }
            previous = byte
        }
        return isLowerAlphanumeric(previous)
    }

    /// The problems with `key` as a label key (Go's `validation.IsQualifiedName`): an optional DNS-1123 subdomain
    /// prefix of at most 253 characters and `/`, then a name of at most 63 characters matching
    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`. Empty when valid.
    public static func validateLabelKey(_ key: String) -> [String] {
        var errors: [String] = []
        let slash = key.utf8.firstIndex(of: UInt8(ascii: "/"))
        let slashes = slash.map { key.utf8[key.utf8.index(after: $0)...].contains(UInt8(ascii: "/")) ? 2 : 1 } ?? 0
        let name: Substring
        switch slashes {
        case 0:
            name = key[...]
        case 1:
            let prefix = key[..<slash!]
            name = key[key.utf8.index(after: slash!)...]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                if prefix.utf8.count > 253 { errors.append("prefix part must be no more than 253 characters") }
                if !isSubdomain(prefix) {
                    errors.append("prefix part " + regexError(subdomainMessage, subdomainFormat, ["example.com"]))
                }
            }
        default:
            return [
                "a qualified name "
                    + regexError(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"])
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !isQualifiedNamePart(name.utf8) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"]))
        }
        return errors
    }

    /// The problems with `value` as a label value (Go's `validation.IsValidLabelValue`): empty, or at most 63
    /// characters matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`. Empty when valid.
    public static func validateLabelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !value.isEmpty && !isQualifiedNamePart(value[...].utf8) {
            errors.append(regexError(labelValueMessage, "(" + qualifiedNameFormat + ")?", ["MyValue", "my_value", "12345"]))
        }
        return errors
    }
}
