public import KruiseAPI

/// The outcome of ``NodeImagePlanner/timedOut(_:now:timings:)``.
public struct NodeImageStatusTimeouts: Sendable, Hashable {
    /// The status with the timed-out tags failed and the counts recomputed; `nil` when no tag timed out.
    public var status: NodeImageStatus?
    /// The tags failed in this round.
    public var failures: [NodeImagePlan.PullFailure]
    /// The time until the next tag's deadline; `nil` when none is pending.
    public var wait: Duration?

    /// An outcome.
    public init(status: NodeImageStatus?, failures: [NodeImagePlan.PullFailure], wait: Duration?) {
        self.status = status
        self.failures = failures
        self.wait = wait
    }
}
