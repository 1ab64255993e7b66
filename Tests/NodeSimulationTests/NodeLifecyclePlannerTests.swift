import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

@Suite struct NodeLifecyclePlannerTests {
    let t0 = Fixtures.t0
    let planner = NodeLifecyclePlanner()

    func readyPod(_ name: String, node: String, tolerations: String = "") -> Pod {
        var pod = Fixtures.bound(Fixtures.pod(name, yaml: "\(tolerations)containers: [{name: a, image: x}]"), to: node)
        var status = pod.status
        status.phase = "Running"
        status.conditions = [Condition(type: "Ready", status: "True")]
        pod.status = status
        return pod
    }

    @Test func healthyNodeIsLeftAlone() {
        let node = Fixtures.nodes(1)[0]
        let plan = planner.plan(node: node, lease: nil, pods: [readyPod("p", node: node.name)], now: t0.adding(seconds: 30))
        #expect(plan.nodeStatus == nil && plan.taints == nil && plan.podsMarkedNotReady.isEmpty && plan.evictions.isEmpty)
        #expect(plan.recheckAt == t0.adding(seconds: 40).adding(.milliseconds(1)))
        // A renewed Lease counts as a heartbeat.
        let lease = NodeStatusUpdates.lease(for: node, now: t0.adding(seconds: 35))
        #expect(planner.plan(node: node, lease: lease, pods: [], now: t0.adding(seconds: 60)).nodeStatus == nil)
    }

    @Test func stoppedKubeletLeadsToTaintsNotReadyPodsAndEvictions() throws {
        let node = Fixtures.nodes(1)[0]
        let plain = readyPod("plain", node: node.name)
        let short = readyPod("short", node: node.name, tolerations: "tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10}]\n")
        let forever = readyPod("forever", node: node.name, tolerations: "tolerations: [{operator: Exists}]\n")
        let pods = [plain, short, forever]

        // Grace period passes: conditions Unknown, unreachable taints, pods not ready, nobody evicted yet.
        let now = t0.adding(seconds: 41)
        let first = planner.plan(node: node, lease: nil, pods: pods, now: now)
        let status = try #require(first.nodeStatus)
        #expect(status.conditions[type: "Ready"]?.status == "Unknown")
        #expect(status.conditions[type: "Ready"]?.reason == "NodeStatusUnknown")
        let taints = try #require(first.taints)
        #expect(taints.map { "\($0.key):\($0.effect)" } == ["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"])
        #expect(taints[1].timeAdded == now)
        #expect(first.podsMarkedNotReady.map(\.name) == ["plain", "short", "forever"])
        #expect(first.podsMarkedNotReady[0].status.conditions[type: "Ready"]?.status == "False")
        #expect(first.evictions.isEmpty)
        #expect(first.recheckAt == now.adding(seconds: 10))

        var tainted = node
        tainted.status = status
        var spec = tainted.spec
        spec.taints = taints
        tainted.spec = spec
        let notReady = first.podsMarkedNotReady
        #expect(planner.plan(node: tainted, lease: nil, pods: notReady, now: now.adding(seconds: 10)).evictions.map(\.name) == ["short"])
        let late = planner.plan(node: tainted, lease: nil, pods: notReady, now: now.adding(seconds: 300))
        #expect(late.evictions.map(\.name) == ["plain", "short"])
        #expect(late.evictions[0].disruptionCondition.reason == "DeletionByTaintManager")
        #expect(late.taints == nil && late.nodeStatus == nil)

        // Without default tolerations, untolerating pods go at once.
        let strict = NodeLifecyclePlanner(assumeDefaultTolerations: false)
        #expect(strict.plan(node: tainted, lease: nil, pods: notReady, now: now).evictions.map(\.name) == ["plain"])

        // The kubelet comes back: the taints go.
        var recovered = tainted
        var recoveredStatus = recovered.status
        recoveredStatus.conditions = NodeStatusUpdates.healthyConditions(now: now.adding(seconds: 20), previous: status.conditions)
        recovered.status = recoveredStatus
        #expect(planner.plan(node: recovered, lease: nil, pods: [], now: now.adding(seconds: 21)).taints == [])
    }

    @Test func notReadyNodeGetsNotReadyTaints() throws {
        var node = Fixtures.nodes(1)[0]
        var status = node.status
        var conditions = status.conditions
        var ready = conditions[type: "Ready"]!
        ready.status = "False"
        conditions.set(ready)
        status.conditions = conditions
        node.status = status
        let plan = planner.plan(node: node, lease: nil, pods: [], now: t0.adding(seconds: 5))
        #expect(try #require(plan.taints).map(\.key) == ["node.kubernetes.io/not-ready", "node.kubernetes.io/not-ready"])
        #expect(NodeLifecyclePlanner.defaultTolerations(for: Fixtures.pod("p")).map(\.tolerationSeconds) == [300, 300])
    }
}
