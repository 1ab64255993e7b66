extension ProtobufSchema {
    /// Every `meta.k8s.io/v1` message the decoder knows.
    static let metaV1Messages: [ProtobufMessage] = [
        Self.metaV1Condition,
        Self.metaV1FieldSelectorRequirement,
        Self.metaV1LabelSelector,
        Self.metaV1LabelSelectorRequirement,
        Self.metaV1ManagedFieldsEntry,
        Self.metaV1ObjectMeta,
        Self.metaV1OwnerReference,
    ]

    /// `Condition` (`k8s.io.apimachinery.pkg.apis.meta.v1.Condition`).
    static let metaV1Condition = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.Condition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(4, "lastTransitionTime", .time, .single, .always),
            ProtobufField(5, "reason", .string, .single, .always),
            ProtobufField(6, "message", .string, .single, .always),
        ]
    )

    /// `FieldSelectorRequirement` (`k8s.io.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement`).
    static let metaV1FieldSelectorRequirement = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement",
        fields: [
            ProtobufField(1, "key", .string, .single, .always),
            ProtobufField(2, "operator", .string, .single, .always),
            ProtobufField(3, "values", .string, .repeated, .omitEmpty),
        ]
    )

    /// `LabelSelector` (`k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector`).
    static let metaV1LabelSelector = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector",
        fields: [
            ProtobufField(1, "matchLabels", .string, .map, .omitEmpty),
            ProtobufField(
                2, "matchExpressions", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `LabelSelectorRequirement` (`k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement`).
    static let metaV1LabelSelectorRequirement = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement",
        fields: [
            ProtobufField(1, "key", .string, .single, .always),
            ProtobufField(2, "operator", .string, .single, .always),
            ProtobufField(3, "values", .string, .repeated, .omitEmpty),
        ]
    )

    /// `ManagedFieldsEntry` (`k8s.io.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry`).
    static let metaV1ManagedFieldsEntry = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry",
        fields: [
            ProtobufField(1, "manager", .string, .single, .omitEmpty),
            ProtobufField(2, "operation", .string, .single, .omitEmpty),
            ProtobufField(3, "apiVersion", .string, .single, .omitEmpty),
            ProtobufField(4, "time", .time, .single, .optional),
            ProtobufField(6, "fieldsType", .string, .single, .omitEmpty),
            ProtobufField(7, "fieldsV1", .fieldsV1, .single, .optional),
            ProtobufField(8, "subresource", .string, .single, .omitEmpty),
        ]
    )

    /// `ObjectMeta` (`k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta`).
    static let metaV1ObjectMeta = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
            ProtobufField(2, "generateName", .string, .single, .omitEmpty),
            ProtobufField(3, "namespace", .string, .single, .omitEmpty),
            ProtobufField(4, "selfLink", .string, .single, .omitEmpty),
            ProtobufField(5, "uid", .string, .single, .omitEmpty),
            ProtobufField(6, "resourceVersion", .string, .single, .omitEmpty),
            ProtobufField(7, "generation", .int64, .single, .omitEmpty),
            ProtobufField(8, "creationTimestamp", .time, .single, .omitZero),
            ProtobufField(9, "deletionTimestamp", .time, .single, .optional),
            ProtobufField(10, "deletionGracePeriodSeconds", .int64, .single, .optional),
            ProtobufField(11, "labels", .string, .map, .omitEmpty),
            ProtobufField(12, "annotations", .string, .map, .omitEmpty),
            ProtobufField(
                13, "ownerReferences", .message("k8s.io.apimachinery.pkg.apis.meta.v1.OwnerReference"),
                .repeated, .omitEmpty
            ),
            ProtobufField(14, "finalizers", .string, .repeated, .omitEmpty),
            ProtobufField(
                17, "managedFields", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `OwnerReference` (`k8s.io.apimachinery.pkg.apis.meta.v1.OwnerReference`).
    static let metaV1OwnerReference = ProtobufMessage(
        "k8s.io.apimachinery.pkg.apis.meta.v1.OwnerReference",
        fields: [
            ProtobufField(5, "apiVersion", .string, .single, .always),
            ProtobufField(1, "kind", .string, .single, .always),
            ProtobufField(3, "name", .string, .single, .always),
            ProtobufField(4, "uid", .string, .single, .always),
            ProtobufField(6, "controller", .bool, .single, .optional),
            ProtobufField(7, "blockOwnerDeletion", .bool, .single, .optional),
        ]
    )
}
