import LocalClusterTestSupport
import BuiltinControllers
import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Testing

/// The built-in controllers against the embedded API server over HTTPS. No simulated nodes here: the
/// tests play the kubelet where a pod must become ready, by writing pod status themselves.
@Suite("Built-in controllers, end to end", .serialized)
struct BuiltinControllersIntegrationTests {
    /// A running manager with every built-in controller.
    struct Cluster {
        let server: TestAPIServer
        let client: KubeClient
        let run: Task<Void, any Error>

        static func start() async throws -> Cluster {
            let server = try await TestAPIServer.start()
            let client = try server.client()
            let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
            BuiltinControllerSet.register(on: manager)
            let run = Task { try await manager.run() }
            return Cluster(server: server, client: client, run: run)
        }

        func stop() async {
            self.run.cancel()
            _ = try? await self.run.value
            await self.client.shutdown()
            await self.server.stopListening()
        }

        func pods(_ selector: String) async throws -> [Pod] {
            try await self.client.list(Pod.self, namespace: "default", options: ListOptions(labelSelector: selector)).items
                .filter { !$0.metadata.isBeingDeleted }
        }

        /// Plays the kubelet: marks a pod Running and Ready.
        func markReady(_ pod: Pod) async throws {
            var pod = try await self.client.get(Pod.self, namespace: pod.namespace, name: pod.name)
            let now = KubeTime.now().truncatedToSeconds.json
            pod.object["status"] = [
                "phase": "Running",
                "startTime": now,
                "conditions": [
                    ["type": "Ready", "status": "True", "lastTransitionTime": now],
                    ["type": "ContainersReady", "status": "True", "lastTransitionTime": now],
                ],
            ]
            _ = try await self.client.updateStatus(pod)
        }
    }

    static let template: JSONValue = [
        "metadata": ["labels": ["app": "web"]],
        "spec": ["containers": [["name": "c", "image": "nginx:1.27"]]],
    ]

