public import KubeJSON

/// The API server's answer to one request: a status, headers and either a body or a stream of chunks (watches).
public struct APIResponse: Sendable {
    /// The response body.
    public enum Body: Sendable {
        /// A complete body.
        case bytes([UInt8])
        /// A complete body given as parts to be written in order: a LIST's envelope and each item's stored
        /// bytes, never joined into one buffer the size of the list.
        case parts([[UInt8]])
        /// A body written chunk by chunk until the stream ends (watch responses).
        case stream(AsyncThrowingStream<[UInt8], any Error>)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    public static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json") -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", contentType)], body: .bytes(value.serialized()))
    }

    /// A JSON answer from bytes already serialized.
    public static func jsonBytes(_ bytes: [UInt8], status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "application/json")], body: .bytes(bytes))
    }

    /// A metav1.Status error (or success) with its HTTP status.
    public static func status(_ status: APIStatus) -> APIResponse {
        APIResponse(status: status.httpStatus, headers: [("Content-Type", "application/json")], body: .bytes(status.encoded()))
    }

    /// A plain-text answer (health endpoints).
    public static func text(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }

    /// The whole body of a complete answer, its parts joined; `nil` for a stream.
    public var bodyBytes: [UInt8]? {
        switch self.body {
        case .bytes(let bytes):
            return bytes
        case .parts(let parts):
            var joined: [UInt8] = []
            joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts { joined.append(contentsOf: part) }
            return joined
        case .stream:
            return nil
        }
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        APIRequest.firstValue(of: name, in: self.headers)
    }
}
