/// Leader election settings; the defaults are kruise-manager's.
public struct LeaderElectionConfiguration: Sendable, Hashable {
    /// The Lease's name (`kruise-manager`).
    public var leaseName: String
    /// The Lease's namespace (the manager's namespace, `kruise-system` in a cluster).
    public var namespace: String
    /// This replica's identity, written as `holderIdentity`.
    public var identity: String
    /// How long a lease is valid after its last renewal (15 s).
    public var leaseDuration: Duration
    /// How long the leader keeps trying to renew before it gives up leadership (10 s).
    public var renewDeadline: Duration
    /// How often candidates try to acquire and the leader renews (2 s).
    public var retryPeriod: Duration
    /// Clear the lease on graceful shutdown so another replica takes over at once.
    public var releaseOnCancel: Bool

    public init(
        leaseName: String = "kruise-manager",
        namespace: String = "kruise-system",
        identity: String,
        leaseDuration: Duration = .seconds(15),
        renewDeadline: Duration = .seconds(10),
        retryPeriod: Duration = .seconds(2),
        releaseOnCancel: Bool = true
    ) {
        self.leaseName = leaseName
        self.namespace = namespace
        self.identity = identity
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
        self.releaseOnCancel = releaseOnCancel
    }
}
