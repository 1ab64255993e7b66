import KubeJSON
import KubeModel

/// One sync of a DaemonSet, accumulating the plan.
struct DaemonSetSync {
    let set: DaemonSet
    let nodes: [DaemonSetNodePlacement]
    let revisions: [ControllerRevision]
    let now: KubeTime
    let minReadySeconds: Int32
    let maxSurge: Int
    let maxUnavailable: Int
    let desired: Int
    /// Pods by the node they run on or are pinned to (deleted terminal pods left out).
    var podsByNode: [String: [Pod]] = [:]
    var collisionCount: Int32?
    var hash: String = ""
    var steps: [[ControllerAction]] = []
    var requeueNow = false

    init(set: DaemonSet, nodes: [DaemonSetNodePlacement], pods: [Pod], revisions: [ControllerRevision], now: KubeTime)
        throws(PlanningError)
    {
        self.set = set
        self.nodes = nodes.sorted { $0.name < $1.name }
        self.revisions = RevisionHistory.sorted(revisions)
        self.now = now
        self.minReadySeconds = set.spec.minReadySeconds ?? 0
        self.collisionCount = set.status.value("collisionCount", as: Int32.self)
        self.desired = nodes.filter(\.shouldRun).count
        let rolling = set.spec.object["updateStrategy"]?["rollingUpdate"]
        let surgeValue = rolling?["maxSurge"].flatMap { try? IntOrString(json: $0) } ?? 0
        let unavailableValue = rolling?["maxUnavailable"].flatMap { try? IntOrString(json: $0) } ?? 1
        var surge: Int, unavailable: Int
        do { surge = try surgeValue.scaledValue(total: self.desired, roundUp: true) } catch {
            throw .invalidIntOrString(field: "spec.updateStrategy.rollingUpdate.maxSurge", error)
        }
        do { unavailable = try unavailableValue.scaledValue(total: self.desired, roundUp: true) } catch {
            throw .invalidIntOrString(field: "spec.updateStrategy.rollingUpdate.maxUnavailable", error)
        }
        if self.desired > 0 && surge == 0 && unavailable == 0 { unavailable = 1 }
        self.maxSurge = surge
        self.maxUnavailable = unavailable
        for pod in pods where !(pod.metadata.isBeingDeleted && pod.isTerminated) {
            guard let node = PodPredicates.targetNodeName(pod) else { continue }
            self.podsByNode[node, default: []].append(pod)
        }
    }

    var isRollingUpdate: Bool {
        (self.set.spec.object["updateStrategy"]?["type"]?.stringValue ?? "RollingUpdate") == "RollingUpdate"
    }

    func isUpdated(_ pod: Pod) -> Bool { pod.metadata.labels[RevisionHistory.revisionLabel] == self.hash }
    func isAvailable(_ pod: Pod) -> Bool {
        PodReadiness.isAvailable(pod, minReadySeconds: self.minReadySeconds, now: self.now)
    }

    /// `podByCreationTimestampAndPhase`: scheduled first, then oldest, then by name.
    static func oldestFirst(_ pods: [Pod]) -> [Pod] {
        pods.sorted { lhs, rhs in
            if lhs.isScheduled != rhs.isScheduled { return lhs.isScheduled }
            let lhsTime = lhs.metadata.creationTimestamp ?? .epoch, rhsTime = rhs.metadata.creationTimestamp ?? .epoch
            if lhsTime != rhsTime { return lhsTime < rhsTime }
            return lhs.name < rhs.name
        }
    }

    // MARK: History

