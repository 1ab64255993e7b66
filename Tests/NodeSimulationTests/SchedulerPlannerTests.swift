import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

@Suite struct SchedulerPlannerTests {
    let planner = SchedulerPlanner()

    @Test func bindsToTheLeastLoadedNodeAndBreaksTiesByName() {
        let nodes = Fixtures.nodes(3)
        let pod = Fixtures.pod("p")
        #expect(planner.decide(pod: pod, nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-1"))
        let busy = Fixtures.bound(Fixtures.pod("busy", yaml: "containers: [{name: a, image: x, resources: {requests: {cpu: '4'}}}]"), to: "kruise-node-1")
        #expect(planner.decide(pod: pod, nodes: nodes, boundPods: [busy]) == .bind(nodeName: "kruise-node-2"))
    }

    @Test func skipsPodsThatAreNotItsToPlace() {
        let nodes = Fixtures.nodes(1)
        #expect(planner.decide(pod: Fixtures.bound(Fixtures.pod("p"), to: "x"), nodes: nodes, boundPods: []) == .skipped(reason: "already assigned to node x"))
        let other = Fixtures.pod("q", yaml: "schedulerName: other\ncontainers: [{name: a, image: x}]")
        #expect(planner.decide(pod: other, nodes: nodes, boundPods: []) == .skipped(reason: "scheduler other is not default-scheduler"))
        #expect(planner.decide(pod: Fixtures.pod("r"), nodes: [], boundPods: []) == .unschedulable(message: "no nodes available to schedule pods"))
    }

    /// (node configuration, pod spec, bound pods (name, node, spec), expected message)
    @Test(arguments: [
        (
            "nodes: [{labels: {disk: ssd}}]",
            "nodeSelector: {disk: ssd}\ncontainers: [{name: a, image: x, resources: {requests: {cpu: '6'}}}]",
            [("big", "kruise-node-1", "containers: [{name: a, image: x, resources: {requests: {cpu: '4'}}}]")],
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.."
        ),
        (
            "defaults: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}",
            "containers: [{name: a, image: x}]",
            [],
            "0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
        ),
        (
            "defaults: {capacity: {cpu: 2, memory: 1Gi}}",
            "containers: [{name: a, image: x, resources: {requests: {cpu: '3', memory: 2Gi}}}]",
            [],
            "0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
        ),
        (
            "defaults: {capacity: {pods: 1}}",
            "containers: [{name: a, image: x}]",
            [("a", "kruise-node-1", "containers: [{name: a, image: x}]"), ("b", "kruise-node-2", "containers: [{name: a, image: x}]"), ("c", "kruise-node-3", "containers: [{name: a, image: x}]")],
            "0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.."
        ),
        (
            "{}",
            "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: db}}, topologyKey: kubernetes.io/hostname}]}}\ncontainers: [{name: a, image: x}]",
            [("other", "kruise-node-1", "containers: [{name: a, image: x}]")],
            "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
        ),
        (
            "{}",
            "preemptionPolicy: Never\nnodeSelector: {none: none}\ncontainers: [{name: a, image: x}]",
            [],
            "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: not eligible due to preemptionPolicy=Never.."
        ),
    ] as [(String, String, [(String, String, String)], String)])
    func unschedulableMessages(config: String, spec: String, bound: [(String, String, String)], message: String) {
        let nodes = Fixtures.nodes(3, yaml: config)
        let boundPods = bound.map { Fixtures.bound(Fixtures.pod($0.0, yaml: $0.2), to: $0.1) }
        let decision = planner.decide(pod: Fixtures.pod("p", yaml: spec), nodes: nodes, boundPods: boundPods)
        #expect(decision == .unschedulable(message: message))
    }

