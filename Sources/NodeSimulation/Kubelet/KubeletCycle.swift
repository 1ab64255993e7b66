import ContainerRuntime
import KubeJSON
import KubeModel

/// One pass of the kubelet over a live pod: computes the status and collects pulls and the recheck time.
struct KubeletCycle {
    let planner: KubeletPlanner
    let pod: Pod
    let node: Node
    let runtime: NodeRuntimeView
    let now: KubeTime
    private(set) var pulls: [ImagePullAction] = []
    private(set) var recheckAt: KubeTime?

    init(planner: KubeletPlanner, pod: Pod, node: Node, runtime: NodeRuntimeView, now: KubeTime) {
        self.planner = planner
        self.pod = pod
        self.node = node
        self.runtime = runtime
        self.now = now
    }

    private var timings: SimulationTimings { self.planner.timings }
    private var podUID: String { self.pod.metadata.uid ?? "\(self.pod.namespace)/\(self.pod.name)" }
    private var restartPolicy: String { self.pod.spec.restartPolicy ?? "Always" }

    private mutating func recheck(at time: KubeTime) {
        if let current = self.recheckAt, current <= time { return }
        self.recheckAt = max(time, self.now)
    }

    // MARK: The pass

    mutating func run() -> PodStatus {
        var status = self.pod.status
        let startTime = status.startTime ?? self.now
        status.startTime = startTime
        if let hostIP = self.node.status.addresses.first(where: { $0.type == "InternalIP" })?.address {
            status.hostIP = hostIP
            status.object["hostIPs"] = [["ip": .string(hostIP)]]
        }
        if status.podIP == nil, let cidr = self.node.spec.podCIDR,
            let podIP = PodIPAllocator(cidr: cidr).allocate(excluding: self.runtime.podIPsInUse)
        {
            status.podIP = podIP
            status.object["podIPs"] = [["ip": .string(podIP)]]
        }
        // Set once, as kube-apiserver sets it at creation: a pod's QoS class never changes (a resize that would
        // change it is refused).
        if status.object["qosClass"]?.stringValue?.isEmpty ?? true {
            status.object["qosClass"] = .string(QualityOfService(pod: self.pod).rawValue)
        }

        // Init containers, one after the other.
        var initialized = true
        var initStatuses: [ContainerStatus] = []
        let existingInit = Dictionary(status.initContainerStatuses.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for container in self.pod.spec.initContainers {
            let previous = existingInit[container.name]
            if !initialized {
                initStatuses.append(self.waitingStatus(container, previous: previous, reason: "PodInitializing", message: nil))
                continue
            }
            let next = self.advanceInitContainer(container, previous: previous, startTime: startTime)
            initStatuses.append(next)
            if case .terminated(let exitCode, _, _) = ContainerStateSnapshot(next.state), exitCode == 0 { continue }
            initialized = false
        }
        status.initContainerStatuses = initStatuses

        // Regular containers.
        let existing = Dictionary(status.containerStatuses.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var containerStatuses: [ContainerStatus] = []
        for container in self.pod.spec.containers {
            let previous = existing[container.name]
            if !initialized {
                containerStatuses.append(self.waitingStatus(container, previous: previous, reason: "PodInitializing", message: nil))
            } else {
                containerStatuses.append(self.advanceContainer(container, previous: previous, startTime: startTime))
            }
        }
        status.containerStatuses = containerStatuses

        let phase = self.phase(initialized: initialized, statuses: containerStatuses)
        status.phase = phase
        status.conditions = self.conditions(status: status, initialized: initialized, initStatuses: initStatuses, phase: phase)
        return status
    }

    // MARK: Containers

    private func baseStatus(_ container: Container, previous: ContainerStatus?) -> ContainerStatus {
        var status = ContainerStatus()
        status.name = container.name
        status.image = previous?.image ?? self.normalized(container.image)
        status.imageID = previous?.imageID ?? ""
        if let containerID = previous?.containerID { status.containerID = containerID }
        status.restartCount = previous?.restartCount ?? 0
        status.started = previous?.started ?? false
        status.ready = previous?.ready ?? false
        status.object["lastState"] = previous?.lastState ?? .emptyObject
        status.state = previous?.state
        return status
    }

    private func normalized(_ image: String?) -> String {
        guard let image else { return "" }
        return ImageReferenceCache.shared.normalized(image) ?? image
    }

    private func waitingStatus(_ container: Container, previous: ContainerStatus?, reason: String, message: String?) -> ContainerStatus {
        var status = self.baseStatus(container, previous: previous)
        status.state = ContainerStateSnapshot.waitingJSON(reason: reason, message: message)
        status.ready = false
        status.started = false
        return status
    }

    /// A new container of `container` running from `now`, with the image `local`.
    private func startedStatus(
        _ container: Container,
        previous: ContainerStatus?,
        image: LocalImage,
        restartCount: Int32,
        readinessDelay: Duration
    ) -> ContainerStatus {
        var status = self.baseStatus(container, previous: previous)
        status.image = self.normalized(container.image)
        status.imageID = image.repoDigest
        status.containerID = KubeletPlanner.containerID(podUID: self.podUID, containerName: container.name, restartCount: restartCount)
        status.restartCount = restartCount
        status.state = ContainerStateSnapshot.runningJSON(startedAt: self.now)
        status.started = true
        status.ready = readinessDelay <= .zero
        return status
    }

    private var readinessDelay: Duration {
        SimulationAnnotations.duration(self.pod.metadata.annotations[SimulationAnnotations.readyAfterSeconds])
            ?? self.timings.readinessDelay
    }

    /// How long containers run before exiting, or `nil` to run until stopped.
    private var runDuration: Duration? {
        if let annotated = SimulationAnnotations.duration(self.pod.metadata.annotations[SimulationAnnotations.runSeconds]) {
            return annotated
        }
        return self.restartPolicy == "Always" ? nil : self.timings.defaultRunDuration
    }

    private var exitCode: Int64 {
        self.pod.metadata.annotations[SimulationAnnotations.exitCode].flatMap { Int64($0) } ?? 0
    }

    private mutating func advanceInitContainer(_ container: Container, previous: ContainerStatus?, startTime: KubeTime) -> ContainerStatus {
        switch ContainerStateSnapshot(previous?.state) {
        case .terminated(let exitCode, _, _) where exitCode == 0:
            return self.baseStatus(container, previous: previous)
        case .running(let startedAt):
            let finishAt = startedAt.adding(self.timings.initContainerRunDuration)
            if self.now >= finishAt {
                var status = self.baseStatus(container, previous: previous)
                status.state = ContainerStateSnapshot.terminatedJSON(
                    exitCode: 0, reason: "Completed", startedAt: startedAt, finishedAt: finishAt, containerID: status.containerID
                )
                status.ready = true
                status.started = false
                return status
            }
            self.recheck(at: finishAt)
            return self.baseStatus(container, previous: previous)
        default:
            switch self.ensureImage(container) {
            case .ready(let image):
                var status = self.startedStatus(container, previous: previous, image: image, restartCount: previous?.restartCount ?? 0, readinessDelay: .zero)
                status.ready = false
                self.recheck(at: self.now.adding(self.timings.initContainerRunDuration))
                return status
            case .waiting(let reason, let message):
                return self.waitingStatus(container, previous: previous, reason: reason, message: message)
            }
        }
    }

    private mutating func advanceContainer(_ container: Container, previous: ContainerStatus?, startTime: KubeTime) -> ContainerStatus {
        let snapshot = ContainerStateSnapshot(previous?.state)
        let wantedImage = self.normalized(container.image)
        switch snapshot {
        case .running(let startedAt):
            var status = self.baseStatus(container, previous: previous)
            if let previousImage = previous?.image, self.normalized(previousImage) != wantedImage {
                // In-place image update: the old container is killed and a new one started.
                let lastState = ContainerStateSnapshot.terminatedJSON(
                    exitCode: 0, reason: "Completed", startedAt: startedAt, finishedAt: self.now, containerID: previous?.containerID
                )
                status.object["lastState"] = lastState
                status.restartCount = (previous?.restartCount ?? 0) + 1
                status.image = wantedImage
                status.object["containerID"] = nil
                return self.startContainer(container, status: status, restartCount: status.restartCount)
            }
            if let runDuration = self.runDuration {
                let finishAt = startedAt.adding(runDuration)
                if self.now >= finishAt {
                    let exitCode = self.exitCode
                    status.state = ContainerStateSnapshot.terminatedJSON(
                        exitCode: exitCode,
                        reason: exitCode == 0 ? "Completed" : "Error",
                        startedAt: startedAt,
                        finishedAt: finishAt,
                        containerID: status.containerID
                    )
                    status.ready = false
                    status.started = false
                    if self.shouldRestart(exitCode: exitCode) { self.recheck(at: self.now) }
                    return status
                }
                self.recheck(at: finishAt)
            }
            if !status.ready {
                let readyAt = startedAt.adding(self.readinessDelay)
                if self.now >= readyAt {
                    status.ready = true
                } else {
                    self.recheck(at: readyAt)
                }
            }
            return status
        case .terminated(let exitCode, _, let finishedAt):
            var status = self.baseStatus(container, previous: previous)
            guard self.shouldRestart(exitCode: exitCode) else { return status }
            // Restart after the crash-loop back-off.
            let restartAt = (finishedAt ?? self.now).adding(self.timings.backOff(afterFailures: Int(status.restartCount) + 1))
            status.object["lastState"] = previous?.state ?? .emptyObject
            if self.now < restartAt {
                let delay = self.timings.backOff(afterFailures: Int(status.restartCount) + 1)
                status.state = ContainerStateSnapshot.waitingJSON(
                    reason: "CrashLoopBackOff",
                    message: "back-off \(Self.goDuration(delay)) restarting failed container=\(container.name) pod=\(self.pod.name)_\(self.pod.namespace)(\(self.podUID))"
                )
                status.ready = false
                status.started = false
                self.recheck(at: restartAt)
                return status
            }
            status.restartCount += 1
            status.object["containerID"] = nil
            return self.startContainer(container, status: status, restartCount: status.restartCount)
        case .waiting(let reason) where reason == "CrashLoopBackOff":
            var status = self.baseStatus(container, previous: previous)
            let last = ContainerStateSnapshot(previous?.lastState)
            var restartAt = self.now
            if case .terminated(_, _, let finishedAt) = last {
                restartAt = (finishedAt ?? self.now).adding(self.timings.backOff(afterFailures: Int(status.restartCount) + 1))
            }
            if self.now < restartAt {
                self.recheck(at: restartAt)
                return status
            }
            status.restartCount += 1
            status.object["containerID"] = nil
            return self.startContainer(container, status: status, restartCount: status.restartCount)
        case .waiting, .none:
            let status = self.baseStatus(container, previous: previous)
            let startableAt = startTime.adding(self.timings.containerStartLatency)
            return self.startContainer(container, status: status, restartCount: status.restartCount, notBefore: startableAt)
        }
    }

    /// Starts `container` if its image is ready (and `notBefore` has passed), otherwise a waiting status.
    private mutating func startContainer(
        _ container: Container,
        status: ContainerStatus,
        restartCount: Int32,
        notBefore: KubeTime? = nil
    ) -> ContainerStatus {
        switch self.ensureImage(container) {
        case .ready(let image):
            if let notBefore, self.now < notBefore {
                self.recheck(at: notBefore)
                var waiting = status
                waiting.state = ContainerStateSnapshot.waitingJSON(reason: "ContainerCreating")
                waiting.ready = false
                waiting.started = false
                return waiting
            }
            var started = self.startedStatus(container, previous: status, image: image, restartCount: restartCount, readinessDelay: self.readinessDelay)
            started.object["lastState"] = status.lastState ?? .emptyObject
            if !started.ready { self.recheck(at: self.now.adding(self.readinessDelay)) }
            if let runDuration = self.runDuration { self.recheck(at: self.now.adding(runDuration)) }
            return started
        case .waiting(let reason, let message):
            var waiting = status
            waiting.state = ContainerStateSnapshot.waitingJSON(reason: reason, message: message)
            waiting.ready = false
            waiting.started = false
            return waiting
        }
    }

    private func shouldRestart(exitCode: Int64) -> Bool {
        switch self.restartPolicy {
        case "Never": false
        case "OnFailure": exitCode != 0
        default: true
        }
    }

    // MARK: Images

    private enum ImageReadiness {
        case ready(LocalImage)
        case waiting(reason: String, message: String?)
    }

    private mutating func ensureImage(_ container: Container) -> ImageReadiness {
        let image = container.image ?? ""
        let reference: ImageReference
        do {
            reference = try ImageReferenceCache.shared.reference(image)
        } catch {
            return .waiting(reason: "InvalidImageName", message: "Failed to apply default image tag \"\(image)\": couldn't parse image name \"\(image)\": \(error.reason)")
        }
        let key = reference.description
        let view = self.runtime.images[key] ?? ImagePullView()
        let policy = KubeletPlanner.pullPolicy(of: container, reference: reference)
        if policy == "Never" {
            if let local = view.local { return .ready(local) }
            return .waiting(reason: "ErrImageNeverPull", message: "Container image \"\(image)\" is not present with pull policy of Never")
        }
        var needsPull = view.local == nil
        if policy == "Always", let local = view.local, let remote = view.remoteDigest, remote != local.digest { needsPull = true }
        if !needsPull, let local = view.local { return .ready(local) }

        let secrets = self.pod.spec.imagePullSecrets
        if let started = view.pullStartedAt {
            let doneAt = started.adding(self.timings.pullDuration(for: reference))
            if self.now >= doneAt {
                self.addPull(.complete(reference: key, pullSecrets: secrets))
                self.recheck(at: self.now)
            } else {
                self.recheck(at: doneAt)
            }
            return .waiting(reason: "ContainerCreating", message: nil)
        }
        if let failure = view.lastFailure {
            let backOffEnd = failure.failedAt.adding(self.timings.backOff(afterFailures: failure.consecutiveFailures))
            if self.now < backOffEnd {
                let displayEnd = failure.failedAt.adding(self.timings.errImagePullDisplay)
                if self.now < displayEnd {
                    self.recheck(at: displayEnd)
                    return .waiting(reason: "ErrImagePull", message: failure.message)
                }
                self.recheck(at: backOffEnd)
                return .waiting(
                    reason: "ImagePullBackOff",
                    message: "Back-off pulling image \"\(image)\": ErrImagePull: \(failure.message)"
                )
            }
        }
        self.addPull(.start(reference: key, pullSecrets: secrets))
        self.recheck(at: self.now)
        return .waiting(reason: "ContainerCreating", message: nil)
    }

    private mutating func addPull(_ action: ImagePullAction) {
        if !self.pulls.contains(action) { self.pulls.append(action) }
    }

    // MARK: Phase and conditions

    private func phase(initialized: Bool, statuses: [ContainerStatus]) -> String {
        if !initialized { return "Pending" }
        var waiting = 0
        var running = 0
        var stopped = 0
        var succeeded = 0
        for status in statuses {
            switch ContainerStateSnapshot(status.state) {
            case .running: running += 1
            case .terminated(let exitCode, _, _):
                stopped += 1
                if exitCode == 0 { succeeded += 1 }
            case .waiting, .none:
                if case .terminated = ContainerStateSnapshot(status.lastState) { stopped += 1 } else { waiting += 1 }
            }
        }
        if waiting > 0 { return "Pending" }
        if running > 0 { return "Running" }
        if stopped > 0 {
            switch self.restartPolicy {
            case "Always": return "Running"
            case "OnFailure": return stopped == succeeded ? "Succeeded" : "Running"
            default: return stopped == succeeded ? "Succeeded" : "Failed"
            }
        }
        return "Pending"
    }

    private func conditions(status: PodStatus, initialized: Bool, initStatuses: [ContainerStatus], phase: String) -> [Condition] {
        let previous = status.conditions
        func make(_ type: String, _ value: String, reason: String? = nil, message: String? = nil) -> Condition {
            var condition = Condition(type: type, status: value, reason: reason, message: message)
            condition.object["lastProbeTime"] = .null
            if let old = previous[type: type], old.status == value, let since = old.lastTransitionTime {
                condition.lastTransitionTime = since
            } else {
                condition.lastTransitionTime = self.now
            }
            return condition
        }
        let terminalReason: String? = phase == "Succeeded" ? "PodCompleted" : (phase == "Failed" ? "PodFailed" : nil)

        var initializedCondition: Condition
        if phase == "Succeeded" {
            initializedCondition = make("Initialized", "True", reason: "PodCompleted")
        } else if initialized {
            initializedCondition = make("Initialized", "True")
        } else {
            let incomplete = initStatuses.filter {
                if case .terminated(let code, _, _) = ContainerStateSnapshot($0.state), code == 0 { return false }
                return true
            }.map(\.name)
            initializedCondition = make("Initialized", "False", reason: "ContainersNotInitialized",
                                        message: "containers with incomplete status: [\(incomplete.joined(separator: " "))]")
        }

        let containersReady: Condition
        if let terminalReason {
            containersReady = make("ContainersReady", "False", reason: terminalReason)
        } else {
            let unready = status.containerStatuses.filter { !$0.ready }.map(\.name)
            containersReady = unready.isEmpty
                ? make("ContainersReady", "True")
                : make("ContainersReady", "False", reason: "ContainersNotReady",
                       message: "containers with unready status: [\(unready.joined(separator: " "))]")
        }

        var ready: Condition
        if containersReady.status != "True" {
            ready = make("Ready", containersReady.status, reason: containersReady.reason, message: containersReady.message)
        } else {
            var messages: [String] = []
            for gate in self.pod.spec.readinessGates {
                if let condition = previous[type: gate] {
                    if condition.status != "True" {
                        messages.append("the status of pod readiness gate \"\(gate)\" is not \"True\", but \(condition.status)")
                    }
                } else {
                    messages.append("corresponding condition of pod readiness gate \"\(gate)\" does not exist.")
                }
            }
            ready = messages.isEmpty
                ? make("Ready", "True")
                : make("Ready", "False", reason: "ReadinessGatesNotReady", message: messages.joined(separator: ", "))
        }

        var scheduled = previous[type: "PodScheduled"] ?? make("PodScheduled", "True")
        if previous[type: "PodScheduled"] == nil { scheduled.lastTransitionTime = self.now }
        let kubeletOwned: Set<String> = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"]
        var conditions = [make("PodReadyToStartContainers", "True"), initializedCondition, ready, containersReady]
        var keptScheduled = false
        for condition in previous where !kubeletOwned.contains(condition.type) {
            conditions.append(condition)
            if condition.type == "PodScheduled" { keptScheduled = true }
        }
        if !keptScheduled { conditions.append(scheduled) }
        return conditions
    }

    /// Go's `time.Duration.String()` for whole seconds and minutes (`10s`, `5m0s`).
    static func goDuration(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        let milliseconds = duration.components.attoseconds / 1_000_000_000_000_000
        if seconds < 1 { return "\(milliseconds)ms" }
        if seconds < 60 { return milliseconds == 0 ? "\(seconds)s" : "\(seconds).\(String(format3(milliseconds)))s" }
        return "\(seconds / 60)m\(seconds % 60)s"
    }

    private static func format3(_ value: Int64) -> String {
        var text = String(value)
        while text.count < 3 { text = "0" + text }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
