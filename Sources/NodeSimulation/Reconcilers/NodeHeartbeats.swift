import Synchronization

/// What the simulated kubelets remember between reconciles: which fleet nodes were registered by this
/// process (a fleet node deleted afterwards is not registered again) and when each node last renewed its
/// Lease. A `Mutex` guards it.
final class NodeHeartbeats: Sendable {
    private struct State {
        var registered: Set<String> = []
        var lastRenewed: [String: ContinuousClock.Instant] = [:]
    }

    private let state = Mutex(State())

    init() {}

    func isRegistered(_ nodeName: String) -> Bool {
        self.state.withLock { $0.registered.contains(nodeName) }
    }

    func markRegistered(_ nodeName: String) {
        _ = self.state.withLock { $0.registered.insert(nodeName) }
    }

    /// When `nodeName` last renewed its Lease, if it did in this process.
    func lastRenewed(_ nodeName: String) -> ContinuousClock.Instant? {
        self.state.withLock { $0.lastRenewed[nodeName] }
    }

    func recordRenewal(_ nodeName: String, at instant: ContinuousClock.Instant) {
        self.state.withLock { $0.lastRenewed[nodeName] = instant }
    }

    /// Forgets the renewal time (the node stopped or went away), so the next heartbeat renews at once.
    func forgetRenewal(_ nodeName: String) {
        _ = self.state.withLock { $0.lastRenewed.removeValue(forKey: nodeName) }
    }
}
