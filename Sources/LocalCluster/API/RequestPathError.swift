/// Why a request path names nothing the server serves.
public enum RequestPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `%` escape that is not `%` followed by two hex digits (Go: `invalid URL escape "%zz"`): 400.
    case invalidEscape(String)
    /// No such endpoint, group version, resource, subresource or scope; `detail` says which, for logs.
    /// Clients get kube's 404 `the server could not find the requested resource`.
    case notFound(detail: String)

    /// The Status to answer with.
    public var status: APIStatus {
        switch self {
        case .invalidEscape(let escape): APIStatus.badRequest("invalid URL escape \(GoQuote.quote(escape))")
        case .notFound: APIStatus.pathNotFound()
        }
    }

    public var description: String {
        switch self {
        case .invalidEscape(let escape): "invalid URL escape \(GoQuote.quote(escape))"
        case .notFound(let detail): "not found: \(detail)"
        }
    }
}
