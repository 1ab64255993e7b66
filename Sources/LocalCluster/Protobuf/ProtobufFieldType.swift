/// The type of a field in a Kubernetes `generated.proto` message, as the JSON decoder needs to know it.
enum ProtobufFieldType: Sendable, Hashable {
    /// `string`: JSON string.
    case string
    /// `bytes` (Go `[]byte`): JSON base64 string.
    case bytes
    /// `bool` varint.
    case bool
    /// `int32` varint (negative values are sign-extended to ten bytes).
    case int32
    /// `int64` varint.
    case int64
    /// `metav1.Time` (`{1: seconds, 2: nanos}`): RFC 3339 in whole seconds, `null` when zero.
    case time
    /// `metav1.MicroTime`: RFC 3339 with six fractional digits, `null` when zero.
    case microTime
    /// `resource.Quantity` (`{1: string}`): the canonical quantity string, `"0"` when zero.
    case quantity
    /// `intstr.IntOrString` (`{1: type, 2: intVal, 3: strVal}`): a JSON number or string.
    case intOrString
    /// `metav1.FieldsV1` (`{1: raw}`): the embedded JSON document.
    case fieldsV1
    /// `runtime.RawExtension` (`{1: raw}`): the embedded JSON document.
    case rawExtension
    /// Another message of the schema, by full protobuf name.
    case message(String)

    /// The wire type a singular value of this type is sent with.
    var wireType: ProtobufWireType {
        switch self {
        case .bool, .int32, .int64: .varint
        case .string, .bytes, .time, .microTime, .quantity, .intOrString, .fieldsV1, .rawExtension, .message:
            .lengthDelimited
        }
    }

    /// `true` for the types whose Go unmarshalling starts afresh on every occurrence (`metav1.Time` and
    /// `metav1.MicroTime`), so the last occurrence on the wire wins instead of merging.
    var replacesOnRepeat: Bool {
        self == .time || self == .microTime
    }

    /// `true` for the Go struct types: values that are always written (a struct is never "empty" to
    /// `omitempty`) and that merge when a field repeats on the wire.
    var isStruct: Bool {
        self.wireType == .lengthDelimited && self != .string && self != .bytes
    }
}
