/// A minimal protobuf encoder for building test inputs.
struct ProtobufTestWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// A message built by `body`.
    init(_ body: (inout ProtobufTestWriter) -> Void) {
        body(&self)
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            self.bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        self.bytes.append(UInt8(value))
    }

    mutating func key(_ field: UInt32, wireType: UInt8) {
        self.varint(UInt64(field) << 3 | UInt64(wireType))
    }

    /// An `int32`/`int64` varint field (negative values take ten bytes, as Go writes them).
    mutating func int(_ field: UInt32, _ value: Int64) {
        self.key(field, wireType: 0)
        self.varint(UInt64(bitPattern: value))
    }

    mutating func bool(_ field: UInt32, _ value: Bool) {
        self.int(field, value ? 1 : 0)
    }

    mutating func bytes(_ field: UInt32, _ value: [UInt8]) {
        self.key(field, wireType: 2)
        self.varint(UInt64(value.count))
        self.bytes.append(contentsOf: value)
    }

    mutating func string(_ field: UInt32, _ value: String) {
        self.bytes(field, Array(value.utf8))
    }

    /// A nested message field.
    mutating func message(_ field: UInt32, _ body: (inout ProtobufTestWriter) -> Void) {
        self.bytes(field, ProtobufTestWriter(body).bytes)
    }

    /// One `map<string, string>` entry.
    mutating func entry(_ field: UInt32, _ key: String, _ value: String) {
        self.message(field) {
            $0.string(1, key)
            $0.string(2, value)
        }
    }

    /// One map entry whose value is a message.
    mutating func entry(_ field: UInt32, _ key: String, message body: (inout ProtobufTestWriter) -> Void) {
        self.message(field) {
            $0.string(1, key)
            $0.message(2, body)
        }
    }

    /// A `map<string, Quantity>` entry.
    mutating func quantity(_ field: UInt32, _ key: String, _ value: String) {
        self.entry(field, key) { $0.string(1, value) }
    }

    /// A Kubernetes protobuf body: the magic, then `runtime.Unknown` around `object`.
    static func envelope(apiVersion: String, kind: String, object: [UInt8]) -> [UInt8] {
        let unknown = ProtobufTestWriter {
            $0.message(1) {
                $0.string(1, apiVersion)
                $0.string(2, kind)
            }
            $0.bytes(2, object)
            $0.string(3, "")
            $0.string(4, "")
        }
        return [0x6B, 0x38, 0x73, 0x00] + unknown.bytes
    }

    /// A body for `kind` whose object is built by `body`.
    static func object(
        _ apiVersion: String,
        _ kind: String,
        _ body: (inout ProtobufTestWriter) -> Void
    ) -> [UInt8] {
        Self.envelope(apiVersion: apiVersion, kind: kind, object: ProtobufTestWriter(body).bytes)
    }
}
