import Testing
import CRIClient

@Suite("Runtime socket detection")
struct CRISocketDetectionTests {
    /// Resolves with only `existing` present.
    private func resolve(
        runtimeEndpoint: String? = nil, socketFile: String? = nil, varRun: String = "/hostvarrun", existing: Set<String>
    ) throws(CRIEndpointError) -> String {
        try CRISocketDetection.resolve(
            runtimeEndpoint: runtimeEndpoint, socketFile: socketFile, varRunDirectory: varRun,
            exists: { existing.contains($0) }
        ).socketPath
    }

    @Test("upstream's order: containerd, then CRI-O, then cri-dockerd, each directly under /var/run first")
    func order() throws {
        #expect(CRISocketDetection.candidates == [
            "containerd.sock", "containerd/containerd.sock", "crio.sock", "crio/crio.sock",
            "cri-dockerd.sock", "cri-dockerd/cri-dockerd.sock",
        ])
        let all = Set(CRISocketDetection.candidates.map { "/hostvarrun/\($0)" })
        #expect(try self.resolve(existing: all) == "/hostvarrun/containerd.sock")
        #expect(try self.resolve(existing: ["/hostvarrun/crio.sock", "/hostvarrun/containerd/containerd.sock"])
            == "/hostvarrun/containerd/containerd.sock")
        #expect(try self.resolve(existing: ["/hostvarrun/cri-dockerd.sock", "/hostvarrun/crio/crio.sock"])
            == "/hostvarrun/crio/crio.sock")
        #expect(try self.resolve(existing: ["/hostvarrun/cri-dockerd/cri-dockerd.sock"])
            == "/hostvarrun/cri-dockerd/cri-dockerd.sock")
        #expect(try self.resolve(varRun: "/var/run/", existing: ["/var/run/crio.sock"]) == "/var/run/crio.sock")
    }

    @Test("nothing found: every path tried is named")
    func notDetected() {
        #expect(throws: CRIEndpointError.notDetected(tried: CRISocketDetection.candidates.map { "/hostvarrun/\($0)" })) {
            try self.resolve(existing: ["/hostvarrun/docker.sock"])
        }
        let message = CRIEndpointError.notDetected(tried: ["/a.sock", "/b.sock"]).description
        #expect(message == "no container runtime socket found (tried /a.sock, /b.sock): set --socket-file or --runtime-endpoint")
    }

    @Test("--socket-file: a name under /hostvarrun (upstream's form) or an absolute path; no fallback when missing")
    func socketFile() throws {
        let existing: Set<String> = ["/hostvarrun/containerd.sock", "/hostvarrun/k3s/containerd.sock", "/tmp/x/containerd.sock"]
        #expect(try self.resolve(socketFile: "k3s/containerd.sock", existing: existing) == "/hostvarrun/k3s/containerd.sock")
        #expect(try self.resolve(socketFile: "./k3s/containerd.sock", existing: existing) == "/hostvarrun/k3s/containerd.sock")
        #expect(try self.resolve(socketFile: "/tmp/x/containerd.sock", existing: existing) == "/tmp/x/containerd.sock")
        #expect(throws: CRIEndpointError.missing(path: "/hostvarrun/crio/crio.sock")) {
            try self.resolve(socketFile: "crio/crio.sock", existing: existing)
        }
        #expect(try self.resolve(socketFile: "  ", existing: existing) == "/hostvarrun/containerd.sock")
    }

    @Test("--runtime-endpoint wins over --socket-file")
    func runtimeEndpoint() throws {
        let existing: Set<String> = ["/run/containerd/containerd.sock", "/hostvarrun/crio.sock"]
        #expect(try self.resolve(runtimeEndpoint: "unix:///run/containerd/containerd.sock", socketFile: "crio.sock", existing: existing)
            == "/run/containerd/containerd.sock")
        #expect(throws: CRIEndpointError.missing(path: "/run/crio/crio.sock")) {
            try self.resolve(runtimeEndpoint: "unix:///run/crio/crio.sock", existing: existing)
        }
        #expect(throws: CRIEndpointError.self) { try self.resolve(runtimeEndpoint: "npipe:////./pipe/containerd", existing: existing) }
    }

    @Test("/hostvarrun when mounted, else the host's /var/run")
    func varRunDirectory() {
        #expect(CRISocketDetection.varRunDirectory(exists: { $0 == "/hostvarrun" }) == "/hostvarrun")
        #expect(CRISocketDetection.varRunDirectory(exists: { _ in false }) == "/var/run")
        #expect(CRISocketDetection.pathExists("/"))
        #expect(!CRISocketDetection.pathExists("/nonexistent-\(UInt64.random(in: 0...UInt64.max))"))
    }
}
