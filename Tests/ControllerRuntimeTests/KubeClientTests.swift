import LocalClusterTestSupport
import KubeClient
import KubeJSON
import KubeModel
import Testing

@Suite("KubeClient against the embedded API server")
struct KubeClientTests {
    static func configMap(_ name: String, namespace: String = "default", data: [String: String] = [:]) -> ConfigMap {
        var map = ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace))
        map.object["data"] = .object(JSONObject(data.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        return map
    }

    @Test func createGetUpdatePatchDelete() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        defer { Task { await client.shutdown(); await server.stopListening() } }

        let created = try await client.create(Self.configMap("settings", data: ["a": "1"]))
        #expect(created.metadata.uid != nil)
        #expect(created.metadata.resourceVersion != nil)

        var fetched = try await client.get(ConfigMap.self, namespace: "default", name: "settings")
        #expect(fetched.object["data"]?["a"]?.stringValue == "1")

        fetched.object["data"] = ["a": "2"]
        let updated = try await client.update(fetched)
        #expect(updated.object["data"]?["a"]?.stringValue == "2")

        // A write with the stale resourceVersion loses: 409 Conflict, typed.
        var stale = fetched
        stale.object["data"] = ["a": "3"]
        await #expect(throws: KubeAPIError.self) { try await client.update(stale) }
        do {
            _ = try await client.update(stale)
        } catch {
            #expect(error.isConflict)
            #expect(error.code == 409)
        }

        let patched = try await client.patch(
            ConfigMap.self, namespace: "default", name: "settings", type: .merge, body: Array(#"{"data":{"b":"x"}}"#.utf8)
        )
        #expect(patched.object["data"]?["a"]?.stringValue == "2")
        #expect(patched.object["data"]?["b"]?.stringValue == "x")

        let applied = try await client.apply(Self.configMap("settings", data: ["c": "applied"]), fieldManager: "test")
        #expect(applied.object["data"]?["c"]?.stringValue == "applied")

        try await client.delete(ConfigMap.self, namespace: "default", name: "settings")
        do {
            _ = try await client.get(ConfigMap.self, namespace: "default", name: "settings")
            Issue.record("the config map is still there")
        } catch {
            #expect(error.isNotFound)
        }
        do {
            _ = try await client.create(Self.configMap("Bad_Name"))
            Issue.record("an invalid name was accepted")
        } catch {
            #expect(error.isInvalid)
            #expect(error.message.contains("metadata.name"))
        }
    }

    @Test func listFollowsContinueTokens() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        defer { Task { await client.shutdown(); await server.stopListening() } }
        for index in 0..<7 { _ = try await client.create(Self.configMap("item-\(index)")) }
        let first = try await client.listPage(ConfigMap.self, namespace: "default", options: ListOptions(limit: 3))
        #expect(first.items.count == 3)
        #expect(first.continueToken != nil)
        let all = try await client.list(ConfigMap.self, namespace: "default", options: ListOptions(limit: 3))
        #expect(all.items.map(\.name).filter { $0.hasPrefix("item-") }.count == 7)
        #expect(!all.resourceVersion.isEmpty)
    }

    @Test func watchStreamsEventsFromAResourceVersion() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        defer { Task { await client.shutdown(); await server.stopListening() } }
        let start = try await client.list(ConfigMap.self, namespace: "default")
        let stream = try await client.watch(
            ConfigMap.self, namespace: "default", options: ListOptions(resourceVersion: start.resourceVersion)
        )
        _ = try await client.create(Self.configMap("watched"))
        try await client.delete(ConfigMap.self, namespace: "default", name: "watched")
        var seen: [String] = []
        for try await event in stream {
            seen.append("\(event.type.rawValue) \(event.object.name)")
            if seen.count == 2 { break }
        }
        #expect(seen == ["ADDED watched", "DELETED watched"])
    }

    @Test func watchFromAnExpiredVersionFailsWithGone() async throws {
        let server = try await TestAPIServer.start(historyLimit: 3)
        let client = try server.client()
        defer { Task { await client.shutdown(); await server.stopListening() } }
        for index in 0..<10 { _ = try await client.create(Self.configMap("churn-\(index)")) }
        do {
            let stream = try await client.watch(ConfigMap.self, namespace: "default", options: ListOptions(resourceVersion: "1"))
            for try await _ in stream {}
            Issue.record("the watch did not fail")
        } catch let error as KubeAPIError {
            #expect(error.isGone)
        }
    }

    @Test func wrongTokenIsUnauthorized() async throws {
        let server = try await TestAPIServer.start()
        var configuration = server.configuration()
        configuration.credentials = .token("wrong")
        let client = try KubeClient(configuration: configuration)
        defer { Task { await client.shutdown(); await server.stopListening() } }
        do {
            _ = try await client.get(Namespace.self, name: "default")
            Issue.record("accepted a wrong token")
        } catch {
            #expect(error.isUnauthorized)
        }
    }

    @Test func kubeconfigContextsAndFiles() throws {
        let yaml = """
            apiVersion: v1
            kind: Config
            current-context: a
            clusters:
            - name: one
              cluster: {server: "https://10.0.0.1:6443/", insecure-skip-tls-verify: true}
            - name: two
              cluster: {server: "https://10.0.0.2:6443", certificate-authority-data: "\(Base64.encode(Array("PEM".utf8)))"}
            users:
            - name: u1
              user: {token: abc}
            - name: u2
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: get-token, args: [--x]}
            contexts:
            - name: a
              context: {cluster: one, user: u1, namespace: apps}
            - name: b
              context: {cluster: two, user: u2}
            """
        let config = try Kubeconfig(yaml: yaml)
        let current = try ClientConfiguration.kubeconfig(config)
        #expect(current.server == "https://10.0.0.1:6443")
        #expect(current.insecureSkipTLSVerify)
        #expect(current.credentials == .token("abc"))
        #expect(current.namespace == "apps")
        let other = try ClientConfiguration.kubeconfig(config, context: "b")
        #expect(other.certificateAuthorityPEM == Array("PEM".utf8))
        #expect(other.namespace == "default")
        guard case .exec(let exec) = other.credentials else {
            Issue.record("expected exec credentials")
            return
        }
        #expect(exec.command == "get-token")
        #expect(exec.args == ["--x"])
        #expect(throws: KubeconfigError.self) { try ClientConfiguration.kubeconfig(config, context: "missing") }
        let credential = try ExecCredentialPlugin.parse(
            Array(#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t0k","expirationTimestamp":"2030-01-01T00:00:00Z"}}"#.utf8),
            command: "x"
        )
        #expect(credential.token == "t0k")
        #expect(credential.expiration?.seconds == 1_893_456_000)
    }

    @Test func inClusterConfiguration() throws {
        let directory = NSTemporaryDirectoryPath() + "/sa-\(UInt64.random(in: 0...UInt64.max))"
        try FileSystemFixture.write(directory + "/token", "secret-token\n")
        try FileSystemFixture.write(directory + "/ca.crt", "CA")
        try FileSystemFixture.write(directory + "/namespace", "kruise-system")
        let configuration = try ClientConfiguration.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"],
            serviceAccountDirectory: directory
        )
        #expect(configuration.server == "https://[fd00::1]:443")
        #expect(configuration.namespace == "kruise-system")
        #expect(configuration.credentials == .tokenFile(directory + "/token"))
        #expect(throws: KubeconfigError.self) { try ClientConfiguration.inCluster(environment: [:]) }
    }

    @Test func tokenBucketArithmetic() {
        var bucket = TokenBucket(rate: 30, burst: 50)
        for _ in 0..<50 { #expect(bucket.reserve(now: 0) == 0) }
        // The 51st request waits one token's time; the 52nd two.
        #expect(abs(bucket.reserve(now: 0) - 1.0 / 30) < 1e-9)
        #expect(abs(bucket.reserve(now: 0) - 2.0 / 30) < 1e-9)
        // After a second, 30 tokens came back, 2 of which were already promised.
        var later = TokenBucket(rate: 30, burst: 50)
        for _ in 0..<52 { _ = later.reserve(now: 0) }
        for _ in 0..<28 { #expect(later.reserve(now: 1) == 0) }
        #expect(later.reserve(now: 1) > 0)
    }
}
