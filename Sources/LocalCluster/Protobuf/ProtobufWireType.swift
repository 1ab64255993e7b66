/// The low three bits of a protobuf field key: how the value after the key is encoded.
public enum ProtobufWireType: UInt8, Sendable, Hashable {
    /// A base-128 varint (`int32`, `int64`, `bool`, enums).
    case varint = 0
    /// Eight little-endian bytes (`fixed64`, `sfixed64`, `double`).
    case fixed64 = 1
    /// A varint length, then that many bytes (strings, bytes, messages, packed repeated scalars).
    case lengthDelimited = 2
    /// The start of a proto2 group (deprecated; only ever skipped here).
    case startGroup = 3
    /// The end of a proto2 group.
    case endGroup = 4
    /// Four little-endian bytes (`fixed32`, `sfixed32`, `float`).
    case fixed32 = 5
}
