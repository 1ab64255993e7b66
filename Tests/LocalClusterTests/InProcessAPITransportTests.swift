import KubeClient
import KubeJSON
import KubeModel
import Testing
@testable import LocalCluster

/// `kruise local`'s components talk to its API server through ``InProcessAPITransport``: reads, writes,
/// lists (answered in parts), watches (answered as a stream), errors and the bearer token must behave as they
/// do over HTTPS.
@Suite struct InProcessAPITransportTests {
    static let token = BearerToken(value: "in-process-test-token")

    static func client(_ server: APIServer, token: String = Self.token.value) -> KubeClient {
        let configuration = ClientConfiguration(
            server: "in-process", credentials: .token(token), qps: 0, burst: 0, userAgent: "in-process-test/1.0", maximumRetries: 0)
        return KubeClient(configuration: configuration, transport: InProcessAPITransport(apiServer: server, token: Self.token))
    }

    static func server() async -> APIServer {
        let server = APIServer(store: ObjectStore())
        await server.bootstrap()
        return server
    }

    static func configMap(_ name: String, data: [String: String] = [:]) -> ConfigMap {
        var map = ConfigMap(metadata: ObjectMeta(name: name, namespace: "default"))
        var members: JSONValue = [:]
        for (key, value) in data { members[key] = .string(value) }
        map.object["data"] = members
        return map
    }

    @Test func readsWritesAndListsAsOverTheNetwork() async throws {
        let server = await Self.server()
        let client = Self.client(server)
        defer { Task { await client.shutdown() } }
        let created = try await client.create(Self.configMap("one", data: ["k": "v"]))
        #expect(created.metadata.uid != nil)
        // The field manager comes from the User-Agent header, as over HTTPS.
        #expect(created.metadata.object["managedFields"]?.arrayValue?.first?["manager"] == "in-process-test")
        let read = try await client.get(ConfigMap.self, namespace: "default", name: "one")
        #expect(read.object["data"]?["k"] == "v")
        for index in 0..<3 { _ = try await client.create(Self.configMap("more-\(index)")) }
        let listed = try await client.list(ConfigMap.self, namespace: "default")
        #expect(Set(listed.items.map(\.name)) == ["one", "more-0", "more-1", "more-2"])
        let patched = try await client.patch(
            ConfigMap.self, namespace: "default", name: "one", type: .merge, body: Array(#"{"data":{"k":"w"}}"#.utf8))
        #expect(patched.object["data"]?["k"] == "w")
        #expect(patched.metadata.resourceVersion != read.metadata.resourceVersion)
    }

    @Test func errorsAndTheTokenAreTheNetworksToo() async throws {
        let server = await Self.server()
        let client = Self.client(server)
        defer { Task { await client.shutdown() } }
        await #expect { try await client.get(ConfigMap.self, namespace: "default", name: "absent") } throws: { error in
            (error as? KubeAPIError)?.code == 404
        }
        _ = try await client.create(Self.configMap("taken"))
        await #expect { try await client.create(Self.configMap("taken")) } throws: { error in
            (error as? KubeAPIError)?.code == 409
        }
        let stranger = Self.client(server, token: "wrong")
        defer { Task { await stranger.shutdown() } }
        await #expect { try await stranger.get(ConfigMap.self, namespace: "default", name: "taken") } throws: { error in
            (error as? KubeAPIError)?.code == 401
        }
        await #expect { try await stranger.watch(ConfigMap.self, namespace: "default") } throws: { error in
            (error as? KubeAPIError)?.code == 401
        }
    }

    @Test func watchesStreamEventsInOrder() async throws {
        let server = await Self.server()
        let client = Self.client(server)
        defer { Task { await client.shutdown() } }
        let before = try await client.list(ConfigMap.self, namespace: "default").resourceVersion
        var options = ListOptions()
        options.resourceVersion = before
        let events = try await client.watch(ConfigMap.self, namespace: "default", options: options)
        _ = try await client.create(Self.configMap("watched"))
        _ = try await client.patch(
            ConfigMap.self, namespace: "default", name: "watched", type: .merge, body: Array(#"{"data":{"a":"b"}}"#.utf8))
        var seen: [String] = []
        for try await event in events {
            seen.append("\(event.type) \(event.object.name)")
            if seen.count == 2 { break }
        }
        #expect(seen == ["added watched", "modified watched"])
    }
}
