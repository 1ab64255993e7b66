public import Foundation
public import KubeClient
public import LocalCluster
public import Logging
import Synchronization

/// The embedded API server, in-process over HTTPS on a free loopback port, for integration tests (shared by
/// every test target that talks to a real API server).
public final class TestAPIServer: Sendable {
    public let apiServer: APIServer
    public let store: ObjectStore
    public let certificates: ServingCertificates
    public let token: BearerToken
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    private let stop: Mutex<AsyncStream<Void>.Continuation?> = Mutex(nil)
    private let boundPort: Mutex<Int> = Mutex(0)

    /// Starts a server; `historyLimit` bounds the watch history (small values force 410 Gone).
    public static func start(historyLimit: Int = 10_000) async throws -> TestAPIServer {
        let directory = try DataDirectory(path: NSTemporaryDirectory() + "kruise-test-" + UUID().uuidString)
        let certificates = try ServingCertificates.loadOrCreate(in: directory)
        let token = try BearerToken.loadOrCreate(in: directory)
        let store = ObjectStore(configuration: ObjectStore.Configuration(historyLimit: historyLimit))
        let apiServer = APIServer(store: store)
        await apiServer.bootstrap()
        let server = TestAPIServer(apiServer: apiServer, store: store, certificates: certificates, token: token)
        try await server.listen(port: 0)
        return server
    }

    private init(apiServer: APIServer, store: ObjectStore, certificates: ServingCertificates, token: BearerToken) {
        self.apiServer = apiServer
        self.store = store
        self.certificates = certificates
        self.token = token
    }

    public var port: Int { self.boundPort.withLock { $0 } }

    /// Starts listening (again) on `port` (0 picks one).
    public func listen(port: Int) async throws {
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test.apiserver")
        logger.logLevel = .critical
        let http = APIHTTPServer(apiServer: self.apiServer, certificates: self.certificates, token: self.token, port: port, logger: logger)
        let (stop, stopping) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await http.run(
                onReady: { port in
                    continuation.yield(port)
                    continuation.finish()
                }, stop: stop)
        }
        self.task.withLock { $0 = task }
        self.stop.withLock { $0 = stopping }
        for await bound in ready {
            self.boundPort.withLock { $0 = bound }
            return
        }
        throw CancellationError()
    }

    /// Stops listening; open connections and watches end. The store keeps its state. The server shuts down
    /// gracefully, and is cancelled only if that takes longer than `grace` (a request that never ends).
    public func stopListening(grace: Duration = .seconds(10)) async {
        let task = self.task.withLock { task -> Task<Void, any Error>? in
            defer { task = nil }
            return task
        }
        let stopping = self.stop.withLock { stop -> AsyncStream<Void>.Continuation? in
            defer { stop = nil }
            return stop
        }
        guard let task else { return }
        stopping?.finish()
        let deadline = Task {
            try? await Task.sleep(for: grace)
            if !Task.isCancelled { task.cancel() }
        }
        _ = try? await task.value
        deadline.cancel()
    }

    public func configuration(qps: Double = 1000, burst: Int = 1000) -> ClientConfiguration {
        ClientConfiguration(
            server: "https://127.0.0.1:\(self.port)",
            certificateAuthorityPEM: Array(self.certificates.caCertificatePEM.utf8),
            credentials: .token(self.token.value),
            qps: qps,
            burst: burst,
            requestTimeout: .seconds(20),
            maximumRetries: 3
        )
    }

    public func client() throws -> KubeClient {
        try KubeClient(configuration: self.configuration())
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes (generous by default: the machines
/// running the tests are often busy).
public func eventually(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// A logger that only reports critical problems, so expected shutdown noise stays out of test output.
public func quietLogger() -> Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}
