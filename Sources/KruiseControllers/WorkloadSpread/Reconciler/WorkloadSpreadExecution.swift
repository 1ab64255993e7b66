/// What running a ``WorkloadSpreadPlan`` came to (see ``WorkloadSpreadPlanExecutor``).
public struct WorkloadSpreadExecution: Sendable, Hashable {
    /// Whether the status was written (`false` when the plan had none, or a call before it failed).
    public var statusWritten: Bool = false
    /// Whether the status write lost a race (409): the cached WorkloadSpread was stale, reconcile again soon.
    public var statusConflict: Bool = false
    /// The calls that failed, described (pods that were gone count as done).
    public var failures: [String] = []

    /// An empty outcome.
    public init() {}
}
