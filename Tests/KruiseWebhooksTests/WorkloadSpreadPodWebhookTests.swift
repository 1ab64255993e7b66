import ControllerRuntime
import KruiseAPI
import KruiseWebhooks
import KubeClient
import KubeJSON
import KubeModel
import Synchronization
import Testing

/// The API server's copy of one WorkloadSpread: resourceVersion preconditions like the real one, and a way to
/// make the next write conflict (another webhook replica wrote first).
final class WorkloadSpreadServer: Sendable {
    private let state: Mutex<(object: WorkloadSpread, version: Int, writes: Int, conflictsLeft: Int)>

    init(_ workloadSpread: WorkloadSpread) {
        var object = workloadSpread
        object.metadata.resourceVersion = "1"
        self.state = Mutex((object, 1, 0, 0))
    }

    var current: WorkloadSpread { self.state.withLock { $0.object } }
    var writes: Int { self.state.withLock { $0.writes } }

    /// The next `count` writes conflict (the stored object moves on meanwhile).
    func conflict(times count: Int) { self.state.withLock { $0.conflictsLeft = count } }

    func write(_ workloadSpread: WorkloadSpread) throws(KubeAPIError) {
        let conflict: Bool = self.state.withLock { state in
            if state.conflictsLeft > 0 {
                state.conflictsLeft -= 1
                state.version += 1
                state.object.metadata.resourceVersion = String(state.version)
            }
            guard workloadSpread.metadata.resourceVersion == String(state.version) else { return true }
            state.version += 1
            state.writes += 1
            var stored = state.object
            stored.status = workloadSpread.status
            stored.metadata.resourceVersion = String(state.version)
            state.object = stored
            return false
        }
        if conflict { throw KubeAPIError(code: 409, reason: "Conflict", message: "the object has been modified") }
    }
}

@Suite struct WorkloadSpreadPodWebhookTests {
    static let now = KubeTime(seconds: 1_700_000_000)

    static func workloadSpread() throws -> WorkloadSpread {
        let json = try JSONValue(parsing: """
            {"apiVersion":"apps.kruise.io/v1alpha1","kind":"WorkloadSpread","metadata":{"name":"ws","namespace":"default","uid":"ws-uid"},
             "spec":{"targetRef":{"apiVersion":"apps.kruise.io/v1alpha1","kind":"CloneSet","name":"web"},
              "subsets":[
               {"name":"zone-a","maxReplicas":2,"requiredNodeSelectorTerm":{"matchExpressions":[{"key":"topology.kubernetes.io/zone","operator":"In","values":["a"]}]},
                "patch":{"metadata":{"labels":{"subset":"zone-a"}}}},
               {"name":"zone-b","requiredNodeSelectorTerm":{"matchExpressions":[{"key":"topology.kubernetes.io/zone","operator":"In","values":["b"]}]}}]}}
            """)
        return WorkloadSpread(object: json.objectValue!)
    }

    static let cloneSet: JSONObject = [
        "apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet",
        "metadata": ["name": "web", "namespace": "default", "uid": "web-uid"],
        "spec": ["replicas": 3],
    ]

