/// One request as it goes out: ``KubeRequest`` with its headers (credentials included) filled in.
public struct KubeTransportRequest: Sendable {
    public var method: String
    /// The path, percent-encoded as on the wire.
    public var path: String
    /// Query parameters, not encoded.
    public var query: [(String, String)]
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, path: String, query: [(String, String)], headers: [(name: String, value: String)], body: [UInt8]?) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}
