/// The wrapper around every Kubernetes protobuf body: the magic bytes `k8s\0`, then a `runtime.Unknown`
/// message `{1: TypeMeta {1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}` whose
/// `raw` is the object's own message.
public struct KubernetesProtobufEnvelope: Sendable {
    /// `k8s\0`.
    public static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// `TypeMeta.apiVersion` (`apps/v1`).
    public var apiVersion: String
    /// `TypeMeta.kind` (`Deployment`).
    public var kind: String
    /// The encoded object.
    public var raw: ArraySlice<UInt8>
    /// How `raw` is compressed; empty for none.
    public var contentEncoding: String
    /// The media type of `raw`; usually empty (meaning protobuf).
    public var contentType: String

    /// Reads the envelope of `body`.
    public init(decoding body: [UInt8]) throws(ProtobufDecodingError) {
        guard body.count >= Self.magic.count, body.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            throw ProtobufDecodingError(
                .missingMagic,
                "provided object is not a Kubernetes protobuf message: the body does not start with the bytes 6b 38 73 00"
            )
        }
        self.apiVersion = ""
        self.kind = ""
        self.raw = []
        self.contentEncoding = ""
        self.contentType = ""
        var reader = ProtobufReader(body[Self.magic.count...])
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .lengthDelimited): try self.readTypeMeta(try reader.readLengthDelimited())
            case (2, .lengthDelimited): self.raw = try reader.readLengthDelimited()
            case (3, .lengthDelimited): self.contentEncoding = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (4, .lengthDelimited): self.contentType = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (1, _), (2, _), (3, _), (4, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field \(key.fieldNumber) of runtime.Unknown"
                )
            default: try reader.skipValue(of: key)
            }
        }
    }

    private mutating func readTypeMeta(_ bytes: ArraySlice<UInt8>) throws(ProtobufDecodingError) {
        var reader = ProtobufReader(bytes)
        while !reader.isAtEnd {
            let key = try reader.readKey()
            switch (key.fieldNumber, key.wireType) {
            case (1, .lengthDelimited): self.apiVersion = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (2, .lengthDelimited): self.kind = ProtobufJSONDecoder.string(try reader.readLengthDelimited())
            case (1, _), (2, _):
                throw ProtobufDecodingError(
                    .wrongWireType,
                    "proto: wrong wireType = \(key.wireType.rawValue) for field \(key.fieldNumber) of runtime.TypeMeta"
                )
            default: try reader.skipValue(of: key)
            }
        }
    }
}
