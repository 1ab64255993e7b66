/// Why a server-side apply was refused.
public enum ServerSideApplyError: Error, Sendable, Hashable {
    /// The applied configuration is unusable (wrong `apiVersion`, `metadata.managedFields` set, not an object,
    /// an associative list item without its key, duplicate keys): 400 `BadRequest` with this message.
    case badRequest(String)
    /// Fields of the configuration are owned by other managers with other values: 409 `Conflict`.
    case conflicts([FieldManagerConflict])
    /// The stored managed fields do not decode: 500, as kube-apiserver answers.
    case internalError(String)

    /// The metav1.Status to answer with.
    public var status: APIStatus {
        switch self {
        case .badRequest(let message):
            APIStatus.badRequest(message)
        case .conflicts(let conflicts):
            APIStatus.applyConflict(conflicts)
        case .internalError(let message):
            APIStatus(failure: 500, reason: .internalError, message: message)
        }
    }
}
