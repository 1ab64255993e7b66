/// How a ``KubeClient`` reaches its API server. ``HTTPSKubeTransport`` is the network; a process that serves
/// the API itself (`kruise local`) can hand requests to its server directly and skip TLS and HTTP framing.
///
/// A transport only moves bytes: credentials, rate limiting, retries and errors stay in ``KubeClient``.
public protocol KubeTransport: Sendable {
    /// Sends a complete request and returns the complete response, whatever its status.
    /// - Throws: when the server cannot be reached or does not answer within `timeout`.
    func send(_ request: KubeTransportRequest, timeout: Duration) async throws -> KubeResponse

    /// Sends a request whose response is a stream (a watch) and returns once the response head arrived.
    func openStream(_ request: KubeTransportRequest) async throws -> KubeStreamResponse

    /// Releases connections; open streams end.
    func shutdown() async
}

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

/// A response whose body arrives chunk by chunk.
public struct KubeStreamResponse: Sendable {
    public var code: Int
    /// Reads the body until it ends, handing each chunk to `consume` (the bytes are valid only during the call).
    /// Call it once.
    public var readBody: @Sendable (_ consume: (UnsafeRawBufferPointer) throws -> Void) async throws -> Void

    public init(code: Int, readBody: @escaping @Sendable (_ consume: (UnsafeRawBufferPointer) throws -> Void) async throws -> Void) {
        self.code = code
        self.readBody = readBody
    }

    /// The whole body, up to `limit` bytes (error answers).
    public func collectBody(limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await self.readBody { chunk in
            bytes.append(contentsOf: chunk.prefix(max(0, limit - bytes.count)))
        }
        return bytes
    }
}
