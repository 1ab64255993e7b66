import ContainerRuntime
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import Synchronization
import Testing
@testable import CRIClient

/// The CRI client against ``FakeCRIRuntime`` served on a Unix socket: the requests it sends, the answers it reads
/// and the errors it maps.
@Suite("CRI client over a Unix socket")
struct CRIClientTests {
    /// Runs `body` with a fake runtime serving on a fresh socket and a running connection to it; both stop after.
    private func withRuntime(
        _ body: @Sendable (FakeCRIRuntime, CRIConnection) async throws -> Void
    ) async throws {
        let path = "/tmp/cri-client-test-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runtime = FakeCRIRuntime()
        let transport = HTTP2ServerTransport.Posix(address: .unixDomainSocket(path: path), transportSecurity: .plaintext)
        let server = GRPCServer(transport: transport, services: [runtime])
        var logger = Logger(label: "cri-client-test")
        logger.logLevel = .critical
        // A deadline far longer than failing takes: the whole test suite runs beside this test on two cores, and
        // a 10 s deadline once ran out while CPU-bound tests held the cooperative threads.
        let connection = try CRIConnection(endpoint: CRIEndpoint(socketPath: path), requestTimeout: .seconds(90), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            _ = try await transport.listeningAddress
            group.addTask { await connection.run() }
            do {
                try await body(runtime, connection)
            } catch {
                connection.shutdown()
                server.beginGracefulShutdown()
                group.cancelAll()
                throw error
            }
            connection.shutdown()
            server.beginGracefulShutdown()
            try await group.waitForAll()
        }
    }

    private static func image(_ id: String, tag: String, digest: String, size: UInt64 = 688) -> Runtime_V1_Image {
        var image = Runtime_V1_Image()
        image.id = id
        image.repoTags = [tag]
        image.repoDigests = [digest]
        image.size = size
        return image
    }

    @Test("PullImage sends the reference, the pull secret's credential and upstream's sandbox annotation")
    func pull() async throws {
        try await self.withRuntime { runtime, connection in
            let image = Self.image("sha256:c0ffee", tag: "localhost:5000/base:latest", digest: "localhost:5000/base@sha256:beef")
            runtime.state.withLock { $0.registry["localhost:5000/base:latest"] = .success(image) }
            let service = CRIImageService(connection: connection)
            let id = try await service.pullImage(
                "localhost:5000/base:latest", credential: RegistryCredential(username: "u", password: "p"))
            #expect(id == "sha256:c0ffee")
            _ = try await service.pullImage("localhost:5000/base:latest", credential: nil)
            let pulls = runtime.state.withLock { $0.pulls }
            #expect(pulls.count == 2)
            #expect(pulls.first?.image.image == "localhost:5000/base:latest")
            #expect(pulls.first?.auth.username == "u")
            #expect(pulls.first?.auth.password == "p")
            #expect(pulls.first?.sandboxConfig.annotations == ["apps.kruise.io/pulling-image-by": "kruise-daemon"])
            #expect(pulls.last?.hasAuth == false)
        }
    }

