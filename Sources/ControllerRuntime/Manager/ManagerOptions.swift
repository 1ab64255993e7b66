/// How a ``Manager`` runs.
public struct ManagerOptions: Sendable {
    /// Lease-based leader election; `nil` runs the controllers at once (a single replica).
    public var leaderElection: LeaderElectionConfiguration?
    /// Where `/metrics`, `/healthz` and `/readyz` are served (plain HTTP); `nil` serves nothing. Port 0
    /// picks a free port (see ``Manager/healthPort``).
    public var healthHost: String
    public var healthPort: Int?

    public init(leaderElection: LeaderElectionConfiguration? = nil, healthHost: String = "127.0.0.1", healthPort: Int? = nil) {
        self.leaderElection = leaderElection
        self.healthHost = healthHost
        self.healthPort = healthPort
    }
}
