import ContainerRuntime
public import KubeJSON
public import KubeModel

/// The pod state machine of one simulated kubelet: from the pod as observed, its node, the runtime's view and
/// `now`, the next status to write, the pulls to run, when to look again, or the final delete.
///
/// It behaves like the kubelet: containers wait (`ContainerCreating`) while images pull, then run with
/// container IDs (`containerd://…`, deterministic from pod UID, container name and restart count), image IDs
/// (`docker.io/library/nginx@sha256:…`), pod and host IPs, `startTime`, `qosClass` and the kubelet's
/// conditions (`PodReadyToStartContainers`, `Initialized`, `Ready` with readiness gates, `ContainersReady`;
/// `PodScheduled` and other conditions are kept). A container whose spec image differs from its status image
/// is restarted in place (new container ID and image ID, `restartCount` + 1, not ready for the readiness
/// delay). Failed pulls show `ErrImagePull`, then `ImagePullBackOff` with the kubelet's messages. Pods with
/// `restartPolicy: Never/OnFailure` finish after their run duration (see ``SimulationAnnotations``). A pod
/// with a `deletionTimestamp` has its containers stopped after min(grace period, stop duration) and is then
/// deleted with grace period 0.
public struct KubeletPlanner: Sendable {
    public var timings: SimulationTimings

    public init(timings: SimulationTimings) {
        self.timings = timings
    }

    /// The container ID of container `name` of the pod with `podUID` at `restartCount`:
    /// `containerd://` and 64 hex digits.
    public static func containerID(podUID: String, containerName: String, restartCount: Int32) -> String {
        "containerd://" + SHA256.hexDigest("\(podUID)/\(containerName)/\(restartCount)")
    }

    /// The pull policy the kubelet applies to `container` (whose image is `reference`): its own, or as kube
    /// defaults it, `Always` for an untagged or `:latest` image and `IfNotPresent` otherwise.
    static func pullPolicy(of container: Container, reference: ImageReference) -> String {
        container.imagePullPolicy ?? (reference.isLatestOrUntagged ? "Always" : "IfNotPresent")
    }

    /// The next step for `pod` on `node` at `now`.
    public func plan(pod: Pod, node: Node, runtime: NodeRuntimeView, now: KubeTime) -> KubeletPlan {
        guard pod.spec.nodeName == node.name else { return .none }
        if pod.metadata.isBeingDeleted { return self.planTermination(pod: pod, now: now) }
        if pod.isTerminated { return .none }
        var cycle = KubeletCycle(planner: self, pod: pod, node: node, runtime: runtime, now: now)
        let status = cycle.run()
        return KubeletPlan(
            status: status == pod.status ? nil : status,
            imagePulls: cycle.pulls,
            recheckAt: cycle.recheckAt
        )
    }

    // MARK: Termination

    private func planTermination(pod: Pod, now: KubeTime) -> KubeletPlan {
        let statuses = pod.status.containerStatuses + pod.status.initContainerStatuses
        let allStopped = statuses.allSatisfy {
            if case .terminated = ContainerStateSnapshot($0.state) { return true }
            return false
        }
        if pod.isTerminated || (allStopped && !statuses.isEmpty) || pod.spec.containers.isEmpty {
            return KubeletPlan(deleteGracePeriodSeconds: 0)
        }
        let grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
        let deletionTimestamp = pod.metadata.deletionTimestamp ?? now
        let requestedAt = deletionTimestamp.adding(seconds: -grace)
        let anyRunning = statuses.contains {
            if case .running = ContainerStateSnapshot($0.state) { return true }
            return false
        }
        let stopDuration = min(Duration.seconds(grace), self.timings.containerStopDuration)
        let stoppedAt = anyRunning ? requestedAt.adding(stopDuration) : requestedAt
        if now < stoppedAt { return KubeletPlan(recheckAt: stoppedAt) }
        let killed = self.timings.containerStopDuration > .seconds(grace)

        var status = pod.status
        var allSucceeded = true
        func stop(_ containerStatus: ContainerStatus) -> ContainerStatus {
            var updated = containerStatus
            switch ContainerStateSnapshot(containerStatus.state) {
            case .terminated(let exitCode, _, _):
                if exitCode != 0 { allSucceeded = false }
            case .running(let startedAt):
                let exitCode: Int64 = killed ? 137 : 0
                if exitCode != 0 { allSucceeded = false }
                updated.state = ContainerStateSnapshot.terminatedJSON(
                    exitCode: exitCode,
                    reason: killed ? "Error" : "Completed",
                    startedAt: startedAt,
                    finishedAt: stoppedAt,
                    containerID: containerStatus.containerID
                )
                updated.ready = false
                updated.started = false
            case .waiting, .none:
                allSucceeded = false
                updated.state = ContainerStateSnapshot.terminatedJSON(
                    exitCode: 137,
                    reason: "ContainerStatusUnknown",
                    message: "The container could not be located when the pod was terminated",
                    startedAt: nil,
                    finishedAt: stoppedAt,
                    containerID: nil
                )
                updated.ready = false
                updated.started = false
            }
            return updated
        }
        var containerStatuses = status.containerStatuses.map(stop)
        let known = Set(containerStatuses.map(\.name))
        for container in pod.spec.containers where !known.contains(container.name) {
            var added = ContainerStatus()
            added.name = container.name
            added.image = container.image
            added.imageID = ""
            added.restartCount = 0
            added.started = false
            added.ready = false
            added.object["lastState"] = .emptyObject
            containerStatuses.append(stop(added))
        }
        status.containerStatuses = containerStatuses
        status.initContainerStatuses = status.initContainerStatuses.map { initStatus in
            if case .running = ContainerStateSnapshot(initStatus.state) { return stop(initStatus) }
            return initStatus
        }
        let phase = allSucceeded ? "Succeeded" : "Failed"
        status.phase = phase
        var conditions = status.conditions
        let reason = phase == "Succeeded" ? "PodCompleted" : "PodFailed"
        for type in ["Ready", "ContainersReady"] {
            var condition = Condition(type: type, status: "False", reason: reason)
            condition.object["lastProbeTime"] = .null
            condition.lastTransitionTime = now
            conditions.set(condition)
        }
        status.conditions = conditions
        return KubeletPlan(status: status, recheckAt: now)
    }
}
