import KubeJSON
import KubeModel

/// One sync of a StatefulSet (`updateStatefulSet`), accumulating the plan.
struct StatefulSetSync {
    let set: StatefulSet
    let pods: [Pod]
    let revisions: [ControllerRevision]
    let claimsByName: [String: PersistentVolumeClaim]
    let now: KubeTime
    let start: Int
    let replicaCount: Int
    let monotonic: Bool
    let minReadySeconds: Int32
    var steps: [[ControllerAction]] = []
    var collisionCount: Int32
    var currentRevision: ControllerRevision?
    var updateRevision: ControllerRevision?
    var requeueNow = false

    init(set: StatefulSet, pods: [Pod], revisions: [ControllerRevision], claims: [PersistentVolumeClaim], now: KubeTime) {
        self.set = set
        self.pods = pods
        self.revisions = RevisionHistory.sorted(revisions)
        var claimsByName: [String: PersistentVolumeClaim] = [:]
        for claim in claims { claimsByName[claim.name] = claim }
        self.claimsByName = claimsByName
        self.now = now
        self.start = Int(set.spec.object["ordinals"]?["start"]?.int64Value ?? 0)
        self.replicaCount = Int(max(set.spec.replicas ?? 1, 0))
        self.monotonic = set.spec.podManagementPolicy != "Parallel"
        self.minReadySeconds = set.spec.minReadySeconds ?? 0
        self.collisionCount = set.status.collisionCount ?? 0
    }

    var isRollingUpdate: Bool { (self.set.spec.updateStrategyType ?? "RollingUpdate") == "RollingUpdate" }
    var partition: Int { Int(max(self.set.spec.partition ?? 0, 0)) }

    static func revision(of pod: Pod) -> String? { pod.metadata.labels[RevisionHistory.revisionLabel] }

    func isHealthy(_ pod: Pod) -> Bool { PodPredicates.isRunningAndReady(pod) && !PodPredicates.isTerminating(pod) }
    func isAvailable(_ pod: Pod) -> Bool {
        PodPredicates.isRunningAndReady(pod)
            && PodReadiness.isAvailable(pod, minReadySeconds: self.minReadySeconds, now: self.now)
    }

    // MARK: Revisions

    /// `getStatefulSetRevisions`.
    mutating func syncRevisions() {
        let template = self.set.spec.template
        let next = RevisionHistory.nextRevisionNumber(self.revisions)
        let equal = self.revisions.filter { RevisionHistory.matches($0, template: template) }
        if let latest = self.revisions.last, let lastEqual = equal.last, latest.name == lastEqual.name {
            self.updateRevision = latest
        } else if var reused = equal.last {
            reused.revision = next
            self.steps.append([.updateControllerRevision(reused)])
            self.updateRevision = reused
        } else {
            let data = RevisionHistory.templatePatch(template)
            let hash = TemplateHash.revisionHash(data: data, collisionCount: self.collisionCount)
            let name = RevisionHistory.revisionName(prefix: self.set.name, hash: hash)
            if self.revisions.contains(where: { $0.name == name }) {
                self.collisionCount &+= 1
                self.requeueNow = true
                return
            }
            var labels = template.metadata.labels
            labels[RevisionHistory.hashLabel] = hash
            let created = RevisionHistory.make(owner: self.set, template: template, name: name, labels: labels, revision: next)
            self.steps.append([.createControllerRevision(created)])
            self.updateRevision = created
        }
        let currentName = self.set.status.currentRevision
        self.currentRevision = self.revisions.first { $0.name == currentName } ?? self.updateRevision
    }

    // MARK: The sync

