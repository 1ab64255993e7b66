import LocalClusterTestSupport
import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import LocalCluster
import Synchronization
import Testing

@Suite("Informer")
struct InformerTests {
    /// Writes straight into the API server (not over HTTP), as another client would while ours is away.
    static func createDirect(_ server: TestAPIServer, _ name: String) async {
        let body: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "default"]]
        let response = await server.apiServer.handle(
            APIRequest(method: "POST", path: "/api/v1/namespaces/default/configmaps", body: body.serialized())
        )
        #expect(response.status == 201)
    }

    static func deleteDirect(_ server: TestAPIServer, _ name: String) async {
        let response = await server.apiServer.handle(
            APIRequest(method: "DELETE", path: "/api/v1/namespaces/default/configmaps/\(name)")
        )
        #expect(response.status == 200)
    }

    static func names(_ informer: Informer<ConfigMap>) -> Set<String> {
        Set(informer.store.list(namespace: "default").map(\.name).filter { !$0.hasPrefix("kube-") })
    }

    /// A manager stopped before a cache synced (its CRD never installed) must not hang in `waitForSync`.
    @Test func waitingForSyncEndsWhenCancelled() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let informer = Informer<ConfigMap>(client: client)
        let waiter = Task { await informer.waitForSync() }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await waiter.value
        #expect(!informer.hasSynced)
        await client.shutdown()
        await server.stopListening()
    }

    @Test func convergesAfterTheServerRestartsAndAfterAForced410() async throws {
        let server = try await TestAPIServer.start(historyLimit: 5)
        let client = try server.client()
        let events = Mutex<[String]>([])
        let informer = Informer<ConfigMap>(client: client)
        informer.addHandler { event in
            let text: String
            switch event {
            case .added(let object): text = "added \(object.name)"
            case .updated(_, let object): text = "updated \(object.name)"
            case .deleted(let object): text = "deleted \(object.name)"
            }
            events.withLock { $0.append(text) }
        }
        await Self.createDirect(server, "before")
        let run = Task { await informer.run() }
        defer { run.cancel() }
        await informer.waitForSync()
        #expect(Self.names(informer) == ["before"])

        // Live events arrive.
        await Self.createDirect(server, "live")
        #expect(await eventually { Self.names(informer) == ["before", "live"] })

        // The server goes away; meanwhile more changes than the watch history holds happen.
        await server.stopListening()
        await Self.deleteDirect(server, "before")
        for index in 0..<8 { await Self.createDirect(server, "offline-\(index)") }
        try await server.listen(port: server.port)

        // The informer's re-watch gets 410 Gone, it lists again and emits the deletion it missed.
        let expected: Set<String> = Set(["live"] + (0..<8).map { "offline-\($0)" })
        #expect(await eventually(timeout: .seconds(20)) { Self.names(informer) == expected })
        #expect(events.withLock { $0.contains("deleted before") })
        #expect(informer.requestCounts.lists >= 2)

        // And it keeps watching afterwards.
        await Self.createDirect(server, "after")
        #expect(await eventually { Self.names(informer).contains("after") })
        run.cancel()
        await client.shutdown()
        await server.stopListening()
    }

    @Test func indexesFollowUpdates() async throws {
        let store = CacheStore<Pod>(indexers: [CacheIndex.nodeName: { CacheIndex.byNodeName($0) }])
        _ = store
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let informer = Informer<Pod>(client: client, indexers: [
            CacheIndex.nodeName: { CacheIndex.byNodeName($0) },
            CacheIndex.controllerUID: { CacheIndex.byControllerUID($0) },
        ])
        let run = Task { await informer.run() }
        await informer.waitForSync()
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default"))
        pod.object["spec"] = ["containers": [["name": "c", "image": "nginx"]]]
        _ = try await client.create(pod)
        #expect(await eventually { informer.store.count == 1 })
        #expect(informer.store.byIndex(CacheIndex.nodeName, "node-1").isEmpty)
        try await client.bind(podNamespace: "default", podName: "p", nodeName: "node-1")
        #expect(await eventually { informer.store.byIndex(CacheIndex.nodeName, "node-1").count == 1 })
        run.cancel()
        await client.shutdown()
        await server.stopListening()
    }
}
