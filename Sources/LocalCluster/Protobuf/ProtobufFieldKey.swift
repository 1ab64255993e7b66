/// The key in front of every protobuf field: its number and wire type.
public struct ProtobufFieldKey: Sendable, Hashable {
    /// The largest field number protobuf allows (2^29 - 1).
    public static let maximumFieldNumber: UInt32 = 536_870_911

    /// The field number, `1...maximumFieldNumber`.
    public var fieldNumber: UInt32
    /// How the value is encoded.
    public var wireType: ProtobufWireType

    public init(fieldNumber: UInt32, wireType: ProtobufWireType) {
        self.fieldNumber = fieldNumber
        self.wireType = wireType
    }
}
