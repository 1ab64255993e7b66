extension ProtobufSchema {
    /// Every `batch/v1` message the decoder knows.
    static let batchV1Messages: [ProtobufMessage] = [
        Self.batchV1CronJob,
        Self.batchV1CronJobSpec,
        Self.batchV1CronJobStatus,
        Self.batchV1Job,
        Self.batchV1JobCondition,
        Self.batchV1JobSpec,
        Self.batchV1JobStatus,
        Self.batchV1JobTemplateSpec,
        Self.batchV1PodFailurePolicy,
        Self.batchV1PodFailurePolicyOnExitCodesRequirement,
        Self.batchV1PodFailurePolicyOnPodConditionsPattern,
        Self.batchV1PodFailurePolicyRule,
        Self.batchV1SuccessPolicy,
        Self.batchV1SuccessPolicyRule,
        Self.batchV1UncountedTerminatedPods,
    ]

    /// `CronJob` (`k8s.io.api.batch.v1.CronJob`).
    static let batchV1CronJob = ProtobufMessage(
        "k8s.io.api.batch.v1.CronJob",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.batch.v1.CronJobSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.batch.v1.CronJobStatus"), .single, .omitEmpty),
        ]
    )

    /// `CronJobSpec` (`k8s.io.api.batch.v1.CronJobSpec`).
    static let batchV1CronJobSpec = ProtobufMessage(
        "k8s.io.api.batch.v1.CronJobSpec",
        fields: [
            ProtobufField(1, "schedule", .string, .single, .always),
            ProtobufField(8, "timeZone", .string, .single, .optional),
            ProtobufField(2, "startingDeadlineSeconds", .int64, .single, .optional),
            ProtobufField(3, "concurrencyPolicy", .string, .single, .omitEmpty),
            ProtobufField(4, "suspend", .bool, .single, .optional),
            ProtobufField(5, "jobTemplate", .message("k8s.io.api.batch.v1.JobTemplateSpec"), .single, .always),
            ProtobufField(6, "successfulJobsHistoryLimit", .int32, .single, .optional),
            ProtobufField(7, "failedJobsHistoryLimit", .int32, .single, .optional),
        ]
    )

    /// `CronJobStatus` (`k8s.io.api.batch.v1.CronJobStatus`).
    static let batchV1CronJobStatus = ProtobufMessage(
        "k8s.io.api.batch.v1.CronJobStatus",
        fields: [
            ProtobufField(1, "active", .message("k8s.io.api.core.v1.ObjectReference"), .repeated, .omitEmpty),
            ProtobufField(4, "lastScheduleTime", .time, .single, .optional),
            ProtobufField(5, "lastSuccessfulTime", .time, .single, .optional),
        ]
    )

    /// `Job` (`k8s.io.api.batch.v1.Job`).
    static let batchV1Job = ProtobufMessage(
        "k8s.io.api.batch.v1.Job",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.batch.v1.JobSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.batch.v1.JobStatus"), .single, .omitEmpty),
        ]
    )

    /// `JobCondition` (`k8s.io.api.batch.v1.JobCondition`).
    static let batchV1JobCondition = ProtobufMessage(
        "k8s.io.api.batch.v1.JobCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastProbeTime", .time, .single, .omitEmpty),
            ProtobufField(4, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(5, "reason", .string, .single, .omitEmpty),
            ProtobufField(6, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `JobSpec` (`k8s.io.api.batch.v1.JobSpec`).
    static let batchV1JobSpec = ProtobufMessage(
        "k8s.io.api.batch.v1.JobSpec",
        fields: [
            ProtobufField(1, "parallelism", .int32, .single, .optional),
            ProtobufField(2, "completions", .int32, .single, .optional),
            ProtobufField(3, "activeDeadlineSeconds", .int64, .single, .optional),
            ProtobufField(11, "podFailurePolicy", .message("k8s.io.api.batch.v1.PodFailurePolicy"), .single, .optional),
            ProtobufField(16, "successPolicy", .message("k8s.io.api.batch.v1.SuccessPolicy"), .single, .optional),
            ProtobufField(7, "backoffLimit", .int32, .single, .optional),
            ProtobufField(12, "backoffLimitPerIndex", .int32, .single, .optional),
            ProtobufField(13, "maxFailedIndexes", .int32, .single, .optional),
            ProtobufField(
                4, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(5, "manualSelector", .bool, .single, .optional),
            ProtobufField(6, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .always),
            ProtobufField(8, "ttlSecondsAfterFinished", .int32, .single, .optional),
            ProtobufField(9, "completionMode", .string, .single, .optional),
            ProtobufField(10, "suspend", .bool, .single, .optional),
            ProtobufField(14, "podReplacementPolicy", .string, .single, .optional),
            ProtobufField(15, "managedBy", .string, .single, .optional),
        ]
    )

    /// `JobStatus` (`k8s.io.api.batch.v1.JobStatus`).
    static let batchV1JobStatus = ProtobufMessage(
        "k8s.io.api.batch.v1.JobStatus",
        fields: [
            ProtobufField(1, "conditions", .message("k8s.io.api.batch.v1.JobCondition"), .repeated, .omitEmpty),
            ProtobufField(2, "startTime", .time, .single, .optional),
            ProtobufField(3, "completionTime", .time, .single, .optional),
            ProtobufField(4, "active", .int32, .single, .omitEmpty),
            ProtobufField(5, "succeeded", .int32, .single, .omitEmpty),
            ProtobufField(6, "failed", .int32, .single, .omitEmpty),
            ProtobufField(11, "terminating", .int32, .single, .optional),
            ProtobufField(7, "completedIndexes", .string, .single, .omitEmpty),
            ProtobufField(10, "failedIndexes", .string, .single, .optional),
            ProtobufField(
                8, "uncountedTerminatedPods", .message("k8s.io.api.batch.v1.UncountedTerminatedPods"),
                .single, .optional
            ),
            ProtobufField(9, "ready", .int32, .single, .optional),
        ]
    )

    /// `JobTemplateSpec` (`k8s.io.api.batch.v1.JobTemplateSpec`).
    static let batchV1JobTemplateSpec = ProtobufMessage(
        "k8s.io.api.batch.v1.JobTemplateSpec",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.batch.v1.JobSpec"), .single, .omitEmpty),
        ]
    )

    /// `PodFailurePolicy` (`k8s.io.api.batch.v1.PodFailurePolicy`).
    static let batchV1PodFailurePolicy = ProtobufMessage(
        "k8s.io.api.batch.v1.PodFailurePolicy",
        fields: [
            ProtobufField(1, "rules", .message("k8s.io.api.batch.v1.PodFailurePolicyRule"), .repeated, .always),
        ]
    )

    /// `PodFailurePolicyOnExitCodesRequirement` (`k8s.io.api.batch.v1.PodFailurePolicyOnExitCodesRequirement`).
    static let batchV1PodFailurePolicyOnExitCodesRequirement = ProtobufMessage(
        "k8s.io.api.batch.v1.PodFailurePolicyOnExitCodesRequirement",
        fields: [
            ProtobufField(1, "containerName", .string, .single, .optional),
            ProtobufField(2, "operator", .string, .single, .always),
            ProtobufField(3, "values", .int32, .repeated, .always),
        ]
    )

    /// `PodFailurePolicyOnPodConditionsPattern` (`k8s.io.api.batch.v1.PodFailurePolicyOnPodConditionsPattern`).
    static let batchV1PodFailurePolicyOnPodConditionsPattern = ProtobufMessage(
        "k8s.io.api.batch.v1.PodFailurePolicyOnPodConditionsPattern",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
        ]
    )

    /// `PodFailurePolicyRule` (`k8s.io.api.batch.v1.PodFailurePolicyRule`).
    static let batchV1PodFailurePolicyRule = ProtobufMessage(
        "k8s.io.api.batch.v1.PodFailurePolicyRule",
        fields: [
            ProtobufField(1, "action", .string, .single, .always),
            ProtobufField(
                2, "onExitCodes", .message("k8s.io.api.batch.v1.PodFailurePolicyOnExitCodesRequirement"),
                .single, .optional
            ),
            ProtobufField(
                3, "onPodConditions", .message("k8s.io.api.batch.v1.PodFailurePolicyOnPodConditionsPattern"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `SuccessPolicy` (`k8s.io.api.batch.v1.SuccessPolicy`).
    static let batchV1SuccessPolicy = ProtobufMessage(
        "k8s.io.api.batch.v1.SuccessPolicy",
        fields: [
            ProtobufField(1, "rules", .message("k8s.io.api.batch.v1.SuccessPolicyRule"), .repeated, .always),
        ]
    )

    /// `SuccessPolicyRule` (`k8s.io.api.batch.v1.SuccessPolicyRule`).
    static let batchV1SuccessPolicyRule = ProtobufMessage(
        "k8s.io.api.batch.v1.SuccessPolicyRule",
        fields: [
            ProtobufField(1, "succeededIndexes", .string, .single, .optional),
            ProtobufField(2, "succeededCount", .int32, .single, .optional),
        ]
    )

    /// `UncountedTerminatedPods` (`k8s.io.api.batch.v1.UncountedTerminatedPods`).
    static let batchV1UncountedTerminatedPods = ProtobufMessage(
        "k8s.io.api.batch.v1.UncountedTerminatedPods",
        fields: [
            ProtobufField(1, "succeeded", .string, .repeated, .omitEmpty),
            ProtobufField(2, "failed", .string, .repeated, .omitEmpty),
        ]
    )
}
