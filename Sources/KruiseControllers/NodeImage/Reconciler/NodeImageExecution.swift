/// What running a ``NodeImagePlan`` came to (see ``NodeImagePlanExecutor``).
public struct NodeImageExecution: Sendable, Hashable {
    /// Whether the NodeImage write (create, delete or update) was made.
    public var written: Bool = false
    /// Whether the status was written.
    public var statusWritten: Bool = false
    /// Whether a write lost a race (409): the cached NodeImage was stale, reconcile again soon.
    public var conflict: Bool = false
    /// The calls that failed, described.
    public var failures: [String] = []

    /// An empty outcome.
    public init() {}
}
