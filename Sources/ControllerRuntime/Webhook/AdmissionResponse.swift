public import KubeJSON

/// `AdmissionReview.response`: the webhook's verdict, and for mutating webhooks a JSON patch.
public struct AdmissionResponse: Sendable, Hashable {
    public var allowed: Bool
    /// The HTTP-style code of a denial (403 by default, as controller-runtime's `Denied`).
    public var code: Int
    public var message: String?
    public var reason: String?
    /// RFC 6902 operations for a mutating webhook; empty for none.
    public var patch: JSONPatch
    public var warnings: [String]

    public init(allowed: Bool, code: Int = 200, message: String? = nil, reason: String? = nil, patch: JSONPatch = JSONPatch([]), warnings: [String] = []) {
        self.allowed = allowed
        self.code = code
        self.message = message
        self.reason = reason
        self.patch = patch
        self.warnings = warnings
    }

    /// Allow without changes.
    public static func allow(warnings: [String] = []) -> AdmissionResponse {
        AdmissionResponse(allowed: true, warnings: warnings)
    }

    /// Deny with a message naming the field (`spec.replicas: Invalid value: -1: must be >= 0`).
    public static func deny(_ message: String, code: Int = 403, reason: String = "Forbidden") -> AdmissionResponse {
        AdmissionResponse(allowed: false, code: code, message: message, reason: reason)
    }

    /// Allow, turning `original` into `modified` (the patch is computed).
    public static func patch(from original: JSONValue, to modified: JSONValue) -> AdmissionResponse {
        AdmissionResponse(allowed: true, patch: JSONPatch.diff(from: original, to: modified))
    }

    /// The `response` member for the request `uid`.
    public func json(uid: String) -> JSONValue {
        var response: JSONObject = ["uid": .string(uid), "allowed": .bool(self.allowed)]
        if !self.allowed || self.message != nil {
            var status: JSONObject = ["code": .int(Int64(self.code))]
            if let message = self.message { status["message"] = .string(message) }
            if let reason = self.reason { status["reason"] = .string(reason) }
            response["status"] = .object(status)
        }
        if !self.patch.operations.isEmpty {
            response["patchType"] = "JSONPatch"
            response["patch"] = .string(Base64.encode(self.patch.jsonValue.serialized()))
        }
        if !self.warnings.isEmpty { response["warnings"] = .array(self.warnings.map { .string($0) }) }
        return .object(response)
    }
}
