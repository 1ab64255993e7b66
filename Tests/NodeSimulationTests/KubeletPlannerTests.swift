import ContainerRuntime
import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

@Suite struct KubeletPlannerTests {
    let node = Fixtures.nodes(1)[0]
    let t0 = Fixtures.t0

    func scheduled(_ spec: String = "containers: [{name: app, image: nginx:1.25}]", annotations: [String: String] = [:]) -> Pod {
        var pod = Fixtures.bound(Fixtures.pod("web", yaml: spec), to: node.name)
        var metadata = pod.metadata
        metadata.annotations = annotations
        pod.metadata = metadata
        var status = pod.status
        var condition = Condition(type: "PodScheduled", status: "True")
        condition.lastTransitionTime = t0
        status.conditions = [condition]
        status.phase = "Pending"
        pod.status = status
        return pod
    }

    /// Runs plans against a store until nothing is left to do at `now`, executing pulls.
    func settle(_ pod: Pod, planner: KubeletPlanner, store: SimulatedImageStore, now: KubeTime) -> (Pod, KubeletPlan) {
        var pod = pod
        for _ in 0..<10 {
            var images: [String: ImagePullView] = [:]
            for container in pod.spec.initContainers + pod.spec.containers {
                let key = (try? ImageReference(parsing: container.image ?? ""))?.description ?? ""
                images[key] = store.view(for: key)
            }
            let plan = planner.plan(pod: pod, node: node, runtime: NodeRuntimeView(images: images), now: now)
            for action in plan.imagePulls {
                switch action {
                case .start(let reference, _): store.beginPull(reference, at: now)
                case .complete(let reference, _): store.completePull(reference, credential: nil, at: now)
                }
            }
            if let status = plan.status { pod.status = status }
            if plan.imagePulls.isEmpty && (plan.status == nil || plan.recheckAt != now) { return (pod, plan) }
        }
        return (pod, KubeletPlan.none)
    }

    @Test func podGoesFromPendingToRunningAndReady() throws {
        let store = SimulatedImageStore(registry: SimulatedRegistry())
        let planner = KubeletPlanner(timings: .realistic)
        // Pull under way: ContainerCreating.
        let (pending, plan) = settle(scheduled(), planner: planner, store: store, now: t0)
        #expect(pending.status.phase == "Pending")
        #expect(pending.status.containerStatuses[0].state?["waiting"]?["reason"] == "ContainerCreating")
        #expect(pending.status.conditions.map(\.type) == ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"])
        #expect(pending.status.conditions[type: "Ready"]?.message == "containers with unready status: [app]")
        #expect(plan.recheckAt == t0.adding(seconds: 2))
        #expect(pending.status.podIP == "10.244.0.2")
        #expect(pending.status.hostIP == "172.18.0.2")
        #expect(pending.status.startTime == t0)
        #expect(pending.status.object["qosClass"] == "BestEffort")
        // Pull done: running, not ready for the readiness delay.
        let (running, _) = settle(pending, planner: planner, store: store, now: t0.adding(seconds: 2))
        let container = running.status.containerStatuses[0]
        #expect(running.status.phase == "Running")
        #expect(container.image == "docker.io/library/nginx:1.25")
        #expect(container.imageID?.hasPrefix("docker.io/library/nginx@sha256:") == true)
        #expect(container.containerID == KubeletPlanner.containerID(podUID: "uid-web", containerName: "app", restartCount: 0))
        #expect(container.containerID?.count == "containerd://".count + 64)
        #expect(container.started == true && !container.ready)
        #expect(container.state?["running"]?["startedAt"] == t0.adding(seconds: 2).json)
        // Ready after the delay.
        let (ready, last) = settle(running, planner: planner, store: store, now: t0.adding(seconds: 3))
        #expect(ready.isReady)
        #expect(ready.status.conditions[type: "ContainersReady"]?.isTrue == true)
        #expect(ready.status.conditions[type: "Ready"]?.lastTransitionTime == t0.adding(seconds: 3))
        #expect(last.status == nil || last.status == ready.status)
        // Nothing changes afterwards.
        let idle = planner.plan(pod: ready, node: node, runtime: NodeRuntimeView(images: ["docker.io/library/nginx:1.25": store.view(for: "nginx:1.25")]), now: t0.adding(seconds: 60))
        #expect(idle.status == nil)
    }

