import KubeJSON
import KubeModel

/// The apimachinery types with hand-written protobuf and JSON forms: `metav1.Time`, `metav1.MicroTime`,
/// `resource.Quantity`, `intstr.IntOrString`, `metav1.FieldsV1` and `runtime.RawExtension`.
enum ProtobufWellKnownValues {
    /// `0000-01-01T00:00:00Z`, the earliest time Go's `Time.MarshalJSON` writes.
    static let earliestSeconds: Int64 = -62_167_219_200
    /// `9999-12-31T23:59:59Z`, the latest time Go's `Time.MarshalJSON` writes.
    static let latestSeconds: Int64 = 253_402_300_799

    /// A `Timestamp {1: seconds, 2: nanos}` as `metav1.Time` (whole seconds) or `metav1.MicroTime`
    /// (nanoseconds truncated to microseconds) writes it; an empty encoding is the zero time, `null`.
    static func time(
        _ bytes: ArraySlice<UInt8>,
        microseconds: Bool
    ) throws(ProtobufDecodingError) -> JSONValue {
        guard !bytes.isEmpty else { return .null }
        var seconds: Int64 = 0
        var nanoseconds: Int32 = 0
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .varint): seconds = Int64(bitPattern: try reader.readVarint())
            case (2, .varint): nanoseconds = Int32(truncatingIfNeeded: try reader.readVarint())
            case (1, _), (2, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field \(key.fieldNumber) of Timestamp"
                )
            default: try reader.skipValue(of: key)
            }
        }
        guard seconds >= Self.earliestSeconds - 1, seconds <= Self.latestSeconds + 1 else {
            throw Self.timeOutOfRange(seconds)
        }
        let fraction = microseconds ? Int64(nanoseconds) - Int64(nanoseconds) % 1000 : 0
        let time = KubeTime(seconds: seconds, nanoseconds: fraction)
        guard time.seconds >= Self.earliestSeconds, time.seconds <= Self.latestSeconds else {
            throw Self.timeOutOfRange(time.seconds)
        }
        return .string(microseconds ? MicroTime(time).rfc3339Micro : time.rfc3339)
    }

    /// A `Quantity {1: string}` in canonical form; without the string it is the zero quantity, `"0"`.
    static func quantity(_ bytes: ArraySlice<UInt8>) throws(ProtobufDecodingError) -> JSONValue {
        var text: String?
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .lengthDelimited): text = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (1, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field String_ of Quantity"
                )
            default: try reader.skipValue(of: key)
            }
        }
        guard let text else { return .string("0") }
        do {
            return .string(try Quantity(parsing: text).description)
        } catch {
            throw ProtobufDecodingError(.invalidValue, "quantities must match the regular expression: \(error)")
        }
    }

    /// An `IntOrString {1: type, 2: intVal, 3: strVal}`: `intVal` for type 0, `strVal` for type 1.
    static func intOrString(_ bytes: ArraySlice<UInt8>) throws(ProtobufDecodingError) -> JSONValue {
        var type: Int64 = 0
        var intValue: Int32 = 0
        var stringValue = ""
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .varint): type = Int64(bitPattern: try reader.readVarint())
            case (2, .varint): intValue = Int32(truncatingIfNeeded: try reader.readVarint())
            case (3, .lengthDelimited): stringValue = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (1, _), (2, _), (3, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field \(key.fieldNumber) of IntOrString"
                )
            default: try reader.skipValue(of: key)
            }
        }
        switch type {
        case 0: return .int(Int64(intValue))
        case 1: return .string(stringValue)
        default: throw ProtobufDecodingError(.invalidValue, "impossible IntOrString.Type \(type)")
        }
    }

    /// A `{1: raw}` wrapper around a JSON document (`FieldsV1`, `RawExtension`): the document, or `null`
    /// when there is none.
    static func embeddedJSON(_ bytes: ArraySlice<UInt8>) throws(ProtobufDecodingError) -> JSONValue {
        var raw: ArraySlice<UInt8>?
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .lengthDelimited): raw = try reader.readLengthDelimited()
            case (1, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field Raw"
                )
            default: try reader.skipValue(of: key)
            }
        }
        guard let raw, !raw.isEmpty else { return .null }
        do {
            return try JSONValue(parsing: raw)
        } catch {
            throw ProtobufDecodingError(.invalidValue, "embedded raw JSON is not valid JSON: \(error)")
        }
    }

    private static func timeOutOfRange(_ seconds: Int64) -> ProtobufDecodingError {
        ProtobufDecodingError(
            .invalidValue,
            "Time.MarshalJSON: year outside of range [0,9999] (\(seconds) seconds since the epoch)"
        )
    }
}
