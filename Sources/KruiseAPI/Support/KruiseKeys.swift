/// Well-known labels, annotations and condition types of apps.kruise.io (kruise-features §2.1).
public enum KruiseKeys {
    /// Label on CloneSet pods and their PVCs: the 5-character instance id.
    public static let cloneSetInstanceID = "apps.kruise.io/cloneset-instance-id"
    /// Label on CloneSet objects: PreparingDelete pods do not count toward replicas when `"true"`.
    public static let cloneSetScalingExcludePreparingDelete = "apps.kruise.io/cloneset-scaling-exclude-preparing-delete"
    /// Label (presence only) asking the owning workload to delete a pod.
    public static let specifiedDelete = "apps.kruise.io/specified-delete"
    /// Label holding the lifecycle state (``LifecycleState``).
    public static let lifecycleState = "lifecycle.apps.kruise.io/state"
    /// Annotation holding the RFC 3339 time of the last lifecycle state change.
    public static let lifecycleTimestamp = "lifecycle.apps.kruise.io/timestamp"
    /// Annotation holding the JSON in-place update state.
    public static let inPlaceUpdateState = "apps.kruise.io/inplace-update-state"
    /// The legacy key of the in-place update state.
    public static let inPlaceUpdateStateOld = "inplace-update-state"
    /// Annotation holding the pending update spec during an in-place grace period.
    public static let inPlaceUpdateGrace = "apps.kruise.io/inplace-update-grace"
    /// The legacy key of the grace annotation.
    public static let inPlaceUpdateGraceOld = "inplace-update-grace"
    /// Pod condition and readiness gate type of in-place updates.
    public static let inPlaceUpdateReady = "InPlaceUpdateReady"
    /// Pod condition type Kruise flips to mark pods not ready for lifecycle hooks.
    public static let kruisePodReady = "KruisePodReady"
    /// Label with the revision (name) a pod was created from.
    public static let controllerRevisionHash = "controller-revision-hash"
    /// Label with the short revision hash.
    public static let podTemplateHash = "pod-template-hash"
    /// Annotation read by scale-down ordering.
    public static let podDeletionCost = "controller.kubernetes.io/pod-deletion-cost"
    /// Annotation on ControllerRevisions with the hash of the volume claim templates.
    public static let volumeClaimTemplateHash = "kruise.io/cloneset-volumeclaimtemplate-hash"
    /// Pod annotation naming the WorkloadSpread and subset that placed the pod (``MatchedWorkloadSpread``).
    public static let matchedWorkloadSpread = "apps.kruise.io/matched-workloadspread"
    /// WorkloadSpread annotation: when `"true"` (any case), pods that existed before the WorkloadSpread get only the
    /// match annotation, not the labels and annotations of their subset's patch.
    public static let ignorePatchExistingPodsMetadata = "workloadspread.kruise.io/ignore-patch-existing-pods-metadata"
    /// The default `updateStrategy.maxUnavailable` of CloneSets.
    public static let defaultCloneSetMaxUnavailable = "20%"
}
