/// The bearer token the embedded API server requires on every request: 32 random bytes as hex, generated on
/// first start and kept (mode 0600) in the data directory.
public struct BearerToken: Sendable, Hashable {
    /// The token text.
    public let value: String

    private static let file = "token"

    public init(value: String) {
        self.value = value
    }

    /// Loads the token from `directory`, generating and storing one when missing or empty.
    public static func loadOrCreate(in directory: DataDirectory) throws(DataDirectoryError) -> BearerToken {
        if let stored = try directory.read(Self.file) {
            let text = String(decoding: stored, as: UTF8.self).filter { !$0.isWhitespace }
            if !text.isEmpty { return BearerToken(value: text) }
        }
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
        try directory.write(Self.file, bytes + [0x0A])
        return BearerToken(value: String(decoding: bytes, as: UTF8.self))
    }

    /// Whether an `Authorization` header carries this token. Compares in constant time so the comparison does
    /// not leak how much of a guess was right.
    public func authorizes(authorizationHeader header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let presented = Array(header.utf8.dropFirst(7))
        let expected = Array(self.value.utf8)
        guard presented.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(presented, expected) { difference |= a ^ b }
        return difference == 0
    }
}