    /// `constructHistory` and `cleanupHistory`.
    mutating func syncHistory() -> Bool {
        let template = self.set.spec.template
        let current = self.revisions.filter { RevisionHistory.matches($0, template: template) }
        let old = self.revisions.filter { !RevisionHistory.matches($0, template: template) }
        let next = (old.map(\.revision).max() ?? 0) + 1
        if var existing = current.last {
            self.hash = existing.metadata.labels[RevisionHistory.revisionLabel] ?? existing.name
            if existing.revision < next {
                existing.revision = next
                self.steps.append([.updateControllerRevision(existing)])
            }
        } else {
            let hash = TemplateHash.podTemplateHash(template, collisionCount: self.collisionCount)
            let name = self.set.name + "-" + hash
            if self.revisions.contains(where: { $0.name == name }) {
                self.collisionCount = (self.collisionCount ?? 0) &+ 1
                self.requeueNow = true
                return false
            }
            var labels = template.metadata.labels
            labels[RevisionHistory.revisionLabel] = hash
            self.steps.append([.createControllerRevision(
                RevisionHistory.make(owner: self.set, template: template, name: name, labels: labels, revision: next))])
            self.hash = hash
        }
        let live = Set(self.podsByNode.values.flatMap { $0 }.compactMap { $0.metadata.labels[RevisionHistory.revisionLabel] })
        let unused = old.filter { !live.contains($0.metadata.labels[RevisionHistory.revisionLabel] ?? $0.name) }
        let limit = Int(self.set.spec.revisionHistoryLimit ?? 10)
        if unused.count > limit {
            self.steps.append(unused.prefix(unused.count - limit).map { .deleteControllerRevision(ObjectIdentity(of: $0)) })
        }
        return true
    }

    // MARK: The sync

    mutating func run() {
        guard self.syncHistory(), !self.set.metadata.isBeingDeleted else { return }
        var createOn: [String] = []
        var deletions: [Pod] = []
        for node in self.nodes {
            let pods = self.podsByNode[node.name] ?? []
            if node.shouldRun && pods.isEmpty {
                createOn.append(node.name)
            } else if node.shouldContinueRunning {
                var running: [Pod] = []
                for pod in pods where !pod.metadata.isBeingDeleted {
                    if pod.isTerminated { deletions.append(pod) } else { running.append(pod) }
                }
                guard running.count > 1 else { continue }
                let ordered = Self.oldestFirst(running)
                if self.maxSurge == 0 {
                    deletions += ordered.dropFirst()
                    continue
                }
                var oldestNew: Pod?, oldestOld: Pod?
                for pod in ordered {
                    if self.isUpdated(pod) {
                        if oldestNew == nil { oldestNew = pod; continue }
                    } else if oldestOld == nil {
                        oldestOld = pod
                        continue
                    }
                    deletions.append(pod)
                }
                if let oldestNew, let oldestOld, !PodReadiness.isReady(oldestOld) || self.isAvailable(oldestNew) {
                    deletions.append(oldestOld)
                }
            } else {
                deletions += pods.filter { !$0.metadata.isBeingDeleted }
            }
        }
        if createOn.isEmpty && deletions.isEmpty && self.isRollingUpdate {
            (createOn, deletions) = self.maxSurge == 0 ? self.rollingUpdate() : self.surgingUpdate()
        }
        self.steps.append(deletions.map { .deletePod(ObjectIdentity(of: $0)) })
        let creations = createOn.prefix(SlowStart.burstReplicas).map {
            ControllerAction.createPod(DaemonSetPlanner.pod(for: self.set, node: $0, hash: self.hash))
        }
        self.steps += SlowStart.steps(Array(creations))
    }

    /// `findUpdatedPodsOnNode`: the new and the old pod, or `nil` when there is more than one of either.
    func updatedAndOld(on node: String) -> (new: Pod?, old: Pod?)? {
        var new: Pod?, old: Pod?
        for pod in self.podsByNode[node] ?? [] where !pod.metadata.isBeingDeleted {
            if self.isUpdated(pod) {
                if new != nil { return nil }
                new = pod
            } else {
                if old != nil { return nil }
                old = pod
            }
        }
        return (new, old)
    }