    @Test func unschedulableNodesAndTolerations() {
        var nodes = Fixtures.nodes(2, yaml: "defaults: {taints: [{key: maintenance, effect: NoExecute}]}")
        var spec = nodes[0].spec
        spec.unschedulable = true
        nodes[0].spec = spec
        let plain = Fixtures.pod("p")
        #expect(planner.decide(pod: plain, nodes: nodes, boundPods: []) == .unschedulable(message:
            "0/2 nodes are available: 1 node(s) had untolerated taint {maintenance: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.."))
        let tolerant = Fixtures.pod("t", yaml: "tolerations: [{operator: Exists}]\ncontainers: [{name: a, image: x}]")
        #expect(planner.decide(pod: tolerant, nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-1"))
        let keyed = Fixtures.pod("k", yaml: "tolerations: [{key: maintenance, operator: Exists, effect: NoExecute}]\ncontainers: [{name: a, image: x}]")
        #expect(planner.decide(pod: keyed, nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-2"))
    }

    @Test func effectiveRequestUsesInitContainersAndOverhead() {
        let pod = Fixtures.pod("p", yaml: """
            overhead: {cpu: 100m}
            initContainers: [{name: i, image: x, resources: {requests: {cpu: '2', memory: 1Gi}}}]
            containers:
              - {name: a, image: x, resources: {requests: {cpu: 500m, memory: 2Gi}}}
              - {name: b, image: x, resources: {requests: {cpu: 500m}}}
            """)
        let request = PodResourceRequest(pod: pod)
        #expect(request.milliCPU == 2100)
        #expect(request.memory == 2 * 1024 * 1024 * 1024)
    }

    @Test func antiAffinityAndExistingPodsAntiAffinity() {
        let nodes = Fixtures.nodes(3)
        let web = "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: web}}, topologyKey: topology.kubernetes.io/zone}]}}\ncontainers: [{name: a, image: x}]"
        let existing = [
            Fixtures.bound(Fixtures.pod("w1", labels: ["app": "web"], yaml: web), to: "kruise-node-1"),
            Fixtures.bound(Fixtures.pod("w2", labels: ["app": "web"], yaml: web), to: "kruise-node-2"),
        ]
        #expect(planner.decide(pod: Fixtures.pod("w3", labels: ["app": "web"], yaml: web), nodes: nodes, boundPods: existing) == .bind(nodeName: "kruise-node-3"))
        // A plain pod labelled app=web is kept off nodes by the existing pods' anti-affinity.
        let plain = Fixtures.pod("w4", labels: ["app": "web"])
        let all = existing + [Fixtures.bound(Fixtures.pod("w3", labels: ["app": "web"], yaml: web), to: "kruise-node-3")]
        #expect(planner.decide(pod: plain, nodes: nodes, boundPods: all) == .unschedulable(message:
            "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.."))
        // In another namespace the terms do not apply.
        #expect(planner.decide(pod: Fixtures.pod("w5", namespace: "other", labels: ["app": "web"]), nodes: nodes, boundPods: all) == .bind(nodeName: "kruise-node-1"))
    }

    @Test func podAffinityFirstPodOfAGroupMayGoAnywhere() {
        let nodes = Fixtures.nodes(3)
        let spec = "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: cache}}, topologyKey: topology.kubernetes.io/zone}]}}\ncontainers: [{name: a, image: x}]"
        #expect(planner.decide(pod: Fixtures.pod("c1", labels: ["app": "cache"], yaml: spec), nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-1"))
        let first = Fixtures.bound(Fixtures.pod("c1", labels: ["app": "cache"], yaml: spec), to: "kruise-node-2")
        #expect(planner.decide(pod: Fixtures.pod("c2", labels: ["app": "cache"], yaml: spec), nodes: nodes, boundPods: [first]) == .bind(nodeName: "kruise-node-2"))
    }

    @Test func preferredNodeAffinityAndPreferNoScheduleTaintsScore() {
        let nodes = Fixtures.nodes(3, yaml: "nodes: [{taints: [{key: soft, effect: PreferNoSchedule}]}, {}, {labels: {fast: 'yes'}}]")
        #expect(planner.decide(pod: Fixtures.pod("p"), nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-2"))
        let preferring = Fixtures.pod("q", yaml: "affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 50, preference: {matchExpressions: [{key: fast, operator: Exists}]}}]}}\ncontainers: [{name: a, image: x}]")
        #expect(planner.decide(pod: preferring, nodes: nodes, boundPods: []) == .bind(nodeName: "kruise-node-3"))
    }

    @Test func spreadsPodsOfOneControllerAcrossZonesThenNodes() {
        let nodes = Fixtures.nodes(4)  // zones a, b, c, a
        var bound: [Pod] = []
        var placed: [String] = []
        for index in 0..<4 {
            let pod = Fixtures.owned(Fixtures.pod("r\(index)"), by: "rs-uid")
            guard case .bind(let nodeName) = planner.decide(pod: pod, nodes: nodes, boundPods: bound) else {
                Issue.record("not bound")
                return
            }
            placed.append(nodeName)
            bound.append(Fixtures.bound(pod, to: nodeName))
        }
        #expect(placed == ["kruise-node-1", "kruise-node-2", "kruise-node-3", "kruise-node-4"])
    }

    @Test func unschedulableConditionAndBinding() {
        let condition = SchedulingObjects.unschedulableCondition(message: "m", now: Fixtures.t0)
        #expect(condition.type == "PodScheduled" && condition.status == "False" && condition.reason == "Unschedulable")
        #expect(condition.object["lastProbeTime"] == .null)
        let binding = SchedulingObjects.binding(for: Fixtures.pod("p"), nodeName: "n1")
        #expect(binding["kind"] == "Binding")
        #expect(binding["metadata"]?["uid"] == "uid-p")
        #expect(binding["target"]?["name"] == "n1")
        #expect(binding["target"]?["kind"] == "Node")
    }
}
