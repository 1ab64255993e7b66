public import KubeJSON

/// Decoding of `application/vnd.kubernetes.protobuf` request bodies into the JSON the server works with.
public enum KubernetesProtobuf {
    /// The protobuf media type.
    public static let mediaType = "application/vnd.kubernetes.protobuf"

    /// The object in a protobuf `body` as JSON: `kind` and `apiVersion` from the envelope, then the
    /// object's fields as Go's `encoding/json` writes the decoded struct.
    ///
    /// Throws ``ProtobufDecodingError``: ``ProtobufDecodingError/isUnsupported`` for a kind without a
    /// schema or a compressed body, otherwise for malformed input.
    public static func decodeObject(_ body: [UInt8]) throws(ProtobufDecodingError) -> JSONValue {
        let envelope = try KubernetesProtobufEnvelope(decoding: body)
        guard envelope.contentEncoding.isEmpty else {
            throw ProtobufDecodingError(
                .unsupportedEncoding,
                "protobuf content encoding \"\(envelope.contentEncoding)\" is not supported"
            )
        }
        guard !envelope.kind.isEmpty else {
            throw ProtobufDecodingError(.invalidValue, "Object 'Kind' is missing in the protobuf envelope")
        }
        guard let message = ProtobufSchema.message(apiVersion: envelope.apiVersion, kind: envelope.kind) else {
            throw ProtobufDecodingError(
                .unknownKind,
                "no protobuf schema for kind \"\(envelope.kind)\" in version \"\(envelope.apiVersion)\"; send it as application/json"
            )
        }
        let fields = try ProtobufJSONDecoder().decode(message, from: envelope.raw)
        var object = JSONObject(minimumCapacity: fields.count + 2)
        object.appendUnchecked(key: "kind", value: .string(envelope.kind))
        if !envelope.apiVersion.isEmpty {
            object.appendUnchecked(key: "apiVersion", value: .string(envelope.apiVersion))
        }
        for member in fields { object.appendUnchecked(key: member.key, value: member.value) }
        return .object(object)
    }
}
