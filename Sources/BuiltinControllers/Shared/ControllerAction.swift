import KubeJSON
public import KubeModel

/// One API call a planner asks its reconciler to make. Objects to create are complete (apiVersion, kind,
/// metadata with a `name` or a `generateName`, a controller ownerReference); objects to update are the
/// observed object with the planned change applied, `resourceVersion` kept, so the update is optimistic.
public enum ControllerAction: Sendable, Hashable {
    /// Create a Pod.
    case createPod(Pod)
    /// Delete a Pod (with the UID as a precondition).
    case deletePod(ObjectIdentity)
    /// Remove `finalizer` from a Pod's `metadata.finalizers` (a JSON or strategic merge patch).
    case removePodFinalizer(ObjectIdentity, finalizer: String)
    /// Create a ReplicaSet.
    case createReplicaSet(ReplicaSet)
    /// Update a ReplicaSet's spec and metadata (replicas, annotations, minReadySeconds).
    case updateReplicaSet(ReplicaSet)
    /// Delete a ReplicaSet (Deployment history cleanup).
    case deleteReplicaSet(ObjectIdentity)
    /// Create a ControllerRevision.
    case createControllerRevision(ControllerRevision)
    /// Update a ControllerRevision (its `revision` number moves forward on a rollback).
    case updateControllerRevision(ControllerRevision)
    /// Delete a ControllerRevision (history cleanup).
    case deleteControllerRevision(ObjectIdentity)
    /// Create a PersistentVolumeClaim (StatefulSet volume claim templates).
    case createPersistentVolumeClaim(PersistentVolumeClaim)
    /// Update a Deployment's metadata (the `deployment.kubernetes.io/revision` annotation).
    case updateDeployment(Deployment)
    /// Write a Job's status before the following steps run (the first half of finalizer-based pod tracking).
    case updateJobStatus(JobStatus)
}
