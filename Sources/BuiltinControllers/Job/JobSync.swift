import KubeJSON
import KubeModel

/// One sync of a Job, accumulating the plan.
struct JobSync {
    let job: Job
    let pods: [Pod]
    let now: KubeTime
    var status: JobStatus
    var steps: [[ControllerAction]] = []
    var requeue: Duration?

    init(job: Job, pods: [Pod], now: KubeTime) {
        self.job = job
        self.pods = pods
        self.now = now
        self.status = job.status
    }

    static func hasFinalizer(_ pod: Pod) -> Bool { pod.metadata.finalizers.contains(JobPlanner.trackingFinalizer) }
    /// `isPodFailed` with the default `podReplacementPolicy: TerminatingOrFailed`.
    static func isFailed(_ pod: Pod) -> Bool {
        pod.status.phase == "Failed" || (pod.metadata.isBeingDeleted && pod.status.phase != "Succeeded")
    }

    func uncounted(_ key: String) -> [String] {
        let list = self.status.object["uncountedTerminatedPods"]?[key]?.arrayValue ?? []
        return list.compactMap(\.stringValue)
    }

    mutating func setUncounted(succeeded: [String], failed: [String]) {
        var object = JSONObject()
        if !succeeded.isEmpty { object["succeeded"] = .array(succeeded.map { .string($0) }) }
        if !failed.isEmpty { object["failed"] = .array(failed.map { .string($0) }) }
        self.status.object["uncountedTerminatedPods"] = .object(object)
    }

    func condition(_ type: String) -> Condition? {
        self.status.conditions.first { $0.type == type && $0.isTrue }
    }

    /// Sets a Job condition: times stamped `now`, unchanged when status, reason and message are the same.
    mutating func setCondition(_ type: String, _ status: String, _ reason: String, _ message: String) {
        var conditions = self.status.conditions
        if let index = conditions.firstIndex(where: { $0.type == type }) {
            let current = conditions[index]
            if current.status == status && current.reason == reason && current.message == message { return }
            var updated = current
            updated.status = status
            updated.reason = reason
            updated.message = message
            updated.lastProbeTime = self.now
            if current.status != status { updated.lastTransitionTime = self.now }
            conditions[index] = updated
        } else {
            var condition = Condition(type: type, status: status, reason: reason, message: message)
            condition.lastProbeTime = self.now
            condition.lastTransitionTime = self.now
            conditions.append(condition)
        }
        self.status.conditions = conditions
    }

    /// Removes the tracking finalizer (where present), then deletes: pods the Job removes are never counted.
    mutating func remove(_ pods: [Pod]) {
        guard !pods.isEmpty else { return }
        let release = pods.filter(Self.hasFinalizer).map {
            ControllerAction.removePodFinalizer(ObjectIdentity(of: $0), finalizer: JobPlanner.trackingFinalizer)
        }
        self.steps.append(release)
        self.steps.append(pods.map { .deletePod(ObjectIdentity(of: $0)) })
    }

