/// What running an ``ImageListPullJobPlan`` came to (see ``ImageListPullJobPlanExecutor``).
public struct ImageListPullJobExecution: Sendable, Hashable {
    /// The children created (server-assigned names).
    public var created: [String] = []
    /// The children deleted (or found gone).
    public var deleted: [String] = []
    /// Whether the status was written.
    public var statusWritten: Bool = false
    /// Whether the status write lost a race (409): the cached job was stale, reconcile again soon.
    public var statusConflict: Bool = false
    /// The calls that failed, described.
    public var failures: [String] = []

    /// An empty outcome.
    public init() {}
}
