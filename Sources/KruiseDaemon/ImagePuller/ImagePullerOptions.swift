/// How the daemon's image puller runs.
public struct ImagePullerOptions: Sendable, Hashable {
    /// How many pulls run at once on one node (upstream HEAD's `--max-workers-for-pull-image`); more wait,
    /// reported `Waiting`. Zero or negative: no limit.
    public var maxWorkers: Int
    /// The wait between failed attempts.
    public var backoff: ImagePullBackoff
    /// The least time between two status writes of one NodeImage: reports arriving meanwhile are written
    /// together.
    public var statusWriteInterval: Duration
    /// Concurrent reconciles of the NodeImage controller (a reconcile only plans; pulls run beside it).
    public var reconcileWorkers: Int
    /// The event source component (upstream's recorder name).
    public var eventComponent: String
    /// Whether Node events queue the NodeImage of a node that became served after its NodeImage was seen
    /// (`kruise local` after a restart: NodeImages are listed before the simulated nodes' runtimes exist). A
    /// daemon that serves one fixed node can turn it off and spare itself the Node informer.
    public var watchNodes: Bool

    /// Options; the defaults are the daemon's.
    public init(
        maxWorkers: Int = 2,
        backoff: ImagePullBackoff = ImagePullBackoff(),
        statusWriteInterval: Duration = .milliseconds(150),
        reconcileWorkers: Int = 2,
        eventComponent: String = "kruise-daemon-imagepuller",
        watchNodes: Bool = true
    ) {
        self.maxWorkers = maxWorkers
        self.backoff = backoff
        self.statusWriteInterval = statusWriteInterval
        self.reconcileWorkers = reconcileWorkers
        self.eventComponent = eventComponent
        self.watchNodes = watchNodes
    }
}