    mutating func run() {
        let finished = self.status.conditions.contains { ($0.type == "Complete" || $0.type == "Failed") && $0.isTrue }
        // 1. Track finished pods through uncountedTerminatedPods.
        var uncountedSucceeded = self.uncounted("succeeded"), uncountedFailed = self.uncounted("failed")
        let known = Set(uncountedSucceeded + uncountedFailed)
        var newlyUncounted = false
        var releases: [ControllerAction] = []
        for pod in self.pods where Self.hasFinalizer(pod) {
            let uid = pod.metadata.uid ?? ""
            let succeeded = pod.status.phase == "Succeeded"
            guard succeeded || Self.isFailed(pod) else { continue }
            if !finished && !uid.isEmpty && !known.contains(uid) {
                if succeeded { uncountedSucceeded.append(uid) } else { uncountedFailed.append(uid) }
                newlyUncounted = true
            }
            releases.append(.removePodFinalizer(ObjectIdentity(of: pod), finalizer: JobPlanner.trackingFinalizer))
        }
        if newlyUncounted {
            self.setUncounted(succeeded: uncountedSucceeded, failed: uncountedFailed)
            self.steps.append([.updateJobStatus(self.status)])
        }
        self.steps.append(releases)
        self.status.succeeded = self.status.succeeded + Int32(uncountedSucceeded.count)
        self.status.failed = self.status.failed + Int32(uncountedFailed.count)
        self.setUncounted(succeeded: [], failed: [])
        if finished { return }

        let spec = self.job.spec
        let suspended = spec.suspend ?? false
        let active = self.pods.filter(PodPredicates.isActive)
        let terminating = self.pods.filter { $0.metadata.isBeingDeleted && !$0.isTerminated }
        self.status.active = Int32(active.count)
        self.status.setValue("ready", Int32(active.filter(PodReadiness.isReady).count))
        self.status.setValue("terminating", Int32(terminating.count))
        if self.status.startTime == nil && !suspended { self.status.startTime = self.now }

        // 2. Decide whether the Job has reached a terminal state.
        let succeeded = self.status.succeeded, failed = self.status.failed
        var interim = self.condition("FailureTarget") ?? self.condition("SuccessCriteriaMet")
        if interim == nil {
            var deadlinePassed = false
            if let deadline = spec.activeDeadlineSeconds, let start = self.status.startTime, !suspended {
                let end = start.adding(seconds: deadline)
                deadlinePassed = !(self.now < end)
                if !deadlinePassed { self.requeue = end.duration(since: self.now) }
            }
            if failed > (spec.backoffLimit ?? JobPlanner.defaultBackoffLimit) {
                self.setCondition("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit")
            } else if deadlinePassed {
                self.setCondition("FailureTarget", "True", "DeadlineExceeded", "Job was active longer than specified deadline")
            } else if spec.completions.map({ succeeded >= $0 }) ?? (succeeded > 0 && active.isEmpty) {
                self.setCondition("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods")
            }
            interim = self.condition("FailureTarget") ?? self.condition("SuccessCriteriaMet")
        }
        if let interim {
            self.requeue = nil
            self.remove(active)
            if active.isEmpty && terminating.isEmpty {
                let isFailure = interim.type == "FailureTarget"
                self.setCondition(isFailure ? "Failed" : "Complete", "True", interim.reason ?? "", interim.message ?? "")
                if !isFailure { self.status.completionTime = self.now }
            }
            return
        }

        // 3. Suspension.
        if suspended {
            self.remove(active)
            self.setCondition("Suspended", "True", "JobSuspended", "Job suspended")
            return
        }
        if self.status.conditions.contains(where: { $0.type == "Suspended" && $0.isTrue }) {
            self.setCondition("Suspended", "False", "JobResumed", "Job resumed")
            self.status.startTime = self.now
        }

        // 4. Parallelism.
        let parallelism = Int(max(spec.parallelism ?? 1, 0))
        let wantActive: Int
        if let completions = spec.completions {
            wantActive = max(min(Int(completions) - Int(succeeded), parallelism), 0)
        } else {
            wantActive = succeeded > 0 ? active.count : parallelism
        }
        if active.count > wantActive {
            let victims = PodDeletionOrder(now: self.now, useDeletionCost: false).sorted(active).prefix(active.count - wantActive)
            self.remove(Array(victims))
        } else if active.count < wantActive {
            let pod = JobPlanner.pod(for: self.job)
            let count = min(wantActive - active.count, SlowStart.burstReplicas)
            self.steps += SlowStart.steps(Array(repeating: .createPod(pod), count: count))
        }
    }

    func plan() -> ControllerPlan<JobStatus> {
        ControllerPlan(steps: self.steps, status: self.status, requeueAfter: self.requeue, statusRequiresAllSteps: true)
    }
}
