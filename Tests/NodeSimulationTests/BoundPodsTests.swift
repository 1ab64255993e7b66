import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

/// ``BoundPods`` kept up to date pod by pod must hold the same sums as one built from the pods as they end
/// up, and decisions over sums split in parts must equal decisions over the whole.
@Suite struct BoundPodsTests {
    static let nodeNames = ["kruise-node-1", "kruise-node-2", "kruise-node-3", "kruise-node-4"]

    /// A random version of the pod `name`: on a node or not, running or finished, of one of three
    /// controllers or none, being deleted or not, with or without anti-affinity, with some CPU and memory.
    /// Built as JSON directly (YAML parsing would make this test slow in debug builds).
    static func randomPod(_ name: String, using random: inout SplitMix64) -> Pod {
        let cpu = Int.random(in: 0...4, using: &random) * 250
        let memory = Int.random(in: 0...3, using: &random) * 64
        var requests: JSONValue = [:]
        if cpu > 0 { requests["cpu"] = .string("\(cpu)m") }
        if memory > 0 { requests["memory"] = .string("\(memory)Mi") }
        var spec: JSONValue = ["containers": [["name": "a", "image": "x", "resources": ["requests": requests]]]]
        if Int.random(in: 0..<8, using: &random) == 0 {
            spec["affinity"] = [
                "podAntiAffinity": [
                    "requiredDuringSchedulingIgnoredDuringExecution": [
                        ["topologyKey": "kubernetes.io/hostname", "labelSelector": ["matchLabels": ["app": "web"]]]
                    ]
                ]
            ]
        }
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        var metadata = pod.metadata
        metadata.labels = ["app": Bool.random(using: &random) ? "web" : "db"]
        metadata.uid = "uid-\(name)"
        pod.metadata = metadata
        pod.object["spec"] = spec
        if let owner = ["rs-a", "rs-b", "rs-c", nil].randomElement(using: &random)! {
            pod = Fixtures.owned(pod, by: owner)
        }
        if Int.random(in: 0..<5, using: &random) > 0 {
            pod = Fixtures.bound(pod, to: Self.nodeNames.randomElement(using: &random)!)
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
            pod.object["status"] = ["phase": .string(Bool.random(using: &random) ? "Succeeded" : "Failed")]
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
            var metadata = pod.metadata
            metadata.deletionTimestamp = Fixtures.t0
            pod.metadata = metadata
        }
        return pod
    }

    /// `pod` changed everywhere but its spec (labels, owner, phase, deletion), as status writes and label
    /// patches change pods: the index then reuses what the earlier version's spec counted.
    static func changedOutsideSpec(_ pod: Pod, using random: inout SplitMix64) -> Pod {
        var changed = pod
        var metadata = changed.metadata
        metadata.labels = ["app": Bool.random(using: &random) ? "web" : "db", "step": .init(random.hex(2))]
        if Int.random(in: 0..<6, using: &random) == 0 { metadata.deletionTimestamp = Fixtures.t0 }
        changed.metadata = metadata
        if Int.random(in: 0..<4, using: &random) == 0, let owner = ["rs-a", "rs-b"].randomElement(using: &random) {
            changed = Fixtures.owned(changed, by: owner)
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: changed.object["status"] = ["phase": "Succeeded"]
        case 1: changed.object["status"] = ["phase": "Running"]
        default: break
        }
        return changed
    }

    /// The sums as comparable text, node by node.
    static func describe(_ bound: BoundPods) -> [String] {
        var lines = bound.nodes.keys.sorted().map { name -> String in
            let sums = bound.nodes[name]!
            let controllers = sums.byController.map { "\($0.key.namespace)/\($0.key.controllerUID)=\($0.value)" }.sorted()
            return "\(name) pods=\(sums.pods) cpu=\(sums.requested.milliCPU) mem=\(sums.requested.memory) "
                + "nzcpu=\(sums.nonZeroRequested.milliCPU) nzmem=\(sums.nonZeroRequested.memory) "
                + "controllers=\(controllers) members=\(sums.members.keys.sorted())"
        }
        lines.append("anti-affinity: \(bound.withAntiAffinity.keys.sorted())")
        return lines
    }

    @Test func updatesAndRemovalsKeepTheSumsOfTheLatestVersions() {
        var random = SplitMix64(seed: 7)
        var incremental = BoundPods()
        var latest: [String: Pod] = [:]
        let names = (0..<24).map { "p\($0)" }
        var nonEmptyChecks = 0
        for step in 0..<1_000 {
            let name = names.randomElement(using: &random)!
            if Int.random(in: 0..<5, using: &random) == 0 {
                incremental.remove(namespace: "default", name: name)
                latest[name] = nil
            } else {
                let pod: Pod
                if let previous = latest[name], Bool.random(using: &random) {
                    pod = Self.changedOutsideSpec(previous, using: &random)
                } else {
                    pod = Self.randomPod(name, using: &random)
                }
                // As the index applies an event: from what the pod counted before.
                let counted = incremental.member(namespace: "default", name: name)
                incremental.replace(namespace: "default", name: name, with: BoundPods.member(for: pod, previous: counted))
                latest[name] = pod
            }
            if step % 50 == 0 {
                // A summary taken now stays as it was while the sums go on changing.
                let summary = incremental.summary
                let before = Self.describe(summary)
                let changed = Self.randomPod(names[0], using: &random)
                incremental.update(changed)
                latest[names[0]] = changed
                #expect(Self.describe(summary) == before)
            }
            guard step % 4 == 3 else { continue }
            let whole = BoundPods(pods: latest.values)
            #expect(Self.describe(incremental) == Self.describe(whole), "after step \(step)")
            if !whole.nodes.isEmpty { nonEmptyChecks += 1 }
        }
        #expect(nonEmptyChecks > 150)
    }

    @Test func decisionsOverSumsInPartsEqualDecisionsOverTheWhole() {
        var random = SplitMix64(seed: 11)
        let planner = SchedulerPlanner()
        let nodes = Fixtures.nodes(4, yaml: "defaults: {capacity: {cpu: 4, memory: 2Gi, pods: 12}}")
        var decisions: Set<String> = []
        for round in 0..<80 {
            let pods = (0..<Int.random(in: 0...30, using: &random)).map { Self.randomPod("b\(round)-\($0)", using: &random) }
            let split = Int.random(in: 0...pods.count, using: &random)
            let pending = Fixtures.owned(
                Fixtures.pod("new", labels: ["app": "web"], yaml: "containers: [{name: a, image: x, resources: {requests: {cpu: 500m}}}]"),
                by: "rs-a")
            let whole = planner.decide(pod: pending, nodes: nodes, boundPods: pods)
            let parts = planner.decide(
                pod: pending, nodes: nodes, bound: [BoundPods(pods: pods[..<split]), BoundPods(pods: pods[split...])])
            #expect(whole == parts, "round \(round)")
            decisions.insert("\(whole)")
        }
        // The rounds reach several outcomes (different nodes, and full clusters).
        #expect(decisions.count >= 3)
    }
}
