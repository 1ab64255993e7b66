public import KubeJSON

/// One `matchExpressions` entry of a ``LabelSelector`` (`metav1.LabelSelectorRequirement`).
public struct LabelSelectorRequirement: Sendable, Hashable {
    /// The operator, kept as written so that an unknown one survives a round trip and is reported by
    /// validation.
    public struct Operator: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The label's value is one of ``LabelSelectorRequirement/values``.
        public static let `in` = Operator(rawValue: "In")
        /// The label is absent or its value is none of ``LabelSelectorRequirement/values``.
        public static let notIn = Operator(rawValue: "NotIn")
        /// The label is present.
        public static let exists = Operator(rawValue: "Exists")
        /// The label is absent.
        public static let doesNotExist = Operator(rawValue: "DoesNotExist")

        public var description: String { self.rawValue }
    }

    /// The label key.
    public var key: String
    /// The test.
    public var `operator`: Operator
    /// The values for `In` / `NotIn`, in the order written.
    public var values: [String]

    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    /// The problems with this requirement (Go's `ValidateLabelSelectorRequirement`), with fields relative to
    /// it (`values`, `operator`, `key`, `values[1]`).
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        switch self.operator {
        case .in, .notIn:
            if self.values.isEmpty {
                errors.append(
                    FieldError(field: "values", message: "Required value: must be specified when `operator` is 'In' or 'NotIn'")
                )
            }
        case .exists, .doesNotExist:
            if !self.values.isEmpty {
                errors.append(
                    FieldError(
                        field: "values",
                        message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"
                    )
                )
            }
        default:
            errors.append(
                FieldError(
                    field: "operator", message: Selector.invalidValue(self.operator.rawValue, "not a valid selector operator")
                )
            )
        }
        for message in Selector.validateLabelKey(self.key) {
            errors.append(FieldError(field: "key", message: Selector.invalidValue(self.key, message)))
        }
        for (index, value) in self.values.enumerated() {
            for message in Selector.validateLabelValue(value) {
                errors.append(FieldError(field: "values[\(index)]", message: Selector.invalidValue(value, message)))
            }
        }
        return errors
    }

    /// The equivalent ``Selector/Requirement``.
    /// - Throws: ``FieldError`` for an unknown operator or an invalid key or value.
    public func asRequirement() throws(FieldError) -> Selector.Requirement {
        let op: Selector.Requirement.Operator
        switch self.operator {
        case .in: op = .in
        case .notIn: op = .notIn
        case .exists: op = .exists
        case .doesNotExist: op = .doesNotExist
        default:
            throw FieldError(field: "operator", message: "\(KubeTime.goQuote(self.operator.rawValue)) is not a valid label selector operator")
        }
        return try Selector.Requirement(key: self.key, operator: op, values: self.values)
    }
}

extension LabelSelectorRequirement: JSONRepresentable {
    /// Reads `{"key": ..., "operator": ..., "values": [...]}`; missing members read as empty, as in Go.
    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let object) = json else { throw FieldError.wrongType(expected: "object", got: json) }
        var key = ""
        var op = ""
        var values: [String] = []
        do {
            if let value = object["key"], !value.isNull { key = try String(json: value) }
        } catch {
            throw error.under("key")
        }
        do {
            if let value = object["operator"], !value.isNull { op = try String(json: value) }
        } catch {
            throw error.under("operator")
        }
        do {
            if let value = object["values"], !value.isNull { values = try [String](json: value) }
        } catch {
            throw error.under("values")
        }
        self.init(key: key, operator: Operator(rawValue: op), values: values)
    }

    /// `key`, `operator`, then `values` when there are any (Go's field order and `omitempty`).
    public var json: JSONValue {
        var object = JSONObject(minimumCapacity: 3)
        object.appendUnchecked(key: "key", value: .string(self.key))
        object.appendUnchecked(key: "operator", value: .string(self.operator.rawValue))
        if !self.values.isEmpty { object.appendUnchecked(key: "values", value: self.values.json) }
        return .object(object)
    }
}
