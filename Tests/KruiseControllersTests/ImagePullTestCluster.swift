import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalClusterTestSupport

/// An API server with the Kruise CRDs and a manager running only the given image-pull controllers (no nodes, no
/// daemon, no ImagePullJob controller: the tests write what those would).
struct ImagePullTestCluster {
    let server: TestAPIServer
    let client: KubeClient
    let run: Task<Void, any Error>

    /// Runs `body` against a fresh cluster whose manager has the controllers `controllers` makes, and always stops
    /// it afterwards.
    static func run(
        controllers: (Manager) -> [Controller], _ body: (ImagePullTestCluster) async throws -> Void
    ) async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        try await CloneSetTestCluster.installCRDs(client)
        KruiseControllerSet.registerImagePullDescriptors(on: client)
        let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
        for controller in controllers(manager) { manager.add(controller) }
        let cluster = ImagePullTestCluster(server: server, client: client, run: Task { try await manager.run() })
        do {
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func stop() async {
        self.run.cancel()
        _ = try? await self.run.value
        await self.client.shutdown()
        await self.server.stopListening()
    }

    /// Creates the object `yaml` describes.
    func create<Object: KubeObject>(_ type: Object.Type, _ yaml: String) async throws -> Object {
        guard case .object(let object) = try YAMLReader.read(yaml) else { throw CloneSetTestError("not an object") }
        return try await self.client.create(Object(object: object))
    }

    /// Creates a Node `name` with `labels`, Ready since now.
    func createReadyNode(_ name: String, labels: [String: String]) async throws {
        var node = Node(metadata: ObjectMeta(name: name))
        node.metadata.labels = labels
        node = try await self.client.create(node)
        var condition = Condition(type: "Ready", status: "True", reason: "KubeletReady")
        condition.lastTransitionTime = KubeTime.now()
        node.status.conditions = [condition]
        _ = try await self.client.updateStatus(node)
    }
}
