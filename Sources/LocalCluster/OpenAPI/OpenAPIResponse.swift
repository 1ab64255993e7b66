/// An answer to an `/openapi/...` request, ready to write: status, headers and body.
public struct OpenAPIResponse: Sendable {
    /// 200, 304 (`If-None-Match` matched the `ETag`) or 301 (a stale `hash`: go to the current URL).
    public var status: Int
    /// `Content-Type`, `ETag`, and for a document fetched by its current hash `Cache-Control: public,
    /// immutable` and `Vary: Accept`; `Location` for a redirect.
    public var headers: [(name: String, value: String)]
    /// The JSON body (empty for 301 and 304).
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        APIRequest.firstValue(of: name, in: self.headers)
    }
}
