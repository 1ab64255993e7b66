extension ProtobufSchema {
    /// Every `apps/v1` message the decoder knows.
    static let appsV1Messages: [ProtobufMessage] = [
        Self.appsV1ControllerRevision,
        Self.appsV1DaemonSet,
        Self.appsV1DaemonSetCondition,
        Self.appsV1DaemonSetSpec,
        Self.appsV1DaemonSetStatus,
        Self.appsV1DaemonSetUpdateStrategy,
        Self.appsV1Deployment,
        Self.appsV1DeploymentCondition,
        Self.appsV1DeploymentSpec,
        Self.appsV1DeploymentStatus,
        Self.appsV1DeploymentStrategy,
        Self.appsV1ReplicaSet,
        Self.appsV1ReplicaSetCondition,
        Self.appsV1ReplicaSetSpec,
        Self.appsV1ReplicaSetStatus,
        Self.appsV1RollingUpdateDaemonSet,
        Self.appsV1RollingUpdateDeployment,
        Self.appsV1RollingUpdateStatefulSetStrategy,
        Self.appsV1StatefulSet,
        Self.appsV1StatefulSetCondition,
        Self.appsV1StatefulSetOrdinals,
        Self.appsV1StatefulSetPersistentVolumeClaimRetentionPolicy,
        Self.appsV1StatefulSetSpec,
        Self.appsV1StatefulSetStatus,
        Self.appsV1StatefulSetUpdateStrategy,
    ]

    /// `ControllerRevision` (`k8s.io.api.apps.v1.ControllerRevision`).
    static let appsV1ControllerRevision = ProtobufMessage(
        "k8s.io.api.apps.v1.ControllerRevision",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "data", .rawExtension, .single, .omitEmpty),
            ProtobufField(3, "revision", .int64, .single, .always),
        ]
    )

    /// `DaemonSet` (`k8s.io.api.apps.v1.DaemonSet`).
    static let appsV1DaemonSet = ProtobufMessage(
        "k8s.io.api.apps.v1.DaemonSet",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.apps.v1.DaemonSetSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.apps.v1.DaemonSetStatus"), .single, .omitEmpty),
        ]
    )

    /// `DaemonSetCondition` (`k8s.io.api.apps.v1.DaemonSetCondition`).
    static let appsV1DaemonSetCondition = ProtobufMessage(
        "k8s.io.api.apps.v1.DaemonSetCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(4, "reason", .string, .single, .omitEmpty),
            ProtobufField(5, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `DaemonSetSpec` (`k8s.io.api.apps.v1.DaemonSetSpec`).
    static let appsV1DaemonSetSpec = ProtobufMessage(
        "k8s.io.api.apps.v1.DaemonSetSpec",
        fields: [
            ProtobufField(
                1, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .nullable
            ),
            ProtobufField(2, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .always),
            ProtobufField(
                3, "updateStrategy", .message("k8s.io.api.apps.v1.DaemonSetUpdateStrategy"),
                .single, .omitEmpty
            ),
            ProtobufField(4, "minReadySeconds", .int32, .single, .omitEmpty),
            ProtobufField(6, "revisionHistoryLimit", .int32, .single, .optional),
        ]
    )

    /// `DaemonSetStatus` (`k8s.io.api.apps.v1.DaemonSetStatus`).
    static let appsV1DaemonSetStatus = ProtobufMessage(
        "k8s.io.api.apps.v1.DaemonSetStatus",
        fields: [
            ProtobufField(1, "currentNumberScheduled", .int32, .single, .always),
            ProtobufField(2, "numberMisscheduled", .int32, .single, .always),
            ProtobufField(3, "desiredNumberScheduled", .int32, .single, .always),
            ProtobufField(4, "numberReady", .int32, .single, .always),
            ProtobufField(5, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(6, "updatedNumberScheduled", .int32, .single, .omitEmpty),
            ProtobufField(7, "numberAvailable", .int32, .single, .omitEmpty),
            ProtobufField(8, "numberUnavailable", .int32, .single, .omitEmpty),
            ProtobufField(9, "collisionCount", .int32, .single, .optional),
            ProtobufField(10, "conditions", .message("k8s.io.api.apps.v1.DaemonSetCondition"), .repeated, .omitEmpty),
        ]
    )

    /// `DaemonSetUpdateStrategy` (`k8s.io.api.apps.v1.DaemonSetUpdateStrategy`).
    static let appsV1DaemonSetUpdateStrategy = ProtobufMessage(
        "k8s.io.api.apps.v1.DaemonSetUpdateStrategy",
        fields: [
            ProtobufField(1, "type", .string, .single, .omitEmpty),
            ProtobufField(
                2, "rollingUpdate", .message("k8s.io.api.apps.v1.RollingUpdateDaemonSet"),
                .single, .optional
            ),
        ]
    )

    /// `Deployment` (`k8s.io.api.apps.v1.Deployment`).
    static let appsV1Deployment = ProtobufMessage(
        "k8s.io.api.apps.v1.Deployment",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.apps.v1.DeploymentSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.apps.v1.DeploymentStatus"), .single, .omitEmpty),
        ]
    )

    /// `DeploymentCondition` (`k8s.io.api.apps.v1.DeploymentCondition`).
    static let appsV1DeploymentCondition = ProtobufMessage(
        "k8s.io.api.apps.v1.DeploymentCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(6, "lastUpdateTime", .time, .single, .omitEmpty),
            ProtobufField(7, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(4, "reason", .string, .single, .omitEmpty),
            ProtobufField(5, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `DeploymentSpec` (`k8s.io.api.apps.v1.DeploymentSpec`).
    static let appsV1DeploymentSpec = ProtobufMessage(
        "k8s.io.api.apps.v1.DeploymentSpec",
        fields: [
            ProtobufField(1, "replicas", .int32, .single, .optional),
            ProtobufField(
                2, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .nullable
            ),
            ProtobufField(3, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .always),
            ProtobufField(4, "strategy", .message("k8s.io.api.apps.v1.DeploymentStrategy"), .single, .omitEmpty),
            ProtobufField(5, "minReadySeconds", .int32, .single, .omitEmpty),
            ProtobufField(6, "revisionHistoryLimit", .int32, .single, .optional),
            ProtobufField(7, "paused", .bool, .single, .omitEmpty),
            ProtobufField(9, "progressDeadlineSeconds", .int32, .single, .optional),
        ]
    )

    /// `DeploymentStatus` (`k8s.io.api.apps.v1.DeploymentStatus`).
    static let appsV1DeploymentStatus = ProtobufMessage(
        "k8s.io.api.apps.v1.DeploymentStatus",
        fields: [
            ProtobufField(1, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(2, "replicas", .int32, .single, .omitEmpty),
            ProtobufField(3, "updatedReplicas", .int32, .single, .omitEmpty),
            ProtobufField(7, "readyReplicas", .int32, .single, .omitEmpty),
            ProtobufField(4, "availableReplicas", .int32, .single, .omitEmpty),
            ProtobufField(5, "unavailableReplicas", .int32, .single, .omitEmpty),
            ProtobufField(9, "terminatingReplicas", .int32, .single, .optional),
            ProtobufField(6, "conditions", .message("k8s.io.api.apps.v1.DeploymentCondition"), .repeated, .omitEmpty),
            ProtobufField(8, "collisionCount", .int32, .single, .optional),
        ]
    )

    /// `DeploymentStrategy` (`k8s.io.api.apps.v1.DeploymentStrategy`).
    static let appsV1DeploymentStrategy = ProtobufMessage(
        "k8s.io.api.apps.v1.DeploymentStrategy",
        fields: [
            ProtobufField(1, "type", .string, .single, .omitEmpty),
            ProtobufField(
                2, "rollingUpdate", .message("k8s.io.api.apps.v1.RollingUpdateDeployment"),
                .single, .optional
            ),
        ]
    )

    /// `ReplicaSet` (`k8s.io.api.apps.v1.ReplicaSet`).
    static let appsV1ReplicaSet = ProtobufMessage(
        "k8s.io.api.apps.v1.ReplicaSet",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.apps.v1.ReplicaSetSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.apps.v1.ReplicaSetStatus"), .single, .omitEmpty),
        ]
    )

    /// `ReplicaSetCondition` (`k8s.io.api.apps.v1.ReplicaSetCondition`).
    static let appsV1ReplicaSetCondition = ProtobufMessage(
        "k8s.io.api.apps.v1.ReplicaSetCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(4, "reason", .string, .single, .omitEmpty),
            ProtobufField(5, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `ReplicaSetSpec` (`k8s.io.api.apps.v1.ReplicaSetSpec`).
    static let appsV1ReplicaSetSpec = ProtobufMessage(
        "k8s.io.api.apps.v1.ReplicaSetSpec",
        fields: [
            ProtobufField(1, "replicas", .int32, .single, .optional),
            ProtobufField(4, "minReadySeconds", .int32, .single, .omitEmpty),
            ProtobufField(
                2, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .nullable
            ),
            ProtobufField(3, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .omitEmpty),
        ]
    )

    /// `ReplicaSetStatus` (`k8s.io.api.apps.v1.ReplicaSetStatus`).
    static let appsV1ReplicaSetStatus = ProtobufMessage(
        "k8s.io.api.apps.v1.ReplicaSetStatus",
        fields: [
            ProtobufField(1, "replicas", .int32, .single, .always),
            ProtobufField(2, "fullyLabeledReplicas", .int32, .single, .omitEmpty),
            ProtobufField(4, "readyReplicas", .int32, .single, .omitEmpty),
            ProtobufField(5, "availableReplicas", .int32, .single, .omitEmpty),
            ProtobufField(7, "terminatingReplicas", .int32, .single, .optional),
            ProtobufField(3, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(6, "conditions", .message("k8s.io.api.apps.v1.ReplicaSetCondition"), .repeated, .omitEmpty),
        ]
    )

    /// `RollingUpdateDaemonSet` (`k8s.io.api.apps.v1.RollingUpdateDaemonSet`).
    static let appsV1RollingUpdateDaemonSet = ProtobufMessage(
        "k8s.io.api.apps.v1.RollingUpdateDaemonSet",
        fields: [
            ProtobufField(1, "maxUnavailable", .intOrString, .single, .optional),
            ProtobufField(2, "maxSurge", .intOrString, .single, .optional),
        ]
    )

    /// `RollingUpdateDeployment` (`k8s.io.api.apps.v1.RollingUpdateDeployment`).
    static let appsV1RollingUpdateDeployment = ProtobufMessage(
        "k8s.io.api.apps.v1.RollingUpdateDeployment",
        fields: [
            ProtobufField(1, "maxUnavailable", .intOrString, .single, .optional),
            ProtobufField(2, "maxSurge", .intOrString, .single, .optional),
        ]
    )

    /// `RollingUpdateStatefulSetStrategy` (`k8s.io.api.apps.v1.RollingUpdateStatefulSetStrategy`).
    static let appsV1RollingUpdateStatefulSetStrategy = ProtobufMessage(
        "k8s.io.api.apps.v1.RollingUpdateStatefulSetStrategy",
        fields: [
            ProtobufField(1, "partition", .int32, .single, .optional),
            ProtobufField(2, "maxUnavailable", .intOrString, .single, .optional),
        ]
    )

    /// `StatefulSet` (`k8s.io.api.apps.v1.StatefulSet`).
    static let appsV1StatefulSet = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSet",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.apps.v1.StatefulSetSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.apps.v1.StatefulSetStatus"), .single, .omitEmpty),
        ]
    )

    /// `StatefulSetCondition` (`k8s.io.api.apps.v1.StatefulSetCondition`).
    static let appsV1StatefulSetCondition = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(4, "reason", .string, .single, .omitEmpty),
            ProtobufField(5, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `StatefulSetOrdinals` (`k8s.io.api.apps.v1.StatefulSetOrdinals`).
    static let appsV1StatefulSetOrdinals = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetOrdinals",
        fields: [
            ProtobufField(1, "start", .int32, .single, .always),
        ]
    )

    /// `StatefulSetPersistentVolumeClaimRetentionPolicy` (`k8s.io.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy`).
    static let appsV1StatefulSetPersistentVolumeClaimRetentionPolicy = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
        fields: [
            ProtobufField(1, "whenDeleted", .string, .single, .omitEmpty),
            ProtobufField(2, "whenScaled", .string, .single, .omitEmpty),
        ]
    )

    /// `StatefulSetSpec` (`k8s.io.api.apps.v1.StatefulSetSpec`).
    static let appsV1StatefulSetSpec = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetSpec",
        fields: [
            ProtobufField(1, "replicas", .int32, .single, .optional),
            ProtobufField(
                2, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .nullable
            ),
            ProtobufField(3, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .always),
            ProtobufField(
                4, "volumeClaimTemplates", .message("k8s.io.api.core.v1.PersistentVolumeClaim"),
                .repeated, .omitEmpty
            ),
            ProtobufField(5, "serviceName", .string, .single, .always),
            ProtobufField(6, "podManagementPolicy", .string, .single, .omitEmpty),
            ProtobufField(
                7, "updateStrategy", .message("k8s.io.api.apps.v1.StatefulSetUpdateStrategy"),
                .single, .omitEmpty
            ),
            ProtobufField(8, "revisionHistoryLimit", .int32, .single, .optional),
            ProtobufField(9, "minReadySeconds", .int32, .single, .omitEmpty),
            ProtobufField(
                10, "persistentVolumeClaimRetentionPolicy", .message("k8s.io.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy"),
                .single, .optional
            ),
            ProtobufField(11, "ordinals", .message("k8s.io.api.apps.v1.StatefulSetOrdinals"), .single, .optional),
        ]
    )

    /// `StatefulSetStatus` (`k8s.io.api.apps.v1.StatefulSetStatus`).
    static let appsV1StatefulSetStatus = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetStatus",
        fields: [
            ProtobufField(1, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(2, "replicas", .int32, .single, .always),
            ProtobufField(3, "readyReplicas", .int32, .single, .omitEmpty),
            ProtobufField(4, "currentReplicas", .int32, .single, .omitEmpty),
            ProtobufField(5, "updatedReplicas", .int32, .single, .omitEmpty),
            ProtobufField(6, "currentRevision", .string, .single, .omitEmpty),
            ProtobufField(7, "updateRevision", .string, .single, .omitEmpty),
            ProtobufField(9, "collisionCount", .int32, .single, .optional),
            ProtobufField(10, "conditions", .message("k8s.io.api.apps.v1.StatefulSetCondition"), .repeated, .omitEmpty),
            ProtobufField(11, "availableReplicas", .int32, .single, .always),
        ]
    )

    /// `StatefulSetUpdateStrategy` (`k8s.io.api.apps.v1.StatefulSetUpdateStrategy`).
    static let appsV1StatefulSetUpdateStrategy = ProtobufMessage(
        "k8s.io.api.apps.v1.StatefulSetUpdateStrategy",
        fields: [
            ProtobufField(1, "type", .string, .single, .omitEmpty),
            ProtobufField(
                2, "rollingUpdate", .message("k8s.io.api.apps.v1.RollingUpdateStatefulSetStrategy"),
                .single, .optional
            ),
        ]
    )
}
