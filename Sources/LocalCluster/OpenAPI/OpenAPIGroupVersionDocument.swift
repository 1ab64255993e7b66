public import KubeJSON
public import KubeModel

/// The OpenAPI v3 document of one group version (`GET /openapi/v3/apis/apps/v1`), serialized once.
public struct OpenAPIGroupVersionDocument: Sendable {
    /// The group version described.
    public let groupVersion: GroupVersion
    /// The key in the index and the path after `/openapi/v3/`: `api/v1`, `apis/apps/v1`.
    public let path: String
    /// The document.
    public let body: JSONValue
    /// The document as compact JSON, as served.
    public let bytes: [UInt8]
    /// Upper-case hex SHA-256 of ``bytes``: changes whenever the group version's resources or schemas do.
    public let hash: String

    init(groupVersion: GroupVersion, body: JSONValue) {
        self.groupVersion = groupVersion
        self.path = OpenAPINames.path(groupVersion)
        self.body = body
        self.bytes = body.serialized()
        self.hash = Self.hexDigest(self.bytes)
    }

    /// `/openapi/v3/<path>?hash=<hash>`: the URL the index points clients to.
    public var serverRelativeURL: String { "/openapi/v3/\(self.path)?hash=\(self.hash)" }

    static func hexDigest(_ bytes: [UInt8]) -> String {
        SHA256.hexDigest(bytes, uppercase: true)
    }
}
