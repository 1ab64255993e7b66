import LocalClusterTestSupport
@testable import KubeClient
import KubeModel
import Testing

/// KubeClient's network transport: URLs, and connections shared under `connectionsPerHost`.
@Suite struct HTTPSKubeTransportTests {
    @Test(arguments: [
        ("https://127.0.0.1:6443", true, "127.0.0.1", 6443, "127.0.0.1:6443", ""),
        ("https://kube.example.com", true, "kube.example.com", 443, "kube.example.com", ""),
        ("http://localhost:8080/", false, "localhost", 8080, "localhost:8080", ""),
        ("https://[::1]:6443/", true, "::1", 6443, "[::1]:6443", ""),
        ("https://rancher.example.com/k8s/clusters/c-1/", true, "rancher.example.com", 443, "rancher.example.com", "/k8s/clusters/c-1"),
    ])
    func serverURLs(url: String, tls: Bool, host: String, port: Int, authority: String, basePath: String) throws {
        let parsed = try ServerURL(parsing: url)
        #expect(parsed.isTLS == tls)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
        #expect(parsed.authority == authority)
        #expect(parsed.basePath == basePath)
    }

    @Test(arguments: ["ftp://host", "https://", "https://host:0", "https://host:port", "https://[::1"])
    func badServerURLs(url: String) {
        #expect(throws: KubeconfigError.self) { try ServerURL(parsing: url) }
    }

    /// A watch holds a connection; when its reader stops, the connection closes and its slot serves the next
    /// request (with one connection allowed, a leaked slot would leave the GET waiting out its timeout).
    @Test func aStoppedWatchGivesItsConnectionBack() async throws {
        let server = try await TestAPIServer.start()
        var configuration = server.configuration()
        configuration.connectionsPerHost = 1
        configuration.requestTimeout = .seconds(2)
        configuration.maximumRetries = 0
        let client = try KubeClient(configuration: configuration)
        let writer = try server.client()
        for round in 0..<3 {
            let seen = try await Self.firstEvent(client: client, name: "watched-\(round)") {
                _ = try await writer.create(ConfigMap(metadata: ObjectMeta(name: "watched-\(round)", namespace: "default")))
            }
            #expect(seen == "watched-\(round)")
            let map = try await client.get(ConfigMap.self, namespace: "default", name: "watched-\(round)")
            #expect(map.metadata.name == "watched-\(round)")
        }
        await client.shutdown()
        await writer.shutdown()
        await server.stopListening()
    }

    /// Opens a watch of the config map `name`, runs `action`, and returns the name in the first event; then
    /// cancels the task reading the watch, as an informer stops (dropping the stream alone leaves it open until
    /// the server ends it).
    static func firstEvent(client: KubeClient, name: String, after action: () async throws -> Void) async throws -> String? {
        var options = ListOptions()
        options.fieldSelector = "metadata.name=\(name)"
        let events = try await client.watch(ConfigMap.self, namespace: "default", options: options)
        try await action()
        let (names, found) = AsyncStream.makeStream(of: String.self)
        return await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await event in events { found.yield(event.object.metadata.name ?? "") }
            }
            var iterator = names.makeAsyncIterator()
            let first = await iterator.next()
            group.cancelAll()
            return first
        }
    }

    /// Shutting the client down ends its open watches.
    @Test func shutdownEndsOpenWatches() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let events = try await client.watch(ConfigMap.self, namespace: "default")
        let ended = Task {
            do {
                for try await _ in events {}
            } catch {}
            return true
        }
        try await Task.sleep(for: .milliseconds(100))
        await client.shutdown()
        let finished = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { await ended.value }
            group.addTask {
                try await Task.sleep(for: .seconds(3))
                return false
            }
            let first = try await group.next() ?? false
            // Still open: stop the reader so the group can end.
            ended.cancel()
            group.cancelAll()
            return first
        }
        #expect(finished)
        await server.stopListening()
    }

    /// A cancelled request gives up at once instead of waiting out its timeout (here a watch sent as a plain
    /// request, which the server never completes).
    @Test func aCancelledRequestStops() async throws {
        let server = try await TestAPIServer.start()
        let configuration = server.configuration()
        let transport = try HTTPSKubeTransport(configuration: configuration)
        guard case .token(let token) = configuration.credentials else {
            Issue.record("the test server's configuration has no token")
            return
        }
        let request = KubeTransportRequest(
            method: "GET", path: "/api/v1/namespaces/default/configmaps", query: [("watch", "true")],
            headers: [(name: "Authorization", value: "Bearer \(token)")], body: nil)
        let started = ContinuousClock.now
        let call = Task { try await transport.send(request, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        await #expect(throws: (any Error).self) { try await call.value }
        #expect(ContinuousClock.now - started < .seconds(5))
        await transport.shutdown()
        await server.stopListening()
    }

    /// Many concurrent requests over a few connections all get their own answers.
    @Test func concurrentRequestsShareTheConnections() async throws {
        let server = try await TestAPIServer.start()
        var configuration = server.configuration()
        configuration.connectionsPerHost = 2
        let client = try KubeClient(configuration: configuration)
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let created = try await client.create(ConfigMap(metadata: ObjectMeta(name: "shared-\(index)", namespace: "default")))
                    return created.metadata.name ?? ""
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(names == Set((0..<40).map { "shared-\($0)" }))
        await client.shutdown()
        await server.stopListening()
    }
}
