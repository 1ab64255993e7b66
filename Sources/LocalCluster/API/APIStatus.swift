public import KubeJSON

/// A metav1.Status: the body of every error response (and of a few successful deletes), with the HTTP
/// status code to send it with. Build one with the static builders (``notFound(group:resource:name:)``,
/// ``invalid(group:kind:name:errors:)``, ...), which reproduce kube-apiserver's reasons, codes and messages.
public struct APIStatus: Error, Sendable, Hashable, CustomStringConvertible {
    /// `true` for `status: "Success"`, `false` for `status: "Failure"`.
    public var isSuccess: Bool
    /// The HTTP status code of the response.
    public var httpStatus: Int
    /// The `code` member; `nil` leaves it out (kube-apiserver's successful delete Status has none).
    public var code: Int?
    public var reason: StatusReason?
    public var message: String
    public var details: APIStatusDetails?

    public init(
        isSuccess: Bool = false,
        httpStatus: Int,
        code: Int? = nil,
        reason: StatusReason? = nil,
        message: String = "",
        details: APIStatusDetails? = nil
    ) {
        self.isSuccess = isSuccess
        self.httpStatus = httpStatus
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    /// A failure whose `code` is its HTTP status.
    public init(failure httpStatus: Int, reason: StatusReason, message: String, details: APIStatusDetails? = nil) {
        self.init(httpStatus: httpStatus, code: httpStatus, reason: reason, message: message, details: details)
    }

    /// The `Status` object, members in kube-apiserver's order; empty members are left out.
    public var json: JSONValue {
        var object = JSONObject()
        object.appendUnchecked(key: "kind", value: "Status")
        object.appendUnchecked(key: "apiVersion", value: "v1")
        object.appendUnchecked(key: "metadata", value: .emptyObject)
        object.appendUnchecked(key: "status", value: self.isSuccess ? "Success" : "Failure")
        if !self.message.isEmpty { object.appendUnchecked(key: "message", value: .string(self.message)) }
        if let reason = self.reason, !reason.rawValue.isEmpty {
            object.appendUnchecked(key: "reason", value: .string(reason.rawValue))
        }
        if let details = self.details { object.appendUnchecked(key: "details", value: details.json) }
        if let code = self.code, code != 0 { object.appendUnchecked(key: "code", value: .int(Int64(code))) }
        return .object(object)
    }

    /// The JSON text of ``json``.
    public func encoded() -> [UInt8] { self.json.serialized() }

    /// What kubectl prints: `Error from server (<reason>): <message>` without the prefix.
    public var description: String {
        if let reason = self.reason { return "(\(reason.rawValue)): \(self.message)" }
        return self.message
    }
}
