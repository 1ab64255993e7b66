public import KubeJSON
public import KubeModel

/// One `scatterStrategy` term: pods with label `key=value` are spread across update batches.
public struct UpdateScatterTerm: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A term.
    public init(key: String, value: String) {
        self.object = JSONObject()
        self.key = key
        self.value = value
    }

    /// `key`.
    public var key: String {
        get { self.value("key") ?? "" }
        set { self.setValue("key", newValue) }
    }

    /// `value`.
    public var value: String {
        get { self.value("value") ?? "" }
        set { self.setValue("value", newValue) }
    }

    /// Upstream `UpdateScatterStrategy.FieldsValidation` over a list of terms: the first problem, or `nil`.
    public static func fieldsValidationError(_ terms: [UpdateScatterTerm]) -> String? {
        var seen = Set<String>()
        for term in terms {
            if term.key.isEmpty { return "key should not be empty" }
            if !seen.insert(term.key + ":" + term.value).inserted {
                return "duplicated key=\(term.key) value=\(term.value)"
            }
        }
        return nil
    }
}
