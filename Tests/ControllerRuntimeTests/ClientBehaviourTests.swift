import LocalClusterTestSupport
import ControllerRuntime
import Hummingbird
import KubeClient
import KubeJSON
import KubeModel
import NIOCore
import Synchronization
import Testing

/// Counts the requests a throttling test server saw.
final class RequestCount: Sendable {
    let value = Mutex(0)
    func next() -> Int { self.value.withLock { $0 += 1; return $0 } }
}

@Suite("Client behaviour")
struct ClientBehaviourTests {
    @Test func concurrentUpdatesRetryOnConflictAndLoseNothing() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        var map = ConfigMap(metadata: ObjectMeta(name: "counter", namespace: "default"))
        map.object["data"] = ["n": "0"]
        _ = try await client.create(map)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<15 {
                        try await client.update(ConfigMap.self, namespace: "default", name: "counter", attempts: 50) { map in
                            let n = Int(map.object["data"]?["n"]?.stringValue ?? "0") ?? 0
                            map.object["data"] = ["n": .string(String(n + 1))]
                            return true
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try await client.get(ConfigMap.self, namespace: "default", name: "counter")
        #expect(final.object["data"]?["n"]?.stringValue == "30")
        await client.shutdown()
        await server.stopListening()
    }

    @Test func tooManyRequestsIsRetriedAfterRetryAfter() async throws {
        let count = RequestCount()
        let router = Router()
        router.get("/api/v1/namespaces/default") { _, _ -> Response in
            let seen = count.next()
            if seen < 3 {
                var headers = HTTPFields()
                headers[.retryAfter] = "1"
                return Response(status: .tooManyRequests, headers: headers)
            }
            return Response(
                status: .ok,
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}"#))
            )
        }
        router.get("/api/v1/namespaces/blocked") { _, _ -> Response in
            _ = count.next()
            return Response(
                status: .tooManyRequests,
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Cannot evict pod as it would violate the pod's disruption budget.","reason":"TooManyRequests","code":429}"#))
            )
        }
        let port = Mutex<Int?>(nil)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
            logger: quietLogger()
        )
        let run = Task { try await application.runService(gracefulShutdownSignals: []) }
        #expect(await eventually { port.withLock { $0 } != nil })
        let client = try KubeClient(configuration: ClientConfiguration(server: "http://127.0.0.1:\(port.withLock { $0 } ?? 0)"))
        let started = ContinuousClock.now
        let namespace = try await client.get(Namespace.self, name: "default")
        #expect(namespace.name == "default")
        #expect(count.value.withLock { $0 } == 3)
        // Two waits of Retry-After: 1 s each.
        #expect(ContinuousClock.now - started >= .seconds(2))

        // Without Retry-After a 429 is the answer (an eviction refused by a budget): one request, typed error.
        do {
            _ = try await client.get(Namespace.self, name: "blocked")
            Issue.record("a 429 was not reported")
        } catch {
            #expect(error.isTooManyRequests)
            #expect(error.message.contains("disruption budget"))
        }
        #expect(count.value.withLock { $0 } == 4)
        await client.shutdown()
        run.cancel()
    }

    @Test func eventsAreAggregated() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let pod = try await client.create({
            var pod = Pod(metadata: ObjectMeta(name: "evented", namespace: "default"))
            pod.object["spec"] = ["containers": [["name": "c", "image": "nginx"]]]
            return pod
        }())
        let recorder = EventRecorder(client: client, component: "test-controller", logger: quietLogger())
        for _ in 0..<3 { recorder.record(pod, type: .warning, reason: "FailedThing", message: "it failed") }
        recorder.record(pod, type: .normal, reason: "Other", message: "something else")
        await recorder.flush()
        let events = try await client.list(Event.self, namespace: "default").items
        #expect(events.count == 2)
        let failed = events.first { $0.object["reason"]?.stringValue == "FailedThing" }
        #expect(failed?.object["count"]?.intValue == 3)
        #expect(failed?.object["involvedObject"]?["name"]?.stringValue == "evented")
        #expect(failed?.object["source"]?["component"]?.stringValue == "test-controller")

        // An object read from a cache may lack apiVersion and kind: the involved object takes its type's.
        var cached = pod
        cached.object["apiVersion"] = nil
        cached.object["kind"] = nil
        recorder.record(cached, type: .normal, reason: "FromCache", message: "no type meta")
        await recorder.flush()
        let fromCache = try await client.list(Event.self, namespace: "default").items.first { $0.object["reason"] == "FromCache" }
        #expect(fromCache?.object["involvedObject"]?["apiVersion"] == "v1")
        #expect(fromCache?.object["involvedObject"]?["kind"] == "Pod")

        // As client-go's correlator: similar messages are combined from the tenth on, and the object's 25 events
        // (5 so far) are all it gets at once.
        for index in 1...30 { recorder.record(pod, type: .normal, reason: "Scaled", message: "pod \(index)") }
        await recorder.flush()
        let scaled = try await client.list(Event.self, namespace: "default").items.filter { $0.object["reason"] == "Scaled" }
        #expect(scaled.count == 10)
        #expect(scaled.reduce(0) { $0 + ($1.object["count"]?.intValue ?? 0) } == 20)
        let combined = scaled.first { $0.object["message"]?.stringValue?.hasPrefix("(combined from similar events): ") == true }
        #expect(combined?.object["count"]?.intValue == 11)
        #expect(combined?.object["message"] == "(combined from similar events): pod 20")
        await client.shutdown()
        await server.stopListening()
    }
}