    @Test func replicaSetCreatesAndScalesDownItsPods() async throws {
        let cluster = try await Cluster.start()
        var replicaSet = ReplicaSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        replicaSet.object["spec"] = ["replicas": 5, "selector": ["matchLabels": ["app": "web"]], "template": Self.template]
        _ = try await cluster.client.create(replicaSet)
        #expect(await eventually(timeout: .seconds(30)) { (try? await cluster.pods("app=web").count) == 5 })
        let pods = try await cluster.pods("app=web")
        #expect(pods.allSatisfy { $0.metadata.controllerReference?.name == "web" && $0.name.hasPrefix("web-") })
        #expect(await eventually(timeout: .seconds(30)) {
            (try? await cluster.client.get(ReplicaSet.self, namespace: "default", name: "web"))?.status.replicas == 5
        })

        _ = try await cluster.client.patch(
            ReplicaSet.self, namespace: "default", name: "web", type: .merge, body: Array(#"{"spec":{"replicas":2}}"#.utf8)
        )
        #expect(await eventually(timeout: .seconds(30)) { (try? await cluster.pods("app=web").count) == 2 })
        // Never more than asked for: after settling, still 2.
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await cluster.pods("app=web").count == 2)
        await cluster.stop()
    }

    @Test func deploymentRollsOutThroughReplicaSets() async throws {
        let cluster = try await Cluster.start()
        var deployment = Deployment(metadata: ObjectMeta(name: "app", namespace: "default"))
        deployment.object["spec"] = ["replicas": 3, "selector": ["matchLabels": ["app": "web"]], "template": Self.template]
        _ = try await cluster.client.create(deployment)
        #expect(await eventually(timeout: .seconds(30)) { (try? await cluster.pods("app=web").count) == 3 })
        let replicaSets = try await cluster.client.list(ReplicaSet.self, namespace: "default").items
        #expect(replicaSets.count == 1)
        let hash = replicaSets.first?.metadata.labels["pod-template-hash"] ?? ""
        #expect(!hash.isEmpty)
        #expect(replicaSets.first?.name == "app-\(hash)")
        #expect(replicaSets.first?.metadata.annotations["deployment.kubernetes.io/revision"] == "1")

        for pod in try await cluster.pods("app=web") { try await cluster.markReady(pod) }
        #expect(await eventually(timeout: .seconds(30)) {
            guard let current = try? await cluster.client.get(Deployment.self, namespace: "default", name: "app") else { return false }
            return current.status.availableReplicas == 3 && current.status.updatedReplicas == 3
                && current.status.conditions[type: "Available"]?.isTrue == true
        })
        await cluster.stop()
    }

    /// A Recreate rollout starts the new pods only once every old pod is gone, not just once the old ReplicaSet
    /// is scaled to zero: an old pod held by a finalizer keeps the new ReplicaSet from being created.
    @Test func recreateWaitsForTheOldPodsToGo() async throws {
        let cluster = try await Cluster.start()
        var deployment = Deployment(metadata: ObjectMeta(name: "app", namespace: "default"))
        deployment.object["spec"] = [
            "replicas": 1, "selector": ["matchLabels": ["app": "web"]], "template": Self.template, "strategy": ["type": "Recreate"],
        ]
        _ = try await cluster.client.create(deployment)
        #expect(await eventually(timeout: .seconds(30)) { (try? await cluster.pods("app=web").count) == 1 })
        let old = try #require(try await cluster.pods("app=web").first)
        try await cluster.markReady(old)
        _ = try await cluster.client.patch(
            Pod.self, namespace: "default", name: old.name, type: .merge,
            body: Array(#"{"metadata":{"finalizers":["test.kruise.io/hold"]}}"#.utf8))
        _ = try await cluster.client.patch(
            Deployment.self, namespace: "default", name: "app", type: .merge,
            body: Array(#"{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"nginx:1.28"}]}}}}"#.utf8))
        #expect(await eventually(timeout: .seconds(30)) {
            (try? await cluster.client.get(Pod.self, namespace: "default", name: old.name))?.metadata.isBeingDeleted == true
        })
        // The old ReplicaSet is at zero now, but its pod is still there: nothing new may start.
        try await Task.sleep(for: .milliseconds(500))
        let all = try await cluster.client.list(Pod.self, namespace: "default").items
        #expect(all.map(\.name) == [old.name])
        _ = try await cluster.client.patch(
            Pod.self, namespace: "default", name: old.name, type: .merge, body: Array(#"{"metadata":{"finalizers":null}}"#.utf8))
        #expect(await eventually(timeout: .seconds(30)) {
            let pods = (try? await cluster.pods("app=web")) ?? []
            return pods.count == 1 && pods.first?.name != old.name && pods.first?.spec.containers.first?.image == "nginx:1.28"
        })
        await cluster.stop()
    }

    @Test func statefulSetCreatesPodsInOrder() async throws {
        let cluster = try await Cluster.start()
        var set = StatefulSet(metadata: ObjectMeta(name: "db", namespace: "default"))
        set.object["spec"] = [
            "replicas": 3, "serviceName": "db", "selector": ["matchLabels": ["app": "web"]], "template": Self.template,
        ]
        _ = try await cluster.client.create(set)
        for ordinal in 0..<3 {
            #expect(await eventually(timeout: .seconds(30)) {
                (try? await cluster.pods("app=web"))?.map(\.name).sorted() == (0...ordinal).map { "db-\($0)" }
            })
            // OrderedReady: the next pod waits until this one is ready.
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await cluster.pods("app=web").count == ordinal + 1)
            try await cluster.markReady(try await cluster.client.get(Pod.self, namespace: "default", name: "db-\(ordinal)"))
        }
        #expect(await eventually(timeout: .seconds(30)) {
            (try? await cluster.client.get(StatefulSet.self, namespace: "default", name: "db"))?.status.readyReplicas == 3
        })
        await cluster.stop()
    }

    @Test func jobRunsPodsToCompletion() async throws {
        let cluster = try await Cluster.start()
        var job = Job(metadata: ObjectMeta(name: "once", namespace: "default"))
        job.object["spec"] = [
            "completions": 2, "parallelism": 2,
            "template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox"]]]],
        ]
        _ = try await cluster.client.create(job)
        #expect(await eventually(timeout: .seconds(30)) { (try? await cluster.pods("job-name=once").count) == 2 })
        for pod in try await cluster.pods("job-name=once") {
            var pod = pod
            let now = KubeTime.now().truncatedToSeconds.json
            pod.object["status"] = [
                "phase": "Succeeded",
                "startTime": now,
                "containerStatuses": [[
                    "name": "c", "image": "busybox", "imageID": "", "ready": false, "restartCount": 0,
                    "state": ["terminated": ["exitCode": 0, "reason": "Completed", "startedAt": now, "finishedAt": now]],
                ]],
            ]
            _ = try await cluster.client.updateStatus(pod)
        }
        #expect(await eventually(timeout: .seconds(30)) {
            guard let current = try? await cluster.client.get(Job.self, namespace: "default", name: "once") else { return false }
            return current.status.succeeded == 2 && current.status.conditions[type: "Complete"]?.isTrue == true
        })
        await cluster.stop()
    }
}
