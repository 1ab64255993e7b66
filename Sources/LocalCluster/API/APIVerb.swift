/// A Kubernetes API verb, as discovery lists it and authorization checks it.
public enum APIVerb: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case create
    case delete
    case deletecollection
    case get
    case list
    case patch
    case update
    case watch

    /// All eight verbs in the alphabetical order built-in resources list them.
    public static let all: [APIVerb] = APIVerb.allCases

    /// Every verb except `deletecollection` (namespaces).
    public static let allButDeleteCollection: [APIVerb] = APIVerb.allCases.filter { $0 != .deletecollection }

    /// The verbs of a `status` or `scale` subresource.
    public static let getPatchUpdate: [APIVerb] = [.get, .patch, .update]

    public static func < (lhs: APIVerb, rhs: APIVerb) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { self.rawValue }
}