    static func pod(_ name: String, subset: String? = nil) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        pod.metadata.labels = ["app": "web", KruiseKeys.controllerRevisionHash: "web-v1"]
        pod.metadata.ownerReferences = [OwnerReference(object: [
            "apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet", "name": "web", "uid": "web-uid", "controller": true,
        ])]
        if let subset {
            pod.metadata.annotations[KruiseKeys.matchedWorkloadSpread] = MatchedWorkloadSpread(name: "ws", subset: subset).annotationValue
        }
        pod.spec.containers = [Container(name: "main", image: "nginx")]
        return pod
    }

    static func webhook(_ server: WorkloadSpreadServer, cached: WorkloadSpread? = nil) -> WorkloadSpreadPodWebhook {
        let cache = cached
        return WorkloadSpreadPodWebhook(
            lookups: WorkloadSpreadLookups(
                workloadSpreads: { namespace in namespace == "default" ? [cache ?? server.current] : [] },
                workload: { _, kind, _, name in kind == "CloneSet" && name == "web" ? Self.cloneSet : nil },
                pod: { _, name in Self.pod(name, subset: "zone-a") },
                fetch: { _, _ throws(KubeAPIError) in server.current },
                writeStatus: { workloadSpread throws(KubeAPIError) in try server.write(workloadSpread) }
            ),
            now: { Self.now })
    }

    static func request(_ operation: String, pod: Pod, dryRun: Bool = false, subResource: String = "") -> AdmissionRequest {
        var object: JSONObject = [
            "uid": "1", "operation": .string(operation), "namespace": "default", "name": .string(pod.name), "dryRun": .bool(dryRun),
        ]
        if !subResource.isEmpty { object["subResource"] = .string(subResource) }
        if operation == "DELETE" { object["oldObject"] = pod.json } else { object["object"] = pod.json }
        return AdmissionRequest(object: object)
    }

    /// The pod webhook as served (readiness gate, then the WorkloadSpread subset) answering a pod CREATE.
    static func mutate(_ webhook: WorkloadSpreadPodWebhook, _ request: AdmissionRequest) async -> AdmissionResponse {
        await KruisePodWebhook(workloadSpread: webhook).mutate(request)
    }

    static func admitted(_ response: AdmissionResponse, _ pod: Pod) throws -> Pod {
        #expect(response.allowed)
        return Pod(object: try response.patch.apply(to: pod.json).objectValue!)
    }

    @Test func podsFillZoneAThenGoToZoneB() async throws {
        let server = WorkloadSpreadServer(try Self.workloadSpread())
        let webhook = Self.webhook(server)
        var subsets: [String] = []
        for name in ["web-1", "web-2", "web-3"] {
            let pod = Self.pod(name)
            let admitted = try Self.admitted(await Self.mutate(webhook, Self.request("CREATE", pod: pod)), pod)
            subsets.append(MatchedWorkloadSpread(annotations: admitted.metadata.annotations)?.subset ?? "none")
            if name == "web-1" {
                #expect(admitted.metadata.labels["subset"] == "zone-a")
                let terms = admitted.object["spec"]?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]
                #expect(terms?[0]?["matchExpressions"]?[0]?["values"] == ["a"])
            }
        }
        #expect(subsets == ["zone-a", "zone-a", "zone-b"])
        // zone-a's bookkeeping for version v1: both pods creating, none missing; zone-b unlimited is not touched.
        let bucket = server.current.status.versionedSubsetStatuses["v1"] ?? []
        #expect(bucket.map(\.name) == ["zone-a", "zone-b"])
        #expect(bucket.first?.missingReplicas == 0)
        #expect(bucket.first?.creatingPods.keys.sorted() == ["web-1", "web-2"])
        #expect(bucket.last?.missingReplicas == -1)
        #expect(server.writes == 2)
    }

    @Test func aConflictIsRetriedOnAFreshRead() async throws {
        let original = try Self.workloadSpread()
        let server = WorkloadSpreadServer(original)
        server.conflict(times: 2)
        let pod = Self.pod("web-1")
        let admitted = try Self.admitted(await Self.mutate(Self.webhook(server, cached: server.current), Self.request("CREATE", pod: pod)), pod)
        #expect(MatchedWorkloadSpread(annotations: admitted.metadata.annotations)?.subset == "zone-a")
        #expect(server.writes == 1)
        #expect(server.current.status.versionedSubsetStatuses["v1"]?.first?.creatingPods.keys.sorted() == ["web-1"])
    }

    @Test func endlessConflictsRefuseThePod() async throws {
        let server = WorkloadSpreadServer(try Self.workloadSpread())
        server.conflict(times: 100)
        let response = await Self.mutate(Self.webhook(server, cached: server.current), Self.request("CREATE", pod: Self.pod("web-1")))
        #expect(!response.allowed)
        #expect(response.code == 409)
    }

    @Test func dryRunInjectsWithoutBooking() async throws {
        let server = WorkloadSpreadServer(try Self.workloadSpread())
        let pod = Self.pod("web-1")
        let admitted = try Self.admitted(await Self.mutate(Self.webhook(server), Self.request("CREATE", pod: pod, dryRun: true)), pod)
        #expect(MatchedWorkloadSpread(annotations: admitted.metadata.annotations)?.subset == "zone-a")
        #expect(server.writes == 0)
    }

    @Test func podsOfOtherWorkloadsAreLeftAlone() async throws {
        let server = WorkloadSpreadServer(try Self.workloadSpread())
        var pod = Self.pod("other-1")
        pod.metadata.ownerReferences = [OwnerReference(object: [
            "apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet", "name": "other", "uid": "other-uid", "controller": true,
        ])]
        guard case .unchanged = await Self.webhook(server).place(pod, namespace: "default", dryRun: false) else {
            Issue.record("a pod of another workload was placed")
            return
        }
        #expect(server.writes == 0)
    }

    @Test func deletionAndEvictionAreBookedInDeletingPods() async throws {
        let server = WorkloadSpreadServer(try Self.workloadSpread())
        let webhook = Self.webhook(server)
        let pod = Self.pod("web-1", subset: "zone-a")
        #expect(await webhook.validate(Self.request("DELETE", pod: pod)).allowed)
        var zoneA = server.current.status.versionedSubsetStatuses["v1"]?.first
        #expect(zoneA?.deletingPods.keys.sorted() == ["web-1"])
        #expect(zoneA?.missingReplicas == 3)
        // An eviction names the pod; the webhook reads it.
        #expect(await webhook.validate(Self.request("CREATE", pod: Self.pod("web-2"), subResource: "eviction")).allowed)
        zoneA = server.current.status.versionedSubsetStatuses["v1"]?.first
        #expect(zoneA?.deletingPods.keys.sorted() == ["web-1", "web-2"])
        #expect(zoneA?.missingReplicas == 4)
        // Deleting it again books nothing more.
        #expect(await webhook.validate(Self.request("DELETE", pod: pod)).allowed)
        #expect(server.writes == 2)
    }
}

