import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalClusterTestSupport
import Testing

/// The WorkloadSpread controller against the embedded API server, alone (no workload controllers, no nodes
/// running pods): the tests create the workloads and their pods themselves, as their controllers would.
@Suite("WorkloadSpread controller, end to end", .serialized)
struct WorkloadSpreadIntegrationTests {
    /// zone-a (nodes labelled `zone=a`) takes at most 2 pods, zone-b the rest.
    static func workloadSpreadYAML(targetAPIVersion: String, kind: String, name: String) -> String {
        """
        apiVersion: apps.kruise.io/v1alpha1
        kind: WorkloadSpread
        metadata: {name: ws, namespace: default}
        spec:
          targetRef: {apiVersion: "\(targetAPIVersion)", kind: \(kind), name: \(name)}
          subsets:
          - name: zone-a
            requiredNodeSelectorTerm:
              matchExpressions: [{key: zone, operator: In, values: [a]}]
            maxReplicas: 2
          - name: zone-b
            requiredNodeSelectorTerm:
              matchExpressions: [{key: zone, operator: In, values: [b]}]
        """
    }

    @Test func cloneSetTargetGetsStatusAndDeletionCosts() async throws {
        try await WorkloadSpreadTestCluster.run { cluster in
            let client = cluster.client
            var cloneSet = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
            cloneSet.object["spec"] = try YAMLReader.read(
                """
                replicas: 4
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: web}}
                  spec: {containers: [{name: main, image: "nginx:1.25"}]}
                """)
            cloneSet = try await client.create(cloneSet)
            // What the CloneSet controller would report: the current generation observed, revision `web-rev1`.
            let generation = cloneSet.metadata.generation ?? 1
            _ = try await client.patch(
                CloneSet.self, namespace: "default", name: "web", type: .merge,
                body: Array(#"{"status":{"observedGeneration":\#(generation),"updateRevision":"web-rev1","replicas":4,"readyReplicas":0,"availableReplicas":0,"updatedReplicas":0,"updatedReadyReplicas":0}}"#.utf8),
                subresource: "status")

            try await cluster.create(Self.workloadSpreadYAML(targetAPIVersion: "apps.kruise.io/v1alpha1", kind: "CloneSet", name: "web"))
            for (index, subset) in ["zone-a", "zone-a", "zone-b", "zone-b"].enumerated() {
                try await cluster.createPod(
                    "web-\(index)", owner: cloneSet, labels: [KruiseKeys.controllerRevisionHash: "web-rev1"], subset: subset)
            }

            #expect(await cluster.waitForSubsets { $0 == [SubsetCount("zone-a", 2, 0), SubsetCount("zone-b", 2, -1)] })
            #expect(await cluster.waitForCosts(["web-0": "200", "web-1": "200", "web-2": "100", "web-3": "100"]))
            let status = try #require(await cluster.workloadSpread()?.status)
            #expect(status.observedGeneration == 1)
            #expect(status.versionedSubsetStatuses["rev1"]?.map(\.replicas) == [2, 2])

            // A zone-a pod goes: the status follows the pod event.
            try await client.delete(Pod.self, namespace: "default", name: "web-0", options: DeleteOptions(gracePeriodSeconds: 0))
            #expect(await cluster.waitForSubsets { $0 == [SubsetCount("zone-a", 1, 1), SubsetCount("zone-b", 2, -1)] })

            // A pod without a match (created before the WorkloadSpread) on a zone-a node is adopted into zone-a.
            try await cluster.createNode("node-a", zone: "a")
            try await cluster.createPod(
                "web-4", owner: cloneSet, labels: [KruiseKeys.controllerRevisionHash: "web-rev1"], subset: nil, node: "node-a")
            #expect(await eventually {
                guard let pod = try? await client.get(Pod.self, namespace: "default", name: "web-4") else { return false }
                return MatchedWorkloadSpread(annotations: pod.metadata.annotations) == MatchedWorkloadSpread(name: "ws", subset: "zone-a")
            })
            #expect(await cluster.waitForSubsets { $0 == [SubsetCount("zone-a", 2, 0), SubsetCount("zone-b", 2, -1)] })
            #expect(await cluster.waitForCosts(["web-1": "200", "web-2": "100", "web-3": "100", "web-4": "200"]))
        }
    }

    @Test func deploymentTargetCountsThePodsOfItsReplicaSets() async throws {
        try await WorkloadSpreadTestCluster.run { cluster in
            let client = cluster.client
            let template = try YAMLReader.read(
                """
                metadata: {labels: {app: api}}
                spec: {containers: [{name: main, image: "nginx:1.25"}]}
                """)
            var deployment = Deployment(metadata: ObjectMeta(name: "api", namespace: "default"))
            deployment.object["spec"] = ["replicas": 3, "selector": ["matchLabels": ["app": "api"]], "template": template]
            deployment = try await client.create(deployment)

            // The ReplicaSet the Deployment controller would create: the template plus `pod-template-hash`.
            var replicaSet = ReplicaSet(metadata: ObjectMeta(name: "api-h1", namespace: "default"))
            replicaSet.metadata.labels = ["app": "api", KruiseKeys.podTemplateHash: "h1"]
            replicaSet.metadata.ownerReferences = [OwnerReference(to: deployment)]
            var rsTemplate = deployment.spec.template
            rsTemplate.metadata.labels[KruiseKeys.podTemplateHash] = "h1"
            replicaSet.object["spec"] = [
                "replicas": 3, "selector": ["matchLabels": ["app": "api", KruiseKeys.podTemplateHash: "h1"]],
                "template": .object(rsTemplate.object),
            ]
            replicaSet = try await client.create(replicaSet)

            try await cluster.create(Self.workloadSpreadYAML(targetAPIVersion: "apps/v1", kind: "Deployment", name: "api"))
            for (index, subset) in ["zone-a", "zone-b", "zone-b"].enumerated() {
                try await cluster.createPod("api-\(index)", owner: replicaSet, labels: [KruiseKeys.podTemplateHash: "h1"], subset: subset)
            }
            #expect(await cluster.waitForSubsets { $0 == [SubsetCount("zone-a", 1, 1), SubsetCount("zone-b", 2, -1)] })
            #expect(await cluster.waitForCosts(["api-0": "200", "api-1": "100", "api-2": "100"]))
            #expect(await cluster.workloadSpread()?.status.versionedSubsetStatuses["h1"]?.map(\.replicas) == [1, 2])
        }
    }
}

