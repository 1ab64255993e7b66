public import KubeJSON

/// A failed API request: the `metav1.Status` the server answered with, or a transport failure.
public struct KubeAPIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status code; 0 when no response arrived.
    public var code: Int
    /// `metav1.Status.reason` (`NotFound`, `Conflict`, `AlreadyExists`, `Invalid`, `Expired`, ...), or
    /// `Transport`/`Decoding` for failures on this side.
    public var reason: String
    public var message: String
    /// The whole Status object, when the server sent one.
    public var status: JSONValue?
    /// The `Retry-After` the server asked for, in seconds.
    public var retryAfterSeconds: Int?

    public init(code: Int, reason: String, message: String, status: JSONValue? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The server's message, or the whole description when it sent none (what controllers report of a failed call).
    public var summary: String { self.message.isEmpty ? self.description : self.message }

    /// The error for a response: its Status body if it has one, otherwise one made from the status code.
    public static func response(code: Int, body: [UInt8], retryAfterSeconds: Int? = nil) -> KubeAPIError {
        if let status = try? JSONValue(parsing: body), status["kind"]?.stringValue == "Status" {
            return KubeAPIError(
                code: status["code"]?.intValue ?? code,
                reason: status["reason"]?.stringValue ?? Self.reason(forCode: code),
                message: status["message"]?.stringValue ?? "",
                status: status,
                retryAfterSeconds: retryAfterSeconds
            )
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return KubeAPIError(code: code, reason: Self.reason(forCode: code), message: text, retryAfterSeconds: retryAfterSeconds)
    }

    /// A failure to reach the server or to read its answer.
    public static func transport(_ error: any Error) -> KubeAPIError {
        KubeAPIError(code: 0, reason: "Transport", message: "\(error)")
    }

    /// A response that is not what the API promises.
    public static func decoding(_ message: String) -> KubeAPIError {
        KubeAPIError(code: 0, reason: "Decoding", message: message)
    }

    /// The reason client-go infers from a bare status code.
    static func reason(forCode code: Int) -> String {
        switch code {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Expired"
        case 413: "RequestEntityTooLarge"
        case 415: "UnsupportedMediaType"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 504: "Timeout"
        case 503: "ServiceUnavailable"
        default: code >= 500 ? "InternalError" : "Unknown"
        }
    }

    public var isNotFound: Bool { self.code == 404 && self.reason == "NotFound" || self.reason == "NotFound" }
    public var isAlreadyExists: Bool { self.reason == "AlreadyExists" }
    /// A write lost a race on resourceVersion (409 Conflict that is not AlreadyExists).
    public var isConflict: Bool { self.code == 409 && self.reason != "AlreadyExists" }
    /// The requested resourceVersion is too old (410 Gone / `Expired`).
    public var isGone: Bool { self.code == 410 || self.reason == "Expired" || self.reason == "Gone" }
    public var isInvalid: Bool { self.code == 422 || self.reason == "Invalid" }
    public var isForbidden: Bool { self.code == 403 }
    public var isUnauthorized: Bool { self.code == 401 }
    public var isTooManyRequests: Bool { self.code == 429 }
    public var isServerError: Bool { self.code >= 500 }
    public var isTransport: Bool { self.code == 0 && self.reason == "Transport" }

    public var description: String {
        self.code == 0 ? "\(self.reason): \(self.message)" : "\(self.code) \(self.reason): \(self.message)"
    }
}
