import LocalClusterTestSupport
import ControllerRuntime
import KubeClient
import KubeModel
import Logging
import Synchronization
import Testing

/// Records who runs "leader work" and whether two ever did at once.
final class LeaderLog: Sendable {
    let leaders = Mutex<Set<String>>([])
    let overlap = Mutex(false)

    func lead(_ name: String) async throws {
        let clash = self.leaders.withLock { leaders -> Bool in
            leaders.insert(name)
            return leaders.count > 1
        }
        if clash { self.overlap.withLock { $0 = true } }
        defer { self.leaders.withLock { _ = $0.remove(name) } }
        while !Task.isCancelled { try await Task.sleep(for: .milliseconds(50)) }
    }
}

@Suite("Leader election")
struct LeaderElectionTests {
    static func configuration(_ identity: String, release: Bool) -> LeaderElectionConfiguration {
        LeaderElectionConfiguration(
            namespace: "default",
            identity: identity,
            leaseDuration: .seconds(2),
            renewDeadline: .milliseconds(1500),
            retryPeriod: .milliseconds(200),
            releaseOnCancel: release
        )
    }

    @Test func theOtherReplicaLeadsWithinLeaseDurationAfterTheLeaderDies() async throws {
        let server = try await TestAPIServer.start()
        let clientA = try server.client()
        let clientB = try server.client()
        let logger = quietLogger()
        // "Killed" replica: it never releases the lease, as after SIGKILL.
        let a = LeaderElector(client: clientA, configuration: Self.configuration("a", release: false), logger: logger)
        let b = LeaderElector(client: clientB, configuration: Self.configuration("b", release: true), logger: logger)
        let leaders = LeaderLog()
        let runA = Task { try await a.run { try await leaders.lead("a") } }
        #expect(await eventually { a.isLeader })
        let runB = Task { try await b.run { try await leaders.lead("b") } }
        try await Task.sleep(for: .seconds(1))
        #expect(!b.isLeader)
        #expect(b.observedHolder == "a")

        // Kill A: its work stops at once and it never touches the lease again.
        runA.cancel()
        _ = try? await runA.value
        let killed = ContinuousClock.now
        #expect(await eventually(timeout: .seconds(6)) { b.isLeader })
        let takeover = ContinuousClock.now - killed
        // Lease duration (2 s) plus a retry period (0.2 s), with slack for a loaded machine.
        #expect(takeover <= .seconds(2) + .milliseconds(200) + .seconds(1))
        #expect(!leaders.overlap.withLock { $0 })

        let lease = try await clientB.get(Lease.self, namespace: "default", name: "kruise-manager")
        #expect(lease.spec.holderIdentity == "b")
        #expect(lease.spec.leaseTransitions == 1)

        // Graceful shutdown releases the lease.
        runB.cancel()
        _ = try? await runB.value
        let released = try await clientB.get(Lease.self, namespace: "default", name: "kruise-manager")
        #expect(released.spec.holderIdentity == nil)
        await clientA.shutdown()
        await clientB.shutdown()
        await server.stopListening()
    }
}
