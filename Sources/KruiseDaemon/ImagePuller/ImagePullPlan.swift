public import KruiseAPI

/// What one sync of a NodeImage asks of its node's puller (``ImagePullPlanner/plan(for:held:)``).
public struct ImagePullPlan: Sendable, Hashable {
    /// Rounds to start: spec tags not done and without a worker, by image then tag.
    public var start: [ImagePullTask]
    /// Workers to stop and forget: their tag left the spec, its version changed, or the round is done
    /// according to the status (sorted).
    public var stop: [ImagePullTaskID]
    /// Spec tags already done: the status has an entry for the same tag and version with a `completionTime`.
    /// Their status is kept as it is, not pulled again (results survive a daemon restart, and failures the
    /// NodeImage controller injected stay).
    public var kept: [ImagePullTaskID: ImageTagStatus]

    /// A plan.
    public init(
        start: [ImagePullTask] = [], stop: [ImagePullTaskID] = [], kept: [ImagePullTaskID: ImageTagStatus] = [:]
    ) {
        self.start = start
        self.stop = stop
        self.kept = kept
    }
}
