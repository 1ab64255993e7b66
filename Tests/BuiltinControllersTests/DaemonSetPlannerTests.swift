import BuiltinControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct DaemonSetPlannerTests {
    let planner = DaemonSetPlanner()
    static let nodes = ["n1", "n2", "n3"].map { DaemonSetNodePlacement(name: $0, shouldRun: true) }

    static func set(image: String = "agent:1", rolling: JSONValue? = nil) -> DaemonSet {
        var metadata = ObjectMeta(name: "agent", namespace: "default")
        metadata.uid = "uid-agent"
        metadata.generation = 2
        var set = DaemonSet(metadata: metadata)
        var spec = DaemonSetSpec()
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        spec.template = Fixtures.template(image: image)
        if let rolling { spec.object["updateStrategy"] = ["type": "RollingUpdate", "rollingUpdate": rolling] }
        set.spec = spec
        return set
    }

    static func revision(_ set: DaemonSet) throws -> ControllerRevision {
        let plan = try DaemonSetPlanner().plan(daemonSet: set, nodes: [], pods: [], revisions: [], now: Fixtures.now)
        guard case .createControllerRevision(let revision)? = plan.actions.first else { fatalError("no revision") }
        return revision
    }

    static func pod(_ name: String, node: String, hash: String, ready: Bool = true, created: Int64 = 3600) -> Pod {
        var pod = Fixtures.pod(name, owner: ("DaemonSet", "agent", "uid-agent"), ready: ready, node: node, created: created)
        var metadata = pod.metadata
        var labels = metadata.labels
        labels["controller-revision-hash"] = hash
        metadata.labels = labels
        pod.metadata = metadata
        return pod
    }

    @Test func createsOnePinnedPodPerEligibleNode() throws {
        let set = Self.set()
        let plan = try planner.plan(daemonSet: set, nodes: Self.nodes, pods: [], revisions: [], now: Fixtures.now)
        let revision = try Self.revision(set)
        let hash = revision.metadata.labels["controller-revision-hash"]
        #expect(revision.name == "agent-\(hash ?? "")")
        let pods = Fixtures.createdPods(plan)
        #expect(pods.map { PodPredicates.targetNodeName($0) } == ["n1", "n2", "n3"])
        #expect(plan.steps.dropFirst().map(\.count) == [1, 2])
        let pod = pods[0]
        #expect(pod.metadata.generateName == "agent-")
        #expect(pod.metadata.labels["controller-revision-hash"] == hash)
        #expect(pod.metadata.labels["pod-template-generation"] == "2")
        let terms = pod.spec.affinity?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]
        #expect(terms == [["matchFields": [["key": "metadata.name", "operator": "In", "values": ["n1"]]]]])
        #expect(Set(pod.spec.tolerations.compactMap(\.key)) == Set(DaemonSetPlanner.defaultTolerations.compactMap(\.key)))
        #expect(DaemonSetPlanner.defaultTolerations(hostNetwork: true).count == 7)
        #expect(plan.status.desiredNumberScheduled == 3 && plan.status.currentNumberScheduled == 0)
    }

    @Test func deletesMisplacedAndDuplicatePodsAndCountsStatus() throws {
        let set = Self.set()
        let hash = try Self.revision(set).metadata.labels["controller-revision-hash"] ?? ""
        let nodes = [DaemonSetNodePlacement(name: "n1", shouldRun: true), DaemonSetNodePlacement(name: "n2", shouldRun: false)]
        let pods = [
            Self.pod("keep", node: "n1", hash: hash, created: 500),
            Self.pod("dup", node: "n1", hash: hash, created: 10),
            Self.pod("evict", node: "n2", hash: hash),
        ]
        let revision = try Self.revision(set)
        let plan = try planner.plan(daemonSet: set, nodes: nodes, pods: pods, revisions: [revision], now: Fixtures.now)
        #expect(Set(Fixtures.deletedNames(plan)) == ["dup", "evict"])
        let s = plan.status
        #expect((s.desiredNumberScheduled, s.currentNumberScheduled, s.numberMisscheduled, s.numberReady, s.numberAvailable, s.updatedNumberScheduled)
            == (1, 1, 1, 1, 1, 1))
        #expect(s.observedGeneration == 2)
    }

    /// Rolling update from agent:1 to agent:2 on three nodes: (maxUnavailable, maxSurge) → (deleted, created).
    @Test(arguments: [
        (rolling: JSONValue?.none, deleted: 1, created: 0),
        (rolling: ["maxUnavailable": 2], deleted: 2, created: 0),
        (rolling: ["maxUnavailable": "100%"], deleted: 3, created: 0),
        (rolling: ["maxUnavailable": 0, "maxSurge": 1], deleted: 0, created: 1),
    ] as [(JSONValue?, Int, Int)])
    func rollingUpdate(rolling: JSONValue?, deleted: Int, created: Int) throws {
        let old = try Self.revision(Self.set(image: "agent:1"))
        let oldHash = old.metadata.labels["controller-revision-hash"] ?? ""
        let set = Self.set(image: "agent:2", rolling: rolling)
        let new = try Self.revision(set)
        var bumped = new
        bumped.revision = 2
        let pods = ["n1", "n2", "n3"].map { Self.pod("p-\($0)", node: $0, hash: oldHash) }
        let plan = try planner.plan(daemonSet: set, nodes: Self.nodes, pods: pods, revisions: [old, bumped], now: Fixtures.now)
        #expect(Fixtures.deletedNames(plan).count == deleted)
        #expect(Fixtures.createdPods(plan).count == created)
        #expect(plan.status.updatedNumberScheduled == 0)
        let onDelete = Self.set(image: "agent:2")
        var onDeleteSet = onDelete
        onDeleteSet.spec.object["updateStrategy"] = ["type": "OnDelete"]
        let idle = try planner.plan(daemonSet: onDeleteSet, nodes: Self.nodes, pods: pods, revisions: [old, bumped], now: Fixtures.now)
        #expect(idle.isIdle)
    }

    @Test func surgeDeletesOldOnceNewIsAvailable() throws {
        let old = try Self.revision(Self.set(image: "agent:1"))
        let oldHash = old.metadata.labels["controller-revision-hash"] ?? ""
        let set = Self.set(image: "agent:2", rolling: ["maxUnavailable": 0, "maxSurge": 1])
        var new = try Self.revision(set)
        new.revision = 2
        let newHash = new.metadata.labels["controller-revision-hash"] ?? ""
        let pods = [
            Self.pod("old", node: "n1", hash: oldHash, created: 5000),
            Self.pod("new", node: "n1", hash: newHash, created: 100),
        ]
        let nodes = [DaemonSetNodePlacement(name: "n1", shouldRun: true)]
        let plan = try planner.plan(daemonSet: set, nodes: nodes, pods: pods, revisions: [old, new], now: Fixtures.now)
        #expect(Fixtures.deletedNames(plan) == ["old"])
    }
}
