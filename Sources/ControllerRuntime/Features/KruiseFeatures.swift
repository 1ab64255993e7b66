/// OpenKruise v1.6's feature gates with the defaults `kruise-manager` v1.6 ships (our starting point; later
/// releases changed some, e.g. ResourcesDeletionProtection is off by default since v1.8).
public enum KruiseFeatures {
    public static let podWebhook = "PodWebhook"
    public static let kruiseDaemon = "KruiseDaemon"
    public static let imagePullJobGate = "ImagePullJobGate"
    public static let resourcesDeletionProtection = "ResourcesDeletionProtection"
    public static let workloadSpread = "WorkloadSpread"
    public static let deletionProtectionForCRDCascadingGate = "DeletionProtectionForCRDCascadingGate"
    /// The `KruisePodReady` readiness gate for every pod, not only those Kruise workloads own.
    public static let kruisePodReadinessGate = "KruisePodReadinessGate"

    /// Gate → default in v1.6.
    public static let v16Defaults: [String: Bool] = [
        "PodWebhook": true,
        "KruiseDaemon": true,
        "DaemonWatchingPod": true,
        "CloneSetShortHash": false,
        "KruisePodReadinessGate": false,
        "PreDownloadImageForInPlaceUpdate": false,
        "CloneSetPartitionRollback": false,
        "ResourcesDeletionProtection": true,
        "PodUnavailableBudgetDeleteGate": true,
        "PodUnavailableBudgetUpdateGate": false,
        "WorkloadSpread": true,
        "TemplateNoDefaults": false,
        "InPlaceUpdateEnvFromMetadata": true,
        "StatefulSetAutoDeletePVC": true,
        "SidecarSetPatchPodMetadataDefaultsAllowed": false,
        "SidecarTerminator": false,
        "PodProbeMarkerGate": true,
        "PreDownloadImageForDaemonSetUpdate": false,
        "CloneSetEventHandlerOptimization": false,
        "PreparingUpdateAsUpdate": false,
        "ImagePullJobGate": false,
        "ResourceDistributionGate": false,
        "DeletionProtectionForCRDCascadingGate": false,
        "StatefulSetStartOrdinal": false,
    ]

    /// The gates `kruise manager` starts with.
    public static func managerDefaults() -> FeatureGates { FeatureGates(defaults: Self.v16Defaults) }

    /// The gates `kruise local` starts with: every one on (the playground), unless `--feature-gates` says
    /// otherwise.
    public static func localDefaults() -> FeatureGates {
        var gates = FeatureGates(defaults: Self.v16Defaults)
        gates.enableAll()
        return gates
    }
}
