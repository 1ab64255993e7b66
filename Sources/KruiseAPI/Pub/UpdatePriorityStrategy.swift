public import KubeJSON
public import KubeModel

/// `UpdatePriorityStrategy`: exactly one of weight or order priority decides which pods update first.
public struct UpdatePriorityStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `orderPriority`.
    public var orderPriority: [UpdatePriorityOrderTerm] {
        get { self.views("orderPriority") }
        set { self.setViews("orderPriority", newValue) }
    }

    /// `weightPriority`.
    public var weightPriority: [UpdatePriorityWeightTerm] {
        get { self.views("weightPriority") }
        set { self.setViews("weightPriority", newValue) }
    }

    /// Upstream `FieldsValidation`: the first problem, with upstream's message, or `nil`.
    public func fieldsValidationError() -> String? {
        let weights = self.weightPriority, orders = self.orderPriority
        if !weights.isEmpty && !orders.isEmpty { return "only one of weightPriority and orderPriority can be used" }
        for term in weights {
            if term.weight < 0 || term.weight > 100 { return "weight must be valid number in the range 1-100" }
            guard let selector = term.matchSelector, !selector.isEmpty else { return "selector can not be empty" }
            do {
                _ = try selector.asSelector()
            } catch {
                return "invalid selector \(error.message)"
            }
        }
        for term in orders where term.orderedKey.isEmpty { return "order key can not be empty" }
        return nil
    }
}
