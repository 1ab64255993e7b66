/// The condition reasons the Deployment controller writes (`deploymentutil`).
public enum DeploymentReason {
    /// Progressing True: a new ReplicaSet was created.
    public static let newReplicaSetCreated = "NewReplicaSetCreated"
    /// Progressing True: an existing ReplicaSet matches the template.
    public static let foundNewReplicaSet = "FoundNewReplicaSet"
    /// Progressing True: the rollout made progress.
    public static let replicaSetUpdated = "ReplicaSetUpdated"
    /// Progressing True: the rollout is complete.
    public static let newReplicaSetAvailable = "NewReplicaSetAvailable"
    /// Progressing False: no progress within `progressDeadlineSeconds`.
    public static let timedOut = "ProgressDeadlineExceeded"
    /// Progressing Unknown: the Deployment is paused.
    public static let paused = "DeploymentPaused"
    /// Progressing Unknown: the Deployment was resumed.
    public static let resumed = "DeploymentResumed"
    /// Available True.
    public static let minimumReplicasAvailable = "MinimumReplicasAvailable"
    /// Available False.
    public static let minimumReplicasUnavailable = "MinimumReplicasUnavailable"
}