/// A subset status reduced to what the tests compare.
struct SubsetCount: Equatable, CustomStringConvertible {
    var name: String
    var replicas: Int32
    var missing: Int32

    init(_ name: String, _ replicas: Int32, _ missing: Int32) {
        self.name = name
        self.replicas = replicas
        self.missing = missing
    }

    var description: String { "\(self.name): \(self.replicas) (missing \(self.missing))" }
}

/// An API server with the Kruise CRDs and only the WorkloadSpread controller.
struct WorkloadSpreadTestCluster {
    let server: TestAPIServer
    let client: KubeClient
    let run: Task<Void, any Error>

    static func run(_ body: (WorkloadSpreadTestCluster) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        try await CloneSetTestCluster.installCRDs(client)
        let manager = Manager(client: client, metrics: MetricsRegistry(), logger: quietLogger())
        KruiseControllerSet.register(
            on: manager, gates: KruiseFeatures.managerDefaults(), enabled: ["workloadspread"], workers: 2)
        let cluster = WorkloadSpreadTestCluster(server: server, client: client, run: Task { try await manager.run() })
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

    func create(_ workloadSpreadYAML: String) async throws {
        guard case .object(let object) = try YAMLReader.read(workloadSpreadYAML) else { throw CloneSetTestError("not an object") }
        _ = try await self.client.create(WorkloadSpread(object: object))
    }

    /// Creates a pod controlled by `owner`, matched to `subset` of `ws` when given.
    func createPod(
        _ name: String, owner: some KubeObject, labels: [String: String], subset: String?, node: String? = nil
    ) async throws {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        pod.metadata.labels = labels
        if let subset {
            pod.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: MatchedWorkloadSpread(name: "ws", subset: subset).annotationValue]
        }
        pod.metadata.ownerReferences = [OwnerReference(to: owner)]
        pod.spec.containers = [Container(name: "main", image: "nginx:1.25")]
        pod.spec.nodeName = node
        _ = try await self.client.create(pod)
    }

    func createNode(_ name: String, zone: String) async throws {
        var node = Node(metadata: ObjectMeta(name: name))
        node.metadata.labels = ["zone": zone]
        _ = try await self.client.create(node)
    }

    func workloadSpread() async -> WorkloadSpread? {
        try? await self.client.get(WorkloadSpread.self, namespace: "default", name: "ws")
    }

    /// Waits until the subset statuses satisfy `condition`.
    func waitForSubsets(_ condition: @escaping ([SubsetCount]) -> Bool) async -> Bool {
        await eventually(timeout: .seconds(30)) {
            guard let status = await self.workloadSpread()?.status else { return false }
            return condition(status.subsetStatuses.map { SubsetCount($0.name, $0.replicas, $0.missingReplicas) })
        }
    }

    /// Waits until the live pods carry exactly these deletion costs.
    func waitForCosts(_ costs: [String: String]) async -> Bool {
        await eventually(timeout: .seconds(30)) {
            guard let pods = try? await self.client.list(Pod.self, namespace: "default").items else { return false }
            let live = pods.filter { !$0.metadata.isBeingDeleted }
            var actual: [String: String] = [:]
            for pod in live { actual[pod.name] = pod.metadata.annotations[KruiseKeys.podDeletionCost] ?? "" }
            return actual == costs
        }
    }
}
