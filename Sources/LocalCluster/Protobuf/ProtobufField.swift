/// One field of a protobuf message: its number on the wire and how it maps to JSON.
struct ProtobufField: Sendable {
    /// The protobuf field number.
    let number: UInt32
    /// The JSON member name (empty for an ``ProtobufJSONPresence/inline`` field).
    let jsonName: String
    /// The value type (for a map, the type of its values; keys are always strings).
    let type: ProtobufFieldType
    /// One value, a list or a map.
    let shape: ProtobufFieldShape
    /// When the field is written to JSON.
    let presence: ProtobufJSONPresence

    init(
        _ number: UInt32,
        _ jsonName: String,
        _ type: ProtobufFieldType,
        _ shape: ProtobufFieldShape,
        _ presence: ProtobufJSONPresence
    ) {
        self.number = number
        self.jsonName = jsonName
        self.type = type
        self.shape = shape
        self.presence = presence
    }

    /// `true` when `wireType` is valid for this field: the type's own wire type, or a packed list of
    /// varints for a repeated varint field.
    func accepts(_ wireType: ProtobufWireType) -> Bool {
        wireType == self.type.wireType || (self.shape == .repeated && wireType == .lengthDelimited)
    }
}