@Suite struct KruisePodWebhookTests {
    @Test func podsOfKruiseWorkloadsGetTheReadinessGate() async throws {
        let webhook = KruisePodWebhook(workloadSpread: nil)
        let pod = WorkloadSpreadPodWebhookTests.pod("web-1")
        let response = await webhook.mutate(WorkloadSpreadPodWebhookTests.request("CREATE", pod: pod))
        let admitted = try WorkloadSpreadPodWebhookTests.admitted(response, pod)
        #expect(admitted.spec.readinessGates == ["KruisePodReady"])
        // A Deployment's pod is left alone.
        var other = pod
        other.metadata.ownerReferences = [OwnerReference(object: [
            "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs", "uid": "rs-uid", "controller": true,
        ])]
        let untouched = await webhook.mutate(WorkloadSpreadPodWebhookTests.request("CREATE", pod: other))
        #expect(untouched.allowed)
        #expect(untouched.patch == JSONPatch([]))
        // With the KruisePodReadinessGate feature gate on, every pod gets it (once).
        let everyPod = KruisePodWebhook(workloadSpread: nil, gatesEveryPod: true)
        let gated = try WorkloadSpreadPodWebhookTests.admitted(
            await everyPod.mutate(WorkloadSpreadPodWebhookTests.request("CREATE", pod: other)), other)
        #expect(gated.spec.readinessGates == ["KruisePodReady"])
        let alreadyGated = await everyPod.mutate(WorkloadSpreadPodWebhookTests.request("CREATE", pod: gated))
        #expect(alreadyGated.patch == JSONPatch([]))
    }

    @Test func gateAndSubsetInOnePatch() async throws {
        let server = WorkloadSpreadServer(try WorkloadSpreadPodWebhookTests.workloadSpread())
        let webhook = KruisePodWebhook(workloadSpread: WorkloadSpreadPodWebhookTests.webhook(server))
        let pod = WorkloadSpreadPodWebhookTests.pod("web-1")
        let admitted = try WorkloadSpreadPodWebhookTests.admitted(
            await webhook.mutate(WorkloadSpreadPodWebhookTests.request("CREATE", pod: pod)), pod)
        #expect(admitted.spec.readinessGates == ["KruisePodReady"])
        #expect(MatchedWorkloadSpread(annotations: admitted.metadata.annotations)?.subset == "zone-a")
    }
}
