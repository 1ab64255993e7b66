extension ProtobufSchema {
    /// Every `authorization.k8s.io/v1` message the decoder knows.
    static let authorizationV1Messages: [ProtobufMessage] = [
        Self.authorizationV1FieldSelectorAttributes,
        Self.authorizationV1LabelSelectorAttributes,
        Self.authorizationV1NonResourceAttributes,
        Self.authorizationV1ResourceAttributes,
        Self.authorizationV1SelfSubjectAccessReview,
        Self.authorizationV1SelfSubjectAccessReviewSpec,
        Self.authorizationV1SubjectAccessReviewStatus,
    ]

    /// `FieldSelectorAttributes` (`k8s.io.api.authorization.v1.FieldSelectorAttributes`).
    static let authorizationV1FieldSelectorAttributes = ProtobufMessage(
        "k8s.io.api.authorization.v1.FieldSelectorAttributes",
        fields: [
            ProtobufField(1, "rawSelector", .string, .single, .omitEmpty),
            ProtobufField(
                2, "requirements", .message("k8s.io.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `LabelSelectorAttributes` (`k8s.io.api.authorization.v1.LabelSelectorAttributes`).
    static let authorizationV1LabelSelectorAttributes = ProtobufMessage(
        "k8s.io.api.authorization.v1.LabelSelectorAttributes",
        fields: [
            ProtobufField(1, "rawSelector", .string, .single, .omitEmpty),
            ProtobufField(
                2, "requirements", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `NonResourceAttributes` (`k8s.io.api.authorization.v1.NonResourceAttributes`).
    static let authorizationV1NonResourceAttributes = ProtobufMessage(
        "k8s.io.api.authorization.v1.NonResourceAttributes",
        fields: [
            ProtobufField(1, "path", .string, .single, .omitEmpty),
            ProtobufField(2, "verb", .string, .single, .omitEmpty),
        ]
    )

    /// `ResourceAttributes` (`k8s.io.api.authorization.v1.ResourceAttributes`).
    static let authorizationV1ResourceAttributes = ProtobufMessage(
        "k8s.io.api.authorization.v1.ResourceAttributes",
        fields: [
            ProtobufField(1, "namespace", .string, .single, .omitEmpty),
            ProtobufField(2, "verb", .string, .single, .omitEmpty),
            ProtobufField(3, "group", .string, .single, .omitEmpty),
            ProtobufField(4, "version", .string, .single, .omitEmpty),
            ProtobufField(5, "resource", .string, .single, .omitEmpty),
            ProtobufField(6, "subresource", .string, .single, .omitEmpty),
            ProtobufField(7, "name", .string, .single, .omitEmpty),
            ProtobufField(
                8, "fieldSelector", .message("k8s.io.api.authorization.v1.FieldSelectorAttributes"),
                .single, .optional
            ),
            ProtobufField(
                9, "labelSelector", .message("k8s.io.api.authorization.v1.LabelSelectorAttributes"),
                .single, .optional
            ),
        ]
    )

    /// `SelfSubjectAccessReview` (`k8s.io.api.authorization.v1.SelfSubjectAccessReview`).
    static let authorizationV1SelfSubjectAccessReview = ProtobufMessage(
        "k8s.io.api.authorization.v1.SelfSubjectAccessReview",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(
                2, "spec", .message("k8s.io.api.authorization.v1.SelfSubjectAccessReviewSpec"),
                .single, .always
            ),
            ProtobufField(
                3, "status", .message("k8s.io.api.authorization.v1.SubjectAccessReviewStatus"),
                .single, .omitEmpty
            ),
        ]
    )

    /// `SelfSubjectAccessReviewSpec` (`k8s.io.api.authorization.v1.SelfSubjectAccessReviewSpec`).
    static let authorizationV1SelfSubjectAccessReviewSpec = ProtobufMessage(
        "k8s.io.api.authorization.v1.SelfSubjectAccessReviewSpec",
        fields: [
            ProtobufField(
                1, "resourceAttributes", .message("k8s.io.api.authorization.v1.ResourceAttributes"),
                .single, .optional
            ),
            ProtobufField(
                2, "nonResourceAttributes", .message("k8s.io.api.authorization.v1.NonResourceAttributes"),
                .single, .optional
            ),
        ]
    )

    /// `SubjectAccessReviewStatus` (`k8s.io.api.authorization.v1.SubjectAccessReviewStatus`).
    static let authorizationV1SubjectAccessReviewStatus = ProtobufMessage(
        "k8s.io.api.authorization.v1.SubjectAccessReviewStatus",
        fields: [
            ProtobufField(1, "allowed", .bool, .single, .always),
            ProtobufField(4, "denied", .bool, .single, .omitEmpty),
            ProtobufField(2, "reason", .string, .single, .omitEmpty),
            ProtobufField(3, "evaluationError", .string, .single, .omitEmpty),
        ]
    )
}
