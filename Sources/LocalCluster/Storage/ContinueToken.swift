internal import KubeJSON

/// The opaque `continue` value of a paginated list: the list's version and the last key returned, as
/// unpadded base64url of `{"rv":N,"start":"namespace/name"}` (the shape kube-apiserver uses).
struct ContinueToken: Hashable, Sendable {
    var resourceVersion: UInt64
    var lastKey: NamespacedName

    init(resourceVersion: UInt64, lastKey: NamespacedName) {
        self.resourceVersion = resourceVersion
        self.lastKey = lastKey
    }

    var encoded: String {
        let json: JSONValue = [
            "rv": .int(Int64(self.resourceVersion)),
            "start": .string(self.lastKey.namespace + "/" + self.lastKey.name),
        ]
        return Self.base64URLEncode(json.serialized())
    }

    init(decoding token: String) throws(StoreError) {
        guard let bytes = Self.base64URLDecode(token),
            let json = try? JSONValue(parsing: bytes),
            let version = json["rv"]?.int64Value, version >= 0,
            let start = json["start"]?.stringValue,
            let slash = start.utf8.firstIndex(of: UInt8(ascii: "/"))
        else { throw .invalidContinueToken }
        self.resourceVersion = UInt64(version)
        self.lastKey = NamespacedName(
            namespace: String(start[..<slash]),
            name: String(start[start.utf8.index(after: slash)...])
        )
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func base64URLEncode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(Self.alphabet[Int(group >> 18 & 0x3F)])
            out.append(Self.alphabet[Int(group >> 12 & 0x3F)])
            if remaining > 1 { out.append(Self.alphabet[Int(group >> 6 & 0x3F)]) }
            if remaining > 2 { out.append(Self.alphabet[Int(group & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "_"): values.append(63)
            default: return nil
            }
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index < values.count {
            let count = min(4, values.count - index)
            var group: UInt32 = 0
            for offset in 0..<4 {
                group = group << 6 | (offset < count ? UInt32(values[index + offset]) : 0)
            }
            out.append(UInt8(truncatingIfNeeded: group >> 16))
            if count > 2 { out.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if count > 3 { out.append(UInt8(truncatingIfNeeded: group)) }
            index += 4
        }
        return out
    }
}
