/// One HTTP request to the API server, independent of the HTTP library that received it, so the whole request
/// path can be tested without sockets.
public struct APIRequest: Sendable {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, ...
    public var method: String
    /// The path, without the query.
    public var path: String
    public var query: RequestQuery
    /// Header fields as received; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: String,
        path: String,
        query: RequestQuery = RequestQuery(),
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request for a request target (`/api/v1/pods?watch=1`), splitting off the query.
    public init(method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(
            method: method,
            path: String(parts[0]),
            query: parts.count > 1 ? RequestQuery(parsing: parts[1]) : RequestQuery(),
            headers: headers,
            body: body
        )
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        Self.firstValue(of: name, in: self.headers)
    }

    /// The first value of header `name` in `headers`, names compared case-insensitively.
    static func firstValue(of name: String, in headers: [(name: String, value: String)]) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The media type of the body, without parameters (`application/merge-patch+json`).
    public var contentType: String? {
        guard let value = self.header("Content-Type") else { return nil }
        let mediaType = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return mediaType.trimmingCharacters(in: " ").lowercased()
    }
}

extension StringProtocol {
    /// The string without leading and trailing `characters`.
    func trimmingCharacters(in characters: Character) -> String {
        var slice = Substring(self)
        while slice.first == characters { slice.removeFirst() }
        while slice.last == characters { slice.removeLast() }
        return String(slice)
    }
}
