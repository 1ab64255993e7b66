/// How a ``Manager`` runs.
public struct ManagerOptions: Sendable {
    /// Lease-based leader election; `nil` runs the controllers at once (a single replica).
    public var leaderElection: LeaderElectionConfiguration?
    /// Where `/metrics`, `/healthz` and `/readyz` are served (plain HTTP); `nil` serves nothing. Port 0
    /// picks a free port (see ``Manager/healthPort``).
    public var healthHost: String
    public var healthPort: Int?
    /// Where `/metrics` is served on its own (kruise-manager's `--metrics-addr`); `nil` serves it beside the health
    /// endpoints. Port 0 picks a free port (see ``Manager/metricsPort``).
    public var metricsHost: String
    public var metricsPort: Int?

    public init(
        leaderElection: LeaderElectionConfiguration? = nil, healthHost: String = "127.0.0.1", healthPort: Int? = nil,
        metricsHost: String = "127.0.0.1", metricsPort: Int? = nil
    ) {
        self.leaderElection = leaderElection
        self.healthHost = healthHost
        self.healthPort = healthPort
        self.metricsHost = metricsHost
        self.metricsPort = metricsPort
    }
}
