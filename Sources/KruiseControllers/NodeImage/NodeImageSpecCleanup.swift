public import KruiseAPI

/// The outcome of ``NodeImagePlanner/cleanedUp(_:nodeLabels:imagePullJobs:now:)``.
public struct NodeImageSpecCleanup: Sendable, Hashable {
    /// The NodeImage, cleaned up.
    public var nodeImage: NodeImage
    /// Whether anything changed (then the NodeImage must be written).
    public var changed: Bool
    /// The time until the next finished tag's TTL runs out; `nil` when none is pending.
    public var wait: Duration?

    /// An outcome.
    public init(nodeImage: NodeImage, changed: Bool, wait: Duration?) {
        self.nodeImage = nodeImage
        self.changed = changed
        self.wait = wait
    }
}
