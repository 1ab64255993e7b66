import ContainerRuntime
import KubeModel
@testable import NodeSimulation
import Testing

@Suite struct LocalRegistryConfigurationTests {
    @Test func readsEntriesAndReportsBadOnes() {
        let configuration = LocalRegistryConfiguration(data: [
            "base": "localhost:5000/base:latest v2", "gone": "nginx:0.0.1 missing", "secret": "team/app:1 denied",
            "plain": "busybox", "bad": "Upper:1 v1", "long": "a b c",
        ])
        #expect(configuration.entries == [
            "localhost:5000/base:latest": .revision("v2"), "docker.io/library/nginx:0.0.1": .missing,
            "docker.io/team/app:1": .denied,
        ])
        #expect(configuration.problems.count == 2)
    }

    @Test func applyingPushesFailsAndUndoes() throws {
        let registry = SimulatedRegistry()
        let before = try registry.resolve("base:latest", credential: nil).digest
        let v2 = LocalRegistryConfiguration(data: ["base": "base:latest v2", "gone": "nginx:9 missing"])
        v2.apply(to: registry, replacing: LocalRegistryConfiguration())
        let pushed = try registry.resolve("base:latest", credential: nil).digest
        #expect(pushed != before)
        #expect(throws: ContainerRuntimeError.self) { try registry.resolve("nginx:9", credential: nil) }
        // The same revision gives the same digest (every node, and after a restart).
        #expect(try SimulatedRegistry().withRevision("v2", for: "base:latest").resolve("base:latest", credential: nil).digest == pushed)
        let v3 = LocalRegistryConfiguration(data: ["base": "base:latest v3"])
        v3.apply(to: registry, replacing: v2)
        let repushed = try registry.resolve("base:latest", credential: nil).digest
        #expect(repushed != pushed && repushed != before)
        #expect(try registry.resolve("nginx:9", credential: nil).digest.hasPrefix("sha256:"))
        LocalRegistryConfiguration().apply(to: registry, replacing: v3)
        #expect(try registry.resolve("base:latest", credential: nil).digest == before)
    }
}

extension SimulatedRegistry {
    fileprivate func withRevision(_ revision: String, for reference: String) throws -> SimulatedRegistry {
        try self.setRevision(revision, for: reference)
        return self
    }
}
