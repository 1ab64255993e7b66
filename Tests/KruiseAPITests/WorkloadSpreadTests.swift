import KruiseAPI
import KubeJSON
import KubeModel
import Testing

/// Objects shared by the WorkloadSpread tests.
enum WorkloadSpreadFixtures {
    static let t0 = KubeTime(seconds: 1_700_000_000)

    /// zone-a (at most `zoneAMax`, patched with label `subset: zone-a`, required zone a) and zone-b (unlimited).
    static func zones(zoneAMax: IntOrString? = 2, kind: String = "Deployment", apiVersion: String = "apps/v1") -> WorkloadSpread {
        var ws = WorkloadSpread(metadata: ObjectMeta(name: "ws", namespace: "default"))
        ws.spec.targetRef = WorkloadSpreadTargetReference(apiVersion: apiVersion, kind: kind, name: "web")
        var zoneA = WorkloadSpreadSubset(name: "zone-a", maxReplicas: zoneAMax)
        zoneA.requiredNodeSelectorTerm = NodeSelectorTerm(matchExpressions: [
            NodeSelectorRequirement(key: "topology.kubernetes.io/zone", operator: "In", values: ["a"])
        ])
        zoneA.patch = ["metadata": ["labels": ["subset": "zone-a"]]]
        var zoneB = WorkloadSpreadSubset(name: "zone-b")
        zoneB.requiredNodeSelectorTerm = NodeSelectorTerm(matchExpressions: [
            NodeSelectorRequirement(key: "topology.kubernetes.io/zone", operator: "In", values: ["b"])
        ])
        ws.spec.subsets = [zoneA, zoneB]
        return ws
    }

    /// A pod of ReplicaSet `web-<hash>` being created (only a generateName, as the ReplicaSet controller sends it).
    static func replicaSetPod(hash: String, name: String? = nil) -> Pod {
        var metadata = ObjectMeta(name: name ?? "", namespace: "default")
        if name == nil {
            metadata.name = nil
            metadata.generateName = "web-\(hash)-"
        }
        metadata.labels = ["app": "web", KruiseKeys.podTemplateHash: hash]
        var owner = OwnerReference()
        owner.apiVersion = "apps/v1"
        owner.kind = "ReplicaSet"
        owner.name = "web-\(hash)"
        owner.uid = "rs-\(hash)"
        owner.controller = true
        metadata.ownerReferences = [owner]
        var pod = Pod(metadata: metadata)
        pod.spec.containers = [Container(name: "main", image: "nginx")]
        return pod
    }

    /// A counter-based UID generator.
    final class UIDs {
        var next = 0
        func make() -> String {
            next += 1
            return "uid-\(next)"
        }
    }
}

@Suite struct WorkloadSpreadTypesTests {
    @Test func matchedAnnotationIsUpstreamJSON() {
        #expect(MatchedWorkloadSpread(name: "ws", subset: "zone-a").annotationValue == #"{"name":"ws","subset":"zone-a"}"#)
        #expect(MatchedWorkloadSpread(name: "ws", subset: "a", uid: "u1").annotationValue == #"{"name":"ws","subset":"a","uid":"u1"}"#)
        // Go decodes keys case-insensitively; upstream's own tests write capitalized keys.
        #expect(MatchedWorkloadSpread(annotationValue: #"{"Name":"ws","Subset":"zone-b"}"#) == MatchedWorkloadSpread(name: "ws", subset: "zone-b"))
        #expect(MatchedWorkloadSpread(annotationValue: "not json") == nil)
        #expect(MatchedWorkloadSpread(annotationValue: #"{"name":1}"#) == nil)
    }

    @Test func viewsRoundTripUnknownFields() throws {
        let yaml = """
            apiVersion: apps.kruise.io/v1alpha1
            kind: WorkloadSpread
            metadata: {name: ws, namespace: default}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              extra: kept
              scheduleStrategy: {type: Adaptive, adaptive: {rescheduleCriticalSeconds: 30}}
              subsets:
              - name: a
                maxReplicas: 50%
                patch: {metadata: {labels: {x: y}}}
              - name: b
            status:
              versionedSubsetStatuses:
                v1: [{name: a, replicas: 1, missingReplicas: 2, creatingPods: {p1: "2024-01-01T00:00:00Z"}}]
            """
        let ws = try WorkloadSpread.decode(try YAMLReader.read(yaml))
        #expect(ws.spec.subsets.map(\.name) == ["a", "b"])
        #expect(ws.spec.subsets[0].maxReplicas == "50%")
        #expect(ws.spec.subsets[1].maxReplicas == nil)
        #expect(ws.spec.scheduleStrategy.type == .adaptive)
        #expect(ws.spec.scheduleStrategy.effectiveRescheduleCriticalSeconds == 30)
        let bucket = try #require(ws.status.versionedSubsetStatuses["v1"])
        #expect(bucket[0].creatingPods == ["p1": try KubeTime(parsing: "2024-01-01T00:00:00Z")])
        var copy = ws
        copy.spec.subsets = copy.spec.subsets
        copy.status.versionedSubsetStatuses = copy.status.versionedSubsetStatuses
        #expect(copy == ws)
        #expect(copy.spec.object["extra"] == "kept")
    }

