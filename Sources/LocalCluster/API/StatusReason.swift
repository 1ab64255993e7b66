/// The `reason` of a metav1.Status: what clients switch on, with the `code`.
public struct StatusReason: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let badRequest = StatusReason(rawValue: "BadRequest")
    public static let unauthorized = StatusReason(rawValue: "Unauthorized")
    public static let forbidden = StatusReason(rawValue: "Forbidden")
    public static let notFound = StatusReason(rawValue: "NotFound")
    public static let methodNotAllowed = StatusReason(rawValue: "MethodNotAllowed")
    public static let notAcceptable = StatusReason(rawValue: "NotAcceptable")
    public static let alreadyExists = StatusReason(rawValue: "AlreadyExists")
    public static let conflict = StatusReason(rawValue: "Conflict")
    public static let gone = StatusReason(rawValue: "Gone")
    public static let expired = StatusReason(rawValue: "Expired")
    public static let unsupportedMediaType = StatusReason(rawValue: "UnsupportedMediaType")
    public static let invalid = StatusReason(rawValue: "Invalid")
    public static let tooManyRequests = StatusReason(rawValue: "TooManyRequests")
    public static let internalError = StatusReason(rawValue: "InternalError")
    public static let serviceUnavailable = StatusReason(rawValue: "ServiceUnavailable")
    public static let timeout = StatusReason(rawValue: "Timeout")

    public var description: String { self.rawValue }
}
