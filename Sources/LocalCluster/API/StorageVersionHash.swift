import KubeJSON

/// kube-apiserver's storage version hash: the first 8 bytes of SHA-256(`group/version/kind`), base64-encoded.
enum StorageVersionHash {
    static func hash(group: String, version: String, kind: String) -> String {
        let digest = SHA256.digest(Array("\(group)/\(version)/\(kind)".utf8))
        return Self.base64(digest.prefix(8))
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard padded base64.
    static func base64(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        let input = Array(bytes)
        var index = 0
        while index < input.count {
            let b0 = UInt32(input[index])
            let b1 = index + 1 < input.count ? UInt32(input[index + 1]) : 0
            let b2 = index + 2 < input.count ? UInt32(input[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            output.append(Self.alphabet[Int(triple >> 18 & 0x3F)])
            output.append(Self.alphabet[Int(triple >> 12 & 0x3F)])
            output.append(index + 1 < input.count ? Self.alphabet[Int(triple >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(index + 2 < input.count ? Self.alphabet[Int(triple & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
