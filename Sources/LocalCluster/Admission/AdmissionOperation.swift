/// The operation an admission request is for, as `AdmissionReview.request.operation` and a rule's
/// `operations` spell it.
public enum AdmissionOperation: String, Sendable, Hashable, CaseIterable {
    case create = "CREATE"
    case update = "UPDATE"
    case delete = "DELETE"
    case connect = "CONNECT"

    /// The kind of the options object sent with the request (`CreateOptions`, ...); `nil` for `CONNECT`.
    public var optionsKind: String? {
        switch self {
        case .create: return "CreateOptions"
        case .update: return "UpdateOptions"
        case .delete: return "DeleteOptions"
        case .connect: return nil
        }
    }
}