    var updateNodes: [DaemonSetNodePlacement] {
        self.nodes.filter { $0.shouldRun || !(self.podsByNode[$0.name] ?? []).isEmpty }
    }

    /// `rollingUpdate` without surge.
    func rollingUpdate() -> ([String], [Pod]) {
        var unavailable = 0
        var replaceNow: [Pod] = [], candidates: [Pod] = []
        for node in self.updateNodes {
            guard let (new, old) = self.updatedAndOld(on: node.name) else {
                unavailable += 1
                continue
            }
            switch (new, old) {
            case (nil, nil), (.some, .some):
                unavailable += 1
            case (let new?, nil):
                if !self.isAvailable(new) { unavailable += 1 }
            case (nil, let old?):
                if !self.isAvailable(old) {
                    replaceNow.append(old)
                } else if unavailable < self.maxUnavailable {
                    candidates.append(old)
                }
            }
        }
        let remaining = min(max(self.maxUnavailable - unavailable, 0), candidates.count)
        return ([], replaceNow + candidates.prefix(remaining))
    }

    /// `rollingUpdate` with surge.
    func surgingUpdate() -> ([String], [Pod]) {
        var deletions: [Pod] = [], shouldNotRun: [Pod] = []
        var allowed: [String] = [], candidates: [String] = []
        var surging = 0, available = 0
        for node in self.updateNodes {
            guard let (new, old) = self.updatedAndOld(on: node.name) else {
                surging += 1
                continue
            }
            if let old { if self.isAvailable(old) { available += 1 } } else if let new, self.isAvailable(new) { available += 1 }
            switch (new, old) {
            case (_, nil):
                continue
            case (nil, let old?):
                if !self.isAvailable(old) {
                    if node.shouldRun { allowed.append(node.name) } else { deletions.append(old) }
                } else if !node.shouldRun {
                    shouldNotRun.append(old)
                } else if surging < self.maxSurge {
                    candidates.append(node.name)
                }
            case (let new?, let old?):
                if self.isAvailable(new) { deletions.append(old) } else { surging += 1 }
            }
        }
        let deletable = min(max(available - self.desired, 0), shouldNotRun.count)
        deletions += shouldNotRun.prefix(deletable)
        let remaining = min(max(self.maxSurge - surging, 0), candidates.count)
        return (allowed + candidates.prefix(remaining), deletions)
    }

    // MARK: Status

    func plan() -> ControllerPlan<DaemonSetStatus> {
        var status = self.set.status
        var desired: Int32 = 0, current: Int32 = 0, ready: Int32 = 0, available: Int32 = 0, updated: Int32 = 0
        var misscheduled: Int32 = 0
        var untilAvailable: [Duration?] = []
        for node in self.nodes {
            let pods = self.podsByNode[node.name] ?? []
            if node.shouldRun {
                desired += 1
                guard let pod = Self.oldestFirst(pods).first else { continue }
                current += 1
                if PodReadiness.isReady(pod) {
                    ready += 1
                    if self.isAvailable(pod) { available += 1 }
                    untilAvailable.append(PodReadiness.timeUntilAvailable(pod, minReadySeconds: self.minReadySeconds, now: self.now))
                }
                if self.isUpdated(pod) { updated += 1 }
            } else if !pods.isEmpty {
                misscheduled += 1
            }
        }
        status.desiredNumberScheduled = desired
        status.currentNumberScheduled = current
        status.numberMisscheduled = misscheduled
        status.numberReady = ready
        status.numberAvailable = available
        status.updatedNumberScheduled = updated
        status.setValue("numberUnavailable", desired - available)
        status.observedGeneration = self.set.metadata.generation
        status.setValue("collisionCount", self.collisionCount)
        let requeue: Duration? = self.requeueNow ? .zero : PodReadiness.earliest(untilAvailable)
        return ControllerPlan(steps: self.steps, status: status, requeueAfter: requeue)
    }
}
