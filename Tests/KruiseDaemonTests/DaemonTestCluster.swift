import ContainerRuntime
import ControllerRuntime
import KruiseAPI
import KruiseDaemon
import KubeClient
import KubeJSON
import KubeModel
import LocalCluster
import LocalClusterTestSupport
import Synchronization

/// The in-process API server with the Kruise CRDs, and daemons (each on its own Manager) started and stopped
/// against it.
final class DaemonTestCluster: Sendable {
    let server: TestAPIServer
    /// The tests' client.
    let client: KubeClient
    /// The daemons' client, whose requests ``daemonRequests`` counts.
    let daemonClient: KubeClient
    /// Requests of the daemons by verb (`PUT` is a status write: events are created and patched).
    let daemonRequests = RequestCounter()
    private let runs = Mutex<[Task<Void, any Error>]>([])

    private init(server: TestAPIServer) throws {
        self.server = server
        self.client = try server.client()
        self.client.register(KruiseDaemonSet.nodeImageDescriptor)
        self.daemonClient = try KubeClient(configuration: server.configuration(), observer: self.daemonRequests)
    }

    /// Runs `body` against a fresh API server and always stops everything afterwards.
    static func run(_ body: (DaemonTestCluster) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        let cluster = try DaemonTestCluster(server: server)
        do {
            try await cluster.installCRDs()
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    /// Starts a daemon serving the nodes `imageServices` answers for; returns it and the task running it once its
    /// informers have synced (a Manager cancelled before that never ends: its controllers wait for the sync).
    func startDaemon(
        imageServices: @escaping ImagePullDaemon.ImageServiceLookup,
        options: ImagePullerOptions = ImagePullerOptions(backoff: fastBackoff, statusWriteInterval: .milliseconds(50))
    ) async throws -> (daemon: ImagePullDaemon, run: Task<Void, any Error>) {
        let manager = Manager(client: self.daemonClient, metrics: MetricsRegistry(), logger: quietLogger())
        let daemon = KruiseDaemonSet.register(on: manager, imageServices: imageServices, options: options)
        let run = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await manager.run() }
                group.addTask { await daemon.run() }
                try await group.next()
                group.cancelAll()
            }
        }
        self.runs.withLock { $0.append(run) }
        guard await eventually({ manager.isReady }) else { throw FixtureError("the daemon's informers did not sync") }
        return (daemon, run)
    }

    /// The NodeImage `name`, if it exists.
    func nodeImage(_ name: String) async -> NodeImage? {
        try? await self.client.get(NodeImage.self, name: name)
    }

    /// Waits until the status of NodeImage `name` satisfies `condition`.
    func waitForStatus(_ name: String, _ condition: @escaping (NodeImageStatus) -> Bool) async -> Bool {
        await eventually {
            guard let nodeImage = await self.nodeImage(name) else { return false }
            return condition(nodeImage.status)
        }
    }

    func stop() async {
        let runs = self.runs.withLock { $0 }
        for run in runs {
            run.cancel()
            _ = try? await run.value
        }
        await self.client.shutdown()
        await self.daemonClient.shutdown()
        await self.server.stopListening()
    }

    /// Creates every Kruise CRD and waits until they are established.
    private func installCRDs() async throws {
        let client = self.client
        for crd in KruiseCRDs.all { _ = try await client.create(crd) }
        for name in KruiseCRDs.all.map(\.name) {
            let established = await eventually {
                guard let crd = try? await client.get(CustomResourceDefinition.self, name: name) else { return false }
                return crd.object["status"]?["conditions"]?.arrayValue?.contains {
                    $0["type"] == "Established" && $0["status"] == "True"
                } == true
            }
            guard established else { throw FixtureError("the CRD \(name) was not established") }
        }
    }
}

/// Image services by node name that tests can add to while the daemon runs.
final class ImageServiceTable: Sendable {
    private let services = Mutex<[String: any ImageService]>([:])

    init(_ services: [String: any ImageService] = [:]) {
        self.services.withLock { $0 = services }
    }

    subscript(nodeName: String) -> (any ImageService)? {
        get { self.services.withLock { $0[nodeName] } }
        set { self.services.withLock { $0[nodeName] = newValue } }
    }

    var lookup: ImagePullDaemon.ImageServiceLookup { { self[$0] } }
}

/// Counts finished requests by verb.
final class RequestCounter: ClientRequestObserver {
    private let counts = Mutex<[String: Int]>([:])

    func requestFinished(verb: String, code: Int, duration: Duration) {
        self.counts.withLock { $0[verb, default: 0] += 1 }
    }

    subscript(verb: String) -> Int { self.counts.withLock { $0[verb] ?? 0 } }
}
