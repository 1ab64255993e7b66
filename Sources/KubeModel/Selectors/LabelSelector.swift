public import KubeJSON

/// The `metav1.LabelSelector` API object: `matchLabels` and `matchExpressions`, all of which must hold.
///
/// An empty selector (no labels, no expressions) matches everything; an absent (`nil`) one matches nothing,
/// see ``selector(for:)``.
public struct LabelSelector: Sendable, Hashable {
    /// Labels that must be present with exactly these values.
    public var matchLabels: [String: String]
    /// Further requirements, in the order written.
    public var matchExpressions: [LabelSelectorRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// `true` when there is nothing to match, so the selector selects everything.
    public var isEmpty: Bool { self.matchLabels.isEmpty && self.matchExpressions.isEmpty }

    /// The problems with this selector (Go's `ValidateLabelSelector`), with fields relative to it, e.g.
    /// `matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'`.
    /// Use ``FieldError/under(_:)`` to place them (`spec.selector`). Labels are checked in key order.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        for key in self.matchLabels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            for message in Selector.validateLabelKey(key) {
                errors.append(FieldError(field: "matchLabels", message: Selector.invalidValue(key, message)))
            }
            let value = self.matchLabels[key] ?? ""
            for message in Selector.validateLabelValue(value) {
                errors.append(FieldError(field: "matchLabels", message: Selector.invalidValue(value, message)))
            }
        }
        for (index, requirement) in self.matchExpressions.enumerated() {
            for error in requirement.validate() {
                errors.append(error.under("[\(index)]").under("matchExpressions"))
            }
        }
        return errors
    }

    /// The selector this object stands for (Go's `LabelSelectorAsSelector`): ``Selector/everything`` when
    /// empty, otherwise `key=value` for every label plus one requirement per expression.
    /// - Throws: ``FieldError`` for an unknown operator or an invalid key or value.
    public func asSelector() throws(FieldError) -> Selector {
        if self.isEmpty { return .everything }
        var requirements: [Selector.Requirement] = []
        requirements.reserveCapacity(self.matchLabels.count + self.matchExpressions.count)
        for (key, value) in self.matchLabels {
            requirements.append(try Selector.Requirement(key: key, operator: .equals, values: [value]))
        }
        for requirement in self.matchExpressions {
            requirements.append(try requirement.asRequirement())
        }
        return Selector(requirements: requirements)
    }

    /// The selector for an optional `LabelSelector` field: ``Selector/nothing`` for `nil` (an absent selector
    /// selects no objects, as Go's `LabelSelectorAsSelector(nil)`), otherwise ``asSelector()``.
    public static func selector(for labelSelector: LabelSelector?) throws(FieldError) -> Selector {
        guard let labelSelector else { return .nothing }
        return try labelSelector.asSelector()
    }

    /// `true` when `labels` satisfies the selector; an invalid selector matches nothing.
    public func matches(_ labels: [String: String]) -> Bool {
        guard let selector = try? self.asSelector() else { return false }
        return selector.matches(labels)
    }
}

extension LabelSelector: JSONRepresentable {
    /// Reads `{"matchLabels": {...}, "matchExpressions": [...]}`; absent or `null` members are empty.
    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let object) = json else { throw FieldError.wrongType(expected: "object", got: json) }
        var labels: [String: String] = [:]
        var expressions: [LabelSelectorRequirement] = []
        do {
            if let value = object["matchLabels"], !value.isNull { labels = try [String: String](json: value) }
        } catch {
            throw error.under("matchLabels")
        }
        do {
            if let value = object["matchExpressions"], !value.isNull {
                expressions = try [LabelSelectorRequirement](json: value)
            }
        } catch {
            throw error.under("matchExpressions")
        }
        self.init(matchLabels: labels, matchExpressions: expressions)
    }

    /// `matchLabels` (keys sorted, as Go writes maps) then `matchExpressions` (in order), each omitted when
    /// empty; an empty selector is `{}`.
    public var json: JSONValue {
        var object = JSONObject(minimumCapacity: 2)
        if !self.matchLabels.isEmpty { object.appendUnchecked(key: "matchLabels", value: self.matchLabels.json) }
        if !self.matchExpressions.isEmpty {
            object.appendUnchecked(key: "matchExpressions", value: self.matchExpressions.json)
        }
        return .object(object)
    }
}