    @Test(arguments: [
        (["example.com/gate": "False"], false, "the status of pod readiness gate \"example.com/gate\" is not \"True\", but False"),
        ([:], false, "corresponding condition of pod readiness gate \"example.com/gate\" does not exist."),
        (["example.com/gate": "True"], true, nil),
    ] as [([String: String], Bool, String?)])
    func readinessGates(gates: [String: String], expectReady: Bool, message: String?) {
        let store = SimulatedImageStore(registry: SimulatedRegistry())
        var pod = scheduled("readinessGates: [{conditionType: example.com/gate}]\ncontainers: [{name: app, image: nginx:1.25}]")
        var status = pod.status
        for (type, value) in gates { status.conditions.append(Condition(type: type, status: value)) }
        pod.status = status
        let (settled, _) = settle(pod, planner: KubeletPlanner(timings: .fast), store: store, now: t0)
        #expect(settled.isReady == expectReady)
        #expect(settled.status.conditions[type: "Ready"]?.message == message)
        #expect(settled.status.conditions[type: "ContainersReady"]?.isTrue == true)
    }

    @Test func inPlaceImageUpdateRestartsTheContainer() {
        let registry = SimulatedRegistry()
        let store = SimulatedImageStore(registry: registry)
        let planner = KubeletPlanner(timings: .fast)
        let (running, _) = settle(scheduled(), planner: planner, store: store, now: t0)
        #expect(running.isReady)
        var updated = running
        var spec = updated.spec
        var containers = spec.containers
        containers[0].image = "nginx:1.26"
        spec.containers = containers
        updated.spec = spec
        let (restarted, _) = settle(updated, planner: planner, store: store, now: t0.adding(seconds: 5))
        let before = running.status.containerStatuses[0]
        let after = restarted.status.containerStatuses[0]
        #expect(after.restartCount == 1)
        #expect(after.image == "docker.io/library/nginx:1.26")
        #expect(after.imageID != before.imageID)
        #expect(after.containerID == KubeletPlanner.containerID(podUID: "uid-web", containerName: "app", restartCount: 1))
        #expect(after.lastState?["terminated"]?["containerID"] == before.containerID.map { .string($0) })
        #expect(restarted.metadata.uid == running.metadata.uid)
        #expect(restarted.isReady)
    }

    @Test func imagePullFailureShowsErrImagePullThenBackOff() {
        let registry = SimulatedRegistry()
        registry.injectFailure(.notFound, for: "nginx:nope")
        let store = SimulatedImageStore(registry: registry)
        let planner = KubeletPlanner(timings: .realistic)
        let pod = scheduled("containers: [{name: app, image: 'nginx:nope'}]")
        var (failing, _) = settle(pod, planner: planner, store: store, now: t0)
        (failing, _) = settle(failing, planner: planner, store: store, now: t0.adding(seconds: 2))
        let waiting = failing.status.containerStatuses[0].state?["waiting"]
        #expect(waiting?["reason"] == "ErrImagePull")
        let cri = "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nope\": failed to resolve reference \"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found"
        #expect(waiting?["message"]?.stringValue == cri)
        let (backOff, plan) = settle(failing, planner: planner, store: store, now: t0.adding(seconds: 4))
        let backOffState = backOff.status.containerStatuses[0].state?["waiting"]
        #expect(backOffState?["reason"] == "ImagePullBackOff")
        #expect(backOffState?["message"]?.stringValue == "Back-off pulling image \"nginx:nope\": ErrImagePull: " + cri)
        #expect(plan.recheckAt == t0.adding(seconds: 12))
        #expect(backOff.status.phase == "Pending")

        let never = scheduled("containers: [{name: app, image: 'nginx:absent', imagePullPolicy: Never}]")
        let (neverPulled, _) = settle(never, planner: planner, store: store, now: t0)
        #expect(neverPulled.status.containerStatuses[0].state?["waiting"]?["message"] == "Container image \"nginx:absent\" is not present with pull policy of Never")
    }