    mutating func run() {
        self.syncRevisions()
        guard let update = self.updateRevision, let current = self.currentRevision else { return }
        if self.set.metadata.isBeingDeleted { return }
        var replicas: [Pod?] = Array(repeating: nil, count: self.replicaCount)
        var condemned: [(ordinal: Int, pod: Pod)] = []
        for pod in self.pods {
            guard let ordinal = StatefulSetPlanner.ordinal(ofPod: pod.name, setName: self.set.name) else { continue }
            if ordinal >= self.start && ordinal < self.start + self.replicaCount {
                replicas[ordinal - self.start] = pod
            } else {
                condemned.append((ordinal, pod))
            }
        }
        condemned.sort { $0.ordinal > $1.ordinal }
        let firstUnhealthy = (replicas.compactMap { $0 } + condemned.map(\.pod)).first { !self.isHealthy($0) }?.name

        var creations: [ControllerAction] = [], claimCreations: [ControllerAction] = [], deletions: [ControllerAction] = []
        var planned = Set<Int>()
        processing: for index in 0..<replicas.count {
            let ordinal = self.start + index
            guard let pod = replicas[index] else {
                let claims = StatefulSetPlanner.claims(for: self.set, ordinal: ordinal)
                if claims.contains(where: { self.claimsByName[$0.name]?.metadata.isBeingDeleted == true }) {
                    if self.monotonic { break processing } else { continue }
                }
                claimCreations += claims.filter { self.claimsByName[$0.name] == nil }.map { .createPersistentVolumeClaim($0) }
                let useCurrent = self.isRollingUpdate && index < self.partition
                let revision = useCurrent ? current : update
                let template = RevisionHistory.template(of: revision) ?? self.set.spec.template
                creations.append(.createPod(StatefulSetPlanner.pod(
                    for: self.set, ordinal: ordinal, template: template, revisionName: revision.name)))
                planned.insert(index)
                if self.monotonic { break processing } else { continue }
            }
            if PodPredicates.isTerminal(pod) {
                if !PodPredicates.isTerminating(pod) { deletions.append(.deletePod(ObjectIdentity(of: pod))) }
                if self.monotonic { break processing } else { continue }
            }
            if pod.status.phase == "Pending" {
                claimCreations += StatefulSetPlanner.claims(for: self.set, ordinal: ordinal)
                    .filter { self.claimsByName[$0.name] == nil }.map { .createPersistentVolumeClaim($0) }
            }
            if self.monotonic && (PodPredicates.isTerminating(pod) || !self.isAvailable(pod)) { break processing }
        }
        let replicasBlocked = self.monotonic && (!creations.isEmpty || !deletions.isEmpty
            || replicas.contains { $0 == nil } || replicas.contains { $0.map { PodPredicates.isTerminating($0) || !self.isAvailable($0) } ?? false })
        if !replicasBlocked {
            for (_, pod) in condemned {
                if PodPredicates.isTerminating(pod) {
                    if self.monotonic { break } else { continue }
                }
                if self.monotonic && pod.name != firstUnhealthy && !self.isAvailable(pod) { break }
                deletions.append(.deletePod(ObjectIdentity(of: pod)))
                if self.monotonic { break }
            }
        }
        let condemnedBlocked = self.monotonic && condemned.contains { _ in true }
        if !replicasBlocked && !condemnedBlocked && self.isRollingUpdate {
            // Rolling update: from the highest ordinal down to the partition, one pod at a time.
            var target = replicas.count - 1
            while target >= self.partition {
                guard let pod = replicas[target], !planned.contains(target) else { break }
                if StatefulSetSync.revision(of: pod) != update.name && !PodPredicates.isTerminating(pod) {
                    deletions.append(.deletePod(ObjectIdentity(of: pod)))
                    break
                }
                if !self.isHealthy(pod) { break }
                target -= 1
            }
        }
        if !claimCreations.isEmpty { self.steps.append(claimCreations) }
        self.steps += self.monotonic ? [creations] : SlowStart.steps(creations)
        self.steps.append(deletions)
        self.truncateHistory()
    }

    /// `truncateHistory`: deletes the oldest revisions beyond the limit that are neither current, update, nor
    /// used by a pod.
    mutating func truncateHistory() {
        var live = Set(self.pods.compactMap(StatefulSetSync.revision(of:)))
        if let name = self.currentRevision?.name { live.insert(name) }
        if let name = self.updateRevision?.name { live.insert(name) }
        let history = self.revisions.filter { !live.contains($0.name) }
        let limit = Int(self.set.spec.revisionHistoryLimit ?? 10)
        guard history.count > limit else { return }
        self.steps.append(history.prefix(history.count - limit).map { .deleteControllerRevision(ObjectIdentity(of: $0)) })
    }

    // MARK: Status

    func plan() -> ControllerPlan<StatefulSetStatus> {
        var status = self.set.status
        var replicas: Int32 = 0, ready: Int32 = 0, available: Int32 = 0, current: Int32 = 0, updated: Int32 = 0
        var untilAvailable: [Duration?] = []
        for pod in self.pods where StatefulSetPlanner.ordinal(ofPod: pod.name, setName: self.set.name) != nil {
            replicas += 1
            if PodPredicates.isRunningAndReady(pod) {
                ready += 1
                if self.isAvailable(pod) { available += 1 }
                untilAvailable.append(PodReadiness.timeUntilAvailable(pod, minReadySeconds: self.minReadySeconds, now: self.now))
            }
            if !PodPredicates.isTerminating(pod) {
                let revision = StatefulSetSync.revision(of: pod)
                if revision != nil && revision == self.currentRevision?.name { current += 1 }
                if revision != nil && revision == self.updateRevision?.name { updated += 1 }
            }
        }
        status.observedGeneration = self.set.metadata.generation
        status.replicas = replicas
        status.readyReplicas = ready
        status.availableReplicas = available
        status.currentReplicas = current
        status.updatedReplicas = updated
        status.collisionCount = self.collisionCount
        if let currentName = self.currentRevision?.name { status.currentRevision = currentName }
        if let updateName = self.updateRevision?.name { status.updateRevision = updateName }
        let desired = Int32(self.replicaCount)
        if self.isRollingUpdate && updated == desired && ready == desired && replicas == desired {
            status.currentReplicas = updated
            status.currentRevision = status.updateRevision
        }
        let requeue: Duration? = self.requeueNow ? .zero : PodReadiness.earliest(untilAvailable)
        return ControllerPlan(steps: self.steps, status: status, requeueAfter: requeue)
    }
}
