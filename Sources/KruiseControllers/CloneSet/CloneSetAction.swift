public import KubeModel

/// One API call a CloneSet plan asks its reconciler to make.
public enum CloneSetAction: Sendable, Hashable {
    /// Create the update revision (a ControllerRevision snapshotting the template).
    case createRevision(ControllerRevision)
    /// Move an older equal revision to the front (its `revision` number raised): a rollback.
    case updateRevision(ControllerRevision)
    /// Delete a revision beyond `revisionHistoryLimit`.
    case deleteRevision(ObjectIdentity)
    /// Create a PVC from a volume claim template (always before the pod using it).
    case createPVC(PersistentVolumeClaim)
    /// Delete a PVC of a deleted pod (same instance id).
    case deletePVC(ObjectIdentity)
    /// Create a pod.
    case createPod(Pod)
    /// Right after creating it (same step, same pod), the pod's first write (``CloneSetPodSettling``), on the
    /// version the create returned: before the kubelet's first status write as a rule, which then reports the pod
    /// Ready at once instead of writing again when the gates turn True. Best effort: when it fails, the next
    /// sync's refresh and the pod-readiness controller do the same.
    case settleCreatedPod(ObjectIdentity, CloneSetPodSettling)
    /// Delete a pod.
    case deletePod(ObjectIdentity)
    /// Change a pod's metadata or spec (lifecycle state, `specified-delete`, `pod-template-hash`, a finished
    /// in-place grace period).
    case updatePod(PodChange)
    /// Change a pod's status conditions (`InPlaceUpdateReady`), through the status subresource.
    case updatePodStatus(PodChange)
    /// Update a pod in place to the update revision.
    case inPlaceUpdate(InPlaceUpdateChange)
    /// Rewrite `spec.scaleStrategy.podsToDelete` without the names of pods that no longer exist.
    case updatePodsToDelete([String])
}
