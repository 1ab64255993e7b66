import Testing
import CRIClient

@Suite("CRI endpoints")
struct CRIEndpointTests {
    @Test("unix:// URLs and plain paths name the socket")
    func parsing() throws {
        #expect(try CRIEndpoint(parsing: "unix:///run/containerd/containerd.sock").socketPath == "/run/containerd/containerd.sock")
        #expect(try CRIEndpoint(parsing: "UNIX:///var/run/crio/crio.sock").socketPath == "/var/run/crio/crio.sock")
        #expect(try CRIEndpoint(parsing: " /tmp/containerd.sock ").socketPath == "/tmp/containerd.sock")
        #expect(try CRIEndpoint(parsing: "unix://relative.sock").socketPath == "relative.sock")
        #expect(try CRIEndpoint(parsing: "/run/containerd/containerd.sock").description == "unix:///run/containerd/containerd.sock")
    }

    @Test("other schemes and empty paths are refused")
    func refused() {
        #expect(throws: CRIEndpointError.invalid(
            "tcp://127.0.0.1:2376", reason: "unsupported scheme \"tcp\": only unix:// sockets are supported"
        )) { try CRIEndpoint(parsing: "tcp://127.0.0.1:2376") }
        #expect(throws: CRIEndpointError.invalid("unix://", reason: "empty socket path")) { try CRIEndpoint(parsing: "unix://") }
        #expect(throws: CRIEndpointError.invalid("", reason: "empty socket path")) { try CRIEndpoint(parsing: "") }
    }
}
