/// A query parameter kube-apiserver could not convert.
public enum QueryParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An integer option that is not a decimal `int64`.
    case invalidInteger(name: String, value: String, outOfRange: Bool)
    /// A `resourceVersion` that is not a version (a decimal `uint64`). kube-apiserver fails such requests with
    /// a 500 carrying this message (kubernetes/kubernetes#139485); it is the client's error, so here a 400.
    case invalidResourceVersion(String, outOfRange: Bool)

    /// Go's `strconv.ParseUint(text, 10, 64)`, as kube's versioner parses a resource version: `nil` for the empty
    /// text (no version); throws for anything but decimal digits (signs included) or a value above 2^64 − 1.
    static func parseResourceVersion(_ text: String) throws(QueryParameterError) -> UInt64? {
        if text.isEmpty { return nil }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidResourceVersion(text, outOfRange: false)
        }
        guard let version = UInt64(text) else { throw .invalidResourceVersion(text, outOfRange: true) }
        return version
    }

    /// The 400 `BadRequest` to answer with, carrying Go's conversion message
    /// (`strconv.ParseInt: parsing "abc": invalid syntax`).
    public var status: APIStatus { APIStatus.badRequest(self.description) }

    public var description: String {
        switch self {
        case .invalidInteger(_, let value, let outOfRange):
            "strconv.ParseInt: parsing \(GoQuote.quote(value)): \(outOfRange ? "value out of range" : "invalid syntax")"
        case .invalidResourceVersion(let value, let outOfRange):
            "resourceVersion: Invalid value: \(GoQuote.quote(value)): strconv.ParseUint: parsing \(GoQuote.quote(value)): \(outOfRange ? "value out of range" : "invalid syntax")"
        }
    }
}