    @Test func podVersions() {
        var pod = WorkloadSpreadFixtures.replicaSetPod(hash: "abc")
        #expect(WorkloadSpreadVersion.of(pod) == "abc")
        pod.metadata.labels = [KruiseKeys.controllerRevisionHash: "web-7f9c"]
        #expect(WorkloadSpreadVersion.of(pod) == "7f9c")
        pod.metadata.labels = [:]
        #expect(WorkloadSpreadVersion.of(pod) == WorkloadSpreadVersion.ignored)
        // CloneSet pods are versioned in SwiftKruise (upstream leaves CloneSet out by default).
        var cloneSetPod = WorkloadSpreadFixtures.replicaSetPod(hash: "h1")
        var owners = cloneSetPod.metadata.ownerReferences
        owners[0].kind = "CloneSet"
        cloneSetPod.metadata.ownerReferences = owners
        #expect(WorkloadSpreadVersion.of(cloneSetPod) == "h1")
        // Job and StatefulSet pods share one bucket.
        owners[0].kind = "StatefulSet"
        cloneSetPod.metadata.ownerReferences = owners
        #expect(WorkloadSpreadVersion.of(cloneSetPod) == WorkloadSpreadVersion.ignored)
    }

    @Test func workloadVersions() {
        #expect(WorkloadSpreadVersion.latestOfCloneSet(generation: 2, observedGeneration: 2, updateRevision: "web-5d8f") == "5d8f")
        #expect(WorkloadSpreadVersion.latestOfCloneSet(generation: 3, observedGeneration: 2, updateRevision: "web-5d8f") == nil)

        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
        deployment.metadata.uid = "d1"
        deployment.spec.template.metadata.labels = ["app": "web"]
        deployment.spec.template.spec.containers = [Container(name: "main", image: "nginx:2")]
        func replicaSet(_ hash: String, image: String, owner: String = "d1") -> ReplicaSet {
            var rs = ReplicaSet(metadata: ObjectMeta(name: "web-\(hash)", namespace: "default"))
            rs.metadata.labels = [KruiseKeys.podTemplateHash: hash]
            var ref = OwnerReference()
            ref.kind = "Deployment"
            ref.uid = owner
            ref.controller = true
            rs.metadata.ownerReferences = [ref]
            rs.spec.template.metadata.labels = ["app": "web", KruiseKeys.podTemplateHash: hash]
            rs.spec.template.spec.containers = [Container(name: "main", image: image)]
            return rs
        }
        let sets = [replicaSet("old", image: "nginx:1"), replicaSet("other", image: "nginx:2", owner: "x"), replicaSet("new", image: "nginx:2")]
        #expect(WorkloadSpreadVersion.latest(of: deployment, replicaSets: sets) == "new")
        #expect(WorkloadSpreadVersion.latest(of: deployment, replicaSets: Array(sets.prefix(2))) == nil)
        #expect(WorkloadSpreadVersion.latest(of: sets[0]) == "old")
    }

    @Test(arguments: [
        // (maxReplicas of zone-a, workload replicas, expected missingReplicas of zone-a)
        (IntOrString.int(2), 6, Int32(2)),
        (IntOrString.string("50%"), 5, Int32(3)),  // ceil(2.5)
        (IntOrString.string("50%"), 4, Int32(2)),
        (IntOrString.string("1%"), 10, Int32(1)),  // ceil(0.1)
        (IntOrString.string("0%"), 10, Int32(0)),
    ])
    func initialStatuses(maxReplicas: IntOrString, replicas: Int, expected: Int32) {
        let ws = WorkloadSpreadFixtures.zones(zoneAMax: maxReplicas)
        let statuses = WorkloadSpreadSubsetStatus.initial(for: ws.spec, workloadReplicas: replicas)
        #expect(statuses.map(\.name) == ["zone-a", "zone-b"])
        #expect(statuses.map(\.missingReplicas) == [expected, -1])
        #expect(statuses.map(\.replicas) == [0, 0])
        #expect(statuses[0].object["replicas"] == 0)
    }
}
