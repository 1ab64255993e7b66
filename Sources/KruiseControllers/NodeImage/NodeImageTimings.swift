/// The delays of the NodeImage controller (upstream's flag and constants).
public struct NodeImageTimings: Sendable, Hashable {
    /// How long a Node must have been Ready before its NodeImage is created (`--nodeimage-creation-delay`,
    /// upstream 30 s), so a node that flaps on joining does not get one at once.
    public var creationDelay: Duration
    /// How long after a tag's `createdAt` the daemon has to report it before the controller marks it failed
    /// (upstream's `responseTimeout`, 10 minutes); also the grace added to `activeDeadlineSeconds`.
    public var responseTimeout: Duration
    /// The shortest requeue for a pending timer (upstream's `minRequeueDuration`, 3 s).
    public var minimumRequeue: Duration

    /// Upstream's values.
    public init(
        creationDelay: Duration = .seconds(30), responseTimeout: Duration = .seconds(600),
        minimumRequeue: Duration = .seconds(3)
    ) {
        self.creationDelay = creationDelay
        self.responseTimeout = responseTimeout
        self.minimumRequeue = minimumRequeue
    }
}
