public import KubeJSON

/// One cause of a failure (`details.causes[]`): a field error, a field manager conflict, an internal error.
public struct APIStatusCause: Sendable, Hashable {
    /// The machine-readable cause (`FieldValueInvalid`, `FieldManagerConflict`); empty when none.
    public var reason: String
    public var message: String
    /// The field it concerns (`spec.replicas`); empty when none.
    public var field: String

    public init(reason: String = "", message: String = "", field: String = "") {
        self.reason = reason
        self.message = message
        self.field = field
    }

    /// The JSON form; empty members are left out, as kube-apiserver does.
    public var json: JSONValue {
        var object = JSONObject()
        if !self.reason.isEmpty { object.appendUnchecked(key: "reason", value: .string(self.reason)) }
        if !self.message.isEmpty { object.appendUnchecked(key: "message", value: .string(self.message)) }
        if !self.field.isEmpty { object.appendUnchecked(key: "field", value: .string(self.field)) }
        return .object(object)
    }
}
