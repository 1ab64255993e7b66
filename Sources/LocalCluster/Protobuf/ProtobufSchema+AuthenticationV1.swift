extension ProtobufSchema {
    /// Every `authentication.k8s.io/v1` message the decoder knows.
    static let authenticationV1Messages: [ProtobufMessage] = [
        Self.authenticationV1BoundObjectReference,
        Self.authenticationV1TokenRequest,
        Self.authenticationV1TokenRequestSpec,
        Self.authenticationV1TokenRequestStatus,
    ]

    /// `BoundObjectReference` (`k8s.io.api.authentication.v1.BoundObjectReference`).
    static let authenticationV1BoundObjectReference = ProtobufMessage(
        "k8s.io.api.authentication.v1.BoundObjectReference",
        fields: [
            ProtobufField(1, "kind", .string, .single, .omitEmpty),
            ProtobufField(2, "apiVersion", .string, .single, .omitEmpty),
            ProtobufField(3, "name", .string, .single, .omitEmpty),
            ProtobufField(4, "uid", .string, .single, .omitEmpty),
        ]
    )

    /// `TokenRequest` (`k8s.io.api.authentication.v1.TokenRequest`).
    static let authenticationV1TokenRequest = ProtobufMessage(
        "k8s.io.api.authentication.v1.TokenRequest",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.authentication.v1.TokenRequestSpec"), .single, .always),
            ProtobufField(
                3, "status", .message("k8s.io.api.authentication.v1.TokenRequestStatus"),
                .single, .omitEmpty
            ),
        ]
    )

    /// `TokenRequestSpec` (`k8s.io.api.authentication.v1.TokenRequestSpec`).
    static let authenticationV1TokenRequestSpec = ProtobufMessage(
        "k8s.io.api.authentication.v1.TokenRequestSpec",
        fields: [
            ProtobufField(1, "audiences", .string, .repeated, .always),
            ProtobufField(4, "expirationSeconds", .int64, .single, .nullable),
            ProtobufField(
                3, "boundObjectRef", .message("k8s.io.api.authentication.v1.BoundObjectReference"),
                .single, .nullable
            ),
        ]
    )

    /// `TokenRequestStatus` (`k8s.io.api.authentication.v1.TokenRequestStatus`).
    static let authenticationV1TokenRequestStatus = ProtobufMessage(
        "k8s.io.api.authentication.v1.TokenRequestStatus",
        fields: [
            ProtobufField(1, "token", .string, .single, .always),
            ProtobufField(2, "expirationTimestamp", .time, .single, .always),
        ]
    )
}
