/// One HTTP request to the API server, before credentials and rate limiting are applied.
public struct KubeRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(String, String)]
    public var body: [UInt8]?
    public var contentType: String?
    public var accept: String
    /// The verb reported to metrics (`LIST` and `WATCH` are GETs on the wire).
    public var verb: String

    public init(
        method: String,
        path: String,
        query: [(String, String)] = [],
        body: [UInt8]? = nil,
        contentType: String? = nil,
        accept: String = "application/json",
        verb: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.contentType = contentType
        self.accept = accept
        self.verb = verb ?? method
    }

    /// Reads are retried after transport failures; writes are not, since the server may have applied them.
    var isIdempotentRead: Bool { self.method == "GET" || self.method == "HEAD" }
}

/// A complete response.
public struct KubeResponse: Sendable {
    public var code: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(code: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.code = code
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        self.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
