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