    @Test(arguments: [
        ("Never", "0", "Succeeded", "Completed"),
        ("Never", "3", "Failed", "Error"),
        ("OnFailure", "0", "Succeeded", "Completed"),
    ])
    func runToCompletionPods(restartPolicy: String, exitCode: String, phase: String, reason: String) {
        let store = SimulatedImageStore(registry: SimulatedRegistry())
        let planner = KubeletPlanner(timings: .fast)
        let pod = scheduled("restartPolicy: \(restartPolicy)\ncontainers: [{name: job, image: busybox:1.36}]", annotations: ["local.kruise.io/exit-code": exitCode, "local.kruise.io/run-seconds": "2"])
        let (running, plan) = settle(pod, planner: planner, store: store, now: t0)
        #expect(running.status.phase == "Running")
        #expect(plan.recheckAt == t0.adding(seconds: 2))
        let (done, _) = settle(running, planner: planner, store: store, now: t0.adding(seconds: 2))
        #expect(done.status.phase == phase)
        #expect(done.status.containerStatuses[0].state?["terminated"]?["reason"]?.stringValue == reason)
        #expect(done.status.containerStatuses[0].state?["terminated"]?["exitCode"]?.int64Value == Int64(exitCode))
        #expect(done.status.conditions[type: "Ready"]?.reason == (phase == "Succeeded" ? "PodCompleted" : "PodFailed"))
        #expect(planner.plan(pod: done, node: node, runtime: NodeRuntimeView(), now: t0.adding(seconds: 9)) == .none)
    }

    @Test func gracefulTerminationThenDeleteWithZeroGrace() throws {
        let store = SimulatedImageStore(registry: SimulatedRegistry())
        let planner = KubeletPlanner(timings: .realistic)
        var (running, _) = settle(scheduled(), planner: planner, store: store, now: t0)
        (running, _) = settle(running, planner: planner, store: store, now: t0.adding(seconds: 3))
        var deleting = running
        var metadata = deleting.metadata
        metadata.deletionTimestamp = t0.adding(seconds: 40)  // deleted at t0+10 with the default 30 s grace
        metadata.deletionGracePeriodSeconds = 30
        deleting.metadata = metadata
        let waiting = planner.plan(pod: deleting, node: node, runtime: NodeRuntimeView(), now: t0.adding(seconds: 10))
        #expect(waiting.status == nil && waiting.recheckAt == t0.adding(seconds: 11))
        let stop = planner.plan(pod: deleting, node: node, runtime: NodeRuntimeView(), now: t0.adding(seconds: 11))
        let stopped = try #require(stop.status)
        #expect(stopped.phase == "Succeeded")
        #expect(stopped.containerStatuses[0].state?["terminated"]?["exitCode"] == 0)
        #expect(stopped.containerStatuses[0].state?["terminated"]?["reason"] == "Completed")
        #expect(stop.deleteGracePeriodSeconds == nil)
        deleting.status = stopped
        #expect(planner.plan(pod: deleting, node: node, runtime: NodeRuntimeView(), now: t0.adding(seconds: 11)).deleteGracePeriodSeconds == 0)
    }

    @Test(arguments: [
        ("containers: [{name: a, image: x}]", "BestEffort"),
        ("containers: [{name: a, image: x, resources: {limits: {cpu: '1', memory: 1Gi}}}]", "Guaranteed"),
        ("containers: [{name: a, image: x, resources: {requests: {cpu: '1', memory: 1Gi}, limits: {cpu: '1', memory: 1Gi}}}]", "Guaranteed"),
        ("containers: [{name: a, image: x, resources: {requests: {cpu: 500m}, limits: {cpu: '1', memory: 1Gi}}}]", "Burstable"),
        ("containers: [{name: a, image: x, resources: {requests: {memory: 1Gi}}}]", "Burstable"),
        ("containers: [{name: a, image: x, resources: {limits: {cpu: '1', memory: 1Gi}}}, {name: b, image: x}]", "Burstable"),
    ])
    func qualityOfService(spec: String, expected: String) {
        #expect(QualityOfService(pod: Fixtures.pod("q", yaml: spec)).rawValue == expected)
    }

    @Test func podIPsAreUniqueOnTheNode() {
        let allocator = PodIPAllocator(cidr: "10.244.3.0/24")
        #expect(allocator.allocate(excluding: []) == "10.244.3.2")
        #expect(allocator.allocate(excluding: ["10.244.3.2", "10.244.3.3"]) == "10.244.3.4")
        #expect(PodIPAllocator(cidr: "10.0.0.0/30").allocate(excluding: ["10.0.0.2"]) == nil)
    }
}
