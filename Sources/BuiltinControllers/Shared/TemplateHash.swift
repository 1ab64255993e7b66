public import KubeJSON
public import KubeModel

/// The hashes Kubernetes controllers name things by: `pod-template-hash` (Deployment), DaemonSet revision
/// hashes and ControllerRevision name suffixes.
///
/// Upstream `controller.ComputeHash` runs FNV-32a over a deep print of the Go struct and writes the decimal
/// `uint32` through `rand.SafeEncodeString`. We hash the template's canonical JSON (keys sorted) instead of the
/// Go deep print, so values differ from Go's but have the same shape: up to 10 characters from
/// `bcdfghjklmnpqrstvwxz2456789`, stable for a given template and collision count.
public enum TemplateHash {
    /// The alphabet of apimachinery's `rand.SafeEncodeString` (no vowels, no `0`, `1`, `3`).
    public static let safeAlphabet: [UInt8] = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    /// `rand.SafeEncodeString`: each character replaced by `alphabet[scalar % 27]`.
    public static func safeEncode(_ text: String) -> String {
        let encoded = text.unicodeScalars.map { safeAlphabet[Int($0.value) % safeAlphabet.count] }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// FNV-1a, 32 bits (Go's `fnv.New32a`).
    public static func fnv32a(_ bytes: some Sequence<UInt8>, seed: UInt32 = 2_166_136_261) -> UInt32 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// FNV-1, 32 bits (Go's `fnv.New32`, which `history.HashControllerRevision` uses).
    public static func fnv32(_ bytes: some Sequence<UInt8>, seed: UInt32 = 2_166_136_261) -> UInt32 {
        var hash = seed
        for byte in bytes {
            hash = hash &* 16_777_619
            hash ^= UInt32(byte)
        }
        return hash
    }

    /// `value` as canonical JSON bytes: compact, keys sorted at every level.
    public static func canonicalBytes(_ value: JSONValue) -> [UInt8] {
        value.serialized(options: JSONWriter.Options(sortedKeys: true))
    }

    /// `controller.ComputeHash(template, collisionCount)`: the `pod-template-hash` of a Deployment's template
    /// and the revision hash of a DaemonSet. A collision count, when set, is mixed in as 8 little-endian bytes
    /// (the low 4 holding the count), as upstream does.
    public static func podTemplateHash(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
        var hash = fnv32a(canonicalBytes(template.json))
        if let collisionCount {
            let count = UInt32(bitPattern: collisionCount)
            var bytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]
            for index in 0..<4 { bytes[index] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(index))) }
            hash = fnv32a(bytes, seed: hash)
        }
        return safeEncode(String(hash))
    }

    /// `history.HashControllerRevision`: FNV-32 over the revision's data, then the collision count in decimal.
    public static func revisionHash(data: JSONValue, collisionCount: Int32?) -> String {
        var hash = fnv32(canonicalBytes(data))
        if let collisionCount { hash = fnv32(Array(String(collisionCount).utf8), seed: hash) }
        return safeEncode(String(hash))
    }
}