    @Test("a failed pull is the runtime's status, as the kubelet prints it")
    func pullFailure() async throws {
        try await self.withRuntime { runtime, connection in
            runtime.state.withLock {
                $0.registry["localhost:5000/private:1"] = .failure(RPCError(
                    code: .unknown, message: "failed to pull and unpack image \"localhost:5000/private:1\": 401 Unauthorized"))
            }
            let service = CRIImageService(connection: connection)
            await #expect(throws: ContainerRuntimeError(
                code: .notFound, message: "failed to pull and unpack image \"localhost:5000/base:gone\": not found"
            )) { try await service.pullImage("localhost:5000/base:gone", credential: nil) }
            do throws(ContainerRuntimeError) {
                _ = try await service.pullImage("localhost:5000/private:1", credential: nil)
                Issue.record("the pull succeeded")
            } catch {
                #expect(error.description
                    == "rpc error: code = Unknown desc = failed to pull and unpack image \"localhost:5000/private:1\": 401 Unauthorized")
            }
        }
    }

    @Test("ListImages, ImageStatus and RemoveImage")
    func images() async throws {
        try await self.withRuntime { runtime, connection in
            let image = Self.image("sha256:c0ffee", tag: "localhost:5000/base:latest", digest: "localhost:5000/base@sha256:beef", size: 4096)
            runtime.state.withLock { $0.registry["localhost:5000/base:latest"] = .success(image) }
            let service = CRIImageService(connection: connection)
            #expect(await service.listImages() == [])
            #expect(await service.imageStatus("localhost:5000/base:latest") == nil)
            _ = try await service.pullImage("localhost:5000/base:latest", credential: nil)
            let expected = RuntimeImage(
                id: "sha256:c0ffee", repoTags: ["localhost:5000/base:latest"], repoDigests: ["localhost:5000/base@sha256:beef"], size: 4096)
            #expect(await service.listImages() == [expected])
            #expect(await service.imageStatus("localhost:5000/base:latest") == expected)
            #expect(try await service.fetchImageStatus("sha256:c0ffee") == expected)
            try await service.removeImage("localhost:5000/base:latest")
            #expect(runtime.state.withLock { $0.removed } == ["localhost:5000/base:latest"])
            #expect(try await service.fetchImages() == [])
        }
    }

    @Test("Version and StopContainer")
    func runtimeService() async throws {
        try await self.withRuntime { runtime, connection in
            let service = CRIRuntimeService(connection: connection)
            #expect(await service.version() == RuntimeVersion(runtimeName: "containerd", runtimeVersion: "v1.6.20", runtimeAPIVersion: "v1"))
            #expect(runtime.state.withLock { $0.versionRequests } == ["0.1.0"])
            try await service.stopContainer("abc123", timeoutSeconds: 30)
            let stopped = runtime.state.withLock { $0.stopped }
            #expect(stopped.map(\.containerID) == ["abc123"])
            #expect(stopped.map(\.timeout) == [30])
            await #expect(throws: ContainerRuntimeError(
                code: .notFound, message: "an error occurred when try to find container \"gone\": not found"
            )) { try await service.stopContainer("gone", timeoutSeconds: 0) }
        }
    }

    @Test("no runtime behind the socket: calls fail fast with Unavailable")
    func unavailable() async throws {
        var logger = Logger(label: "cri-client-test")
        logger.logLevel = .critical
        let path = "/tmp/cri-client-test-missing-\(UInt32.random(in: 0...UInt32.max)).sock"
        // A deadline far longer than failing takes: the whole test suite runs beside this test on two cores, and
        // a 10 s deadline once ran out while CPU-bound tests held the cooperative threads.
        let connection = try CRIConnection(endpoint: CRIEndpoint(socketPath: path), requestTimeout: .seconds(90), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await connection.run() }
            // Unavailable, not DeadlineExceeded: the call failed at once instead of waiting out the timeout.
            do throws(ContainerRuntimeError) {
                _ = try await CRIRuntimeService(connection: connection).fetchVersion()
                Issue.record("Version answered without a runtime")
            } catch {
                #expect(error.code == .unavailable)
            }
            #expect(await CRIImageService(connection: connection).listImages() == [])
            connection.shutdown()
            try await group.waitForAll()
        }
    }

    @Test("cancelling the task running a connection stops it; calls then fail")
    func cancellation() async throws {
        try await self.withRuntime { _, connection in
            let second = try CRIConnection(endpoint: connection.endpoint, requestTimeout: .seconds(10), logger: connection.logger)
            let task = Task { await second.run() }
            #expect(await CRIRuntimeService(connection: second).version().runtimeName == "containerd")
            task.cancel()
            await task.value
            await #expect(throws: ContainerRuntimeError.self) { try await CRIRuntimeService(connection: second).fetchVersion() }
        }
    }
}
