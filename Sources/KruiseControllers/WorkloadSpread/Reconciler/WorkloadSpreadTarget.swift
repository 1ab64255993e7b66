public import KubeModel

/// The workload a WorkloadSpread manages, as the caches show it: what ``WorkloadSpreadPlanner`` needs from it
/// (upstream `ControllerFinder.GetPodsForRef` and `getWorkloadLatestVersion`).
public struct WorkloadSpreadTarget: Sendable {
    /// The workload's desired replicas.
    public var replicas: Int
    /// The workload's pods, in any phase: for a Deployment those of the ReplicaSets it controls.
    public var pods: [Pod]
    /// The workload's latest version (``KruiseAPI/WorkloadSpreadVersion``); `nil` while it is not known yet.
    public var latestVersion: String?

    /// A target from its parts.
    public init(replicas: Int, pods: [Pod], latestVersion: String?) {
        self.replicas = replicas
        self.pods = pods
        self.latestVersion = latestVersion
    }
}
