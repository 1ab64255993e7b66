extension ProtobufSchema {
    /// Every `coordination.k8s.io/v1` message the decoder knows.
    static let coordinationV1Messages: [ProtobufMessage] = [
        Self.coordinationV1Lease,
        Self.coordinationV1LeaseSpec,
    ]

    /// `Lease` (`k8s.io.api.coordination.v1.Lease`).
    static let coordinationV1Lease = ProtobufMessage(
        "k8s.io.api.coordination.v1.Lease",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.coordination.v1.LeaseSpec"), .single, .omitEmpty),
        ]
    )

    /// `LeaseSpec` (`k8s.io.api.coordination.v1.LeaseSpec`).
    static let coordinationV1LeaseSpec = ProtobufMessage(
        "k8s.io.api.coordination.v1.LeaseSpec",
        fields: [
            ProtobufField(1, "holderIdentity", .string, .single, .optional),
            ProtobufField(2, "leaseDurationSeconds", .int32, .single, .optional),
            ProtobufField(3, "acquireTime", .microTime, .single, .optional),
            ProtobufField(4, "renewTime", .microTime, .single, .optional),
            ProtobufField(5, "leaseTransitions", .int32, .single, .optional),
            ProtobufField(6, "strategy", .string, .single, .optional),
            ProtobufField(7, "preferredHolder", .string, .single, .optional),
        ]
    )
}
