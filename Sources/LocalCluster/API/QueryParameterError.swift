/// A query parameter kube-apiserver could not convert.
public enum QueryParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An integer option that is not a decimal `int64`.
    case invalidInteger(name: String, value: String, outOfRange: Bool)

    /// The 400 `BadRequest` to answer with, carrying Go's conversion message
    /// (`strconv.ParseInt: parsing "abc": invalid syntax`).
    public var status: APIStatus { APIStatus.badRequest(self.description) }

    public var description: String {
        switch self {
        case .invalidInteger(_, let value, let outOfRange):
            "strconv.ParseInt: parsing \(GoQuote.quote(value)): \(outOfRange ? "value out of range" : "invalid syntax")"
        }
    }
}
