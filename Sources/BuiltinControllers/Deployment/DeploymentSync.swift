import KubeJSON
import KubeModel

/// One sync of a Deployment, accumulating the plan: the working copies of its ReplicaSets change as actions
/// are planned, so later decisions in the same sync see the earlier ones, as upstream's do.
struct DeploymentSync {
    let deployment: Deployment
    let pods: [Pod]
    let now: KubeTime
    let desired: Int32
    let maxSurge: Int32
    let maxUnavailable: Int32
    let isRecreate: Bool
    /// Every ReplicaSet in the namespace (for collisions).
    let namespaceReplicaSets: [ReplicaSet]
    /// The controlled ReplicaSets, oldest first, updated as actions are planned.
    var replicaSets: [ReplicaSet]
    /// The name of the new ReplicaSet, once found or created.
    var newName: String?
    /// The status as upstream's in-memory `d.Status` evolves during the sync (conditions set before the final
    /// status computation).
    var workingStatus: DeploymentStatus
    var steps: [[ControllerAction]] = []
    var requeueNow = false
    var finalStatus: DeploymentStatus?

    init(deployment: Deployment, replicaSets: [ReplicaSet], pods: [Pod], now: KubeTime) throws(PlanningError) {
        guard let selector = deployment.spec.selector, !selector.isEmpty else {
            throw .invalidSelector(FieldError(field: "spec.selector", message: "Required value"))
        }
        do { _ = try selector.asSelector() } catch { throw .invalidSelector(error) }
        self.deployment = deployment
        self.pods = pods
        self.now = now
        self.desired = deployment.spec.replicas ?? 1
        self.isRecreate = deployment.spec.strategyType == "Recreate"
        if self.isRecreate || self.desired == 0 {
            self.maxSurge = 0
            self.maxUnavailable = 0
        } else {
            let (surge, unavailable) = try DeploymentPlanner.resolveFenceposts(
                maxSurge: deployment.spec.maxSurge, maxUnavailable: deployment.spec.maxUnavailable,
                desired: Int(self.desired))
            self.maxSurge = Int32(clamping: surge)
            self.maxUnavailable = Int32(clamping: min(unavailable, Int(self.desired)))
        }
        self.namespaceReplicaSets = replicaSets
        self.replicaSets = Self.byCreation(ControllerReferences.controlled(replicaSets, by: deployment))
        self.workingStatus = deployment.status
        self.newName = self.replicaSets.first {
            DeploymentPlanner.templatesEqualIgnoringHash($0.spec.template, deployment.spec.template)
        }?.name
    }

    // MARK: Views of the working set

    var newReplicaSet: ReplicaSet? { self.newName.flatMap { name in self.replicaSets.first { $0.name == name } } }
    var oldReplicaSets: [ReplicaSet] { self.replicaSets.filter { $0.name != self.newName } }
    var hasProgressDeadline: Bool {
        (self.deployment.spec.progressDeadlineSeconds ?? DeploymentPlanner.defaultProgressDeadlineSeconds) != Int32.max
    }
    var progressDeadline: Int64 {
        Int64(self.deployment.spec.progressDeadlineSeconds ?? DeploymentPlanner.defaultProgressDeadlineSeconds)
    }

    static func byCreation(_ sets: [ReplicaSet]) -> [ReplicaSet] {
        sets.sorted { lhs, rhs in
            let lhsTime = lhs.metadata.creationTimestamp ?? .epoch, rhsTime = rhs.metadata.creationTimestamp ?? .epoch
            if lhsTime != rhsTime { return lhsTime < rhsTime }
            return lhs.name < rhs.name
        }
    }

    static func specReplicas(_ set: ReplicaSet) -> Int32 { set.spec.replicas ?? 1 }
    static func revision(_ set: ReplicaSet) -> Int64 {
        Int64(set.metadata.annotations[DeploymentPlanner.revisionAnnotation] ?? "") ?? 0
    }
    static func sum(_ sets: [ReplicaSet], _ value: (ReplicaSet) -> Int32) -> Int32 { sets.reduce(0) { $0 + value($1) } }

    mutating func replace(_ set: ReplicaSet) {
        if let index = self.replicaSets.firstIndex(where: { $0.name == set.name }) { self.replicaSets[index] = set }
    }

    // MARK: The sync

    mutating func run() {
        if self.deployment.metadata.isBeingDeleted {
            self.finalStatus = self.calculateStatus()
            return
        }
        self.checkPausedConditions()
        if self.deployment.spec.paused {
            self.syncScaleOnly(createNew: false)
            self.cleanupIfNeeded(paused: true)
            self.finalStatus = self.calculateStatus()
            return
        }
        if self.isScalingEvent() {
            self.syncScaleOnly(createNew: false)
            self.finalStatus = self.calculateStatus()
            return
        }
        if self.isRecreate { self.rolloutRecreate() } else { self.rolloutRolling() }
    }

    func plan() -> ControllerPlan<DeploymentStatus> {
        let status = self.finalStatus ?? self.calculateStatus()
        var requeue: Duration? = self.requeueNow ? .zero : nil
        if requeue == nil, self.hasProgressDeadline, let condition = status.conditions[type: "Progressing"],
           condition.reason != DeploymentReason.newReplicaSetAvailable, condition.reason != DeploymentReason.timedOut,
           condition.reason != DeploymentReason.paused, let updated = condition.lastUpdateTime
        {
            let after = updated.adding(seconds: self.progressDeadline).duration(since: self.now)
            requeue = after < .seconds(1) ? .zero : after + .seconds(1)
        }
        return ControllerPlan(steps: self.steps, status: status, requeueAfter: requeue)
    }

    /// `checkPausedConditions`.
    mutating func checkPausedConditions() {
        guard self.hasProgressDeadline else { return }
        let current = self.workingStatus.conditions[type: "Progressing"]
        let pausedReason = current?.reason == DeploymentReason.paused
        if self.deployment.spec.paused && !pausedReason {
            self.setCondition("Progressing", "Unknown", DeploymentReason.paused, "Deployment is paused")
        } else if !self.deployment.spec.paused && pausedReason {
            self.setCondition("Progressing", "Unknown", DeploymentReason.resumed, "Deployment is resumed")
        }
    }

    /// `SetDeploymentCondition` on the working status: unchanged when status and reason are the same; the
    /// transition time kept when only the reason changes.
    mutating func setCondition(_ type: String, _ status: String, _ reason: String, _ message: String) {
        var conditions = self.workingStatus.conditions
        DeploymentConditions.set(&conditions, type: type, status: status, reason: reason, message: message, now: self.now)
        self.workingStatus.conditions = conditions
    }

    /// `isScalingEvent`: an active ReplicaSet was last scaled for another `spec.replicas`.
    func isScalingEvent() -> Bool {
        for set in self.replicaSets where Self.specReplicas(set) > 0 {
            guard let text = set.metadata.annotations[DeploymentPlanner.desiredReplicasAnnotation],
                  let annotated = Int32(text)
            else { continue }
            if annotated != self.desired { return true }
        }
        return false
    }
}
