public import KruiseAPI
import KubeJSON
public import KubeModel

/// The WorkloadSpread controller (`pkg/controller/workloadspread`, v1.6) as a pure planner: from the observed
/// WorkloadSpread, the target workload's pods and replicas and the workload's latest version, the status to write,
/// the pod deletion costs, the pods created before the WorkloadSpread to adopt, and (Adaptive) the unschedulable
/// pods to delete.
///
/// - Pods are grouped by version (``WorkloadSpreadVersion/of(_:)``), then by subset: the subset named by their
///   match annotation, or for pods without one the best subset their node matches (when `nodes` has it), else a
///   fake subset.
/// - `subsetStatuses` aggregates all versions; each version's bucket is recomputed from its own pods, and buckets
///   of versions without pods are kept while they still hold `creatingPods`/`deletingPods` records.
/// - `creatingPods` records are dropped once their pod is seen or after 30 s (`CreatePodFailed`), `deletingPods`
///   records after 15 s if the pod is still there (`DeletePodFailed`); live records keep their place reserved.
/// - Deletion costs (Deployment, ReplicaSet and CloneSet targets): within `maxReplicas`, 100 × (n − i) for the
///   i-th of n subsets; pods beyond it (the least healthy first) −100 × (i + 1); pods in no subset
///   −100 × (n + 1). Versions other than `latestVersion` use the subsets in reverse order, so scale-down removes old
///   pods from the first subsets, where the new version's pods land.
/// - Adaptive with `rescheduleCriticalSeconds` > 0: pods of every subset but the last that stay Pending and
///   Unschedulable longer than that are deleted and their subset turns `Schedulable=False`; it turns back `True`
///   five minutes after the transition once none are left.
public enum WorkloadSpreadPlanner {
    /// How long a `creatingPods` record lives without its pod.
    public static let createPodTimeout: Duration = .seconds(30)
    /// How long a `deletingPods` record lives while its pod is still there.
    public static let deletePodTimeout: Duration = .seconds(15)
    /// How long a subset stays unschedulable.
    public static let maxScheduledFailedDuration: Duration = .seconds(300)
    /// The subset of pods that match no subset.
    public static let fakeSubsetName = "kruise.io/workloadspread-fake-subset-name"
    /// The target kinds whose pods get deletion costs.
    public static let deletionCostKinds: Set<String> = ["ReplicaSet", "Deployment", "CloneSet"]

    /// Plans one reconcile.
    ///
    /// - Parameters:
    ///   - pods: the target workload's pods (any phase).
    ///   - workloadReplicas: the workload's desired replicas (a Job's parallelism); percentages scale on it.
    ///   - latestVersion: the workload's latest version (``WorkloadSpreadVersion``); `nil` when it is not known yet,
    ///     in which case no deletion cost is planned (upstream returns an error and retries).
    ///   - nodes: nodes by name, to adopt pods created before the WorkloadSpread; empty to leave them in no subset.
    public static func plan(
        _ workloadSpread: WorkloadSpread,
        pods: [Pod],
        workloadReplicas: Int,
        latestVersion: String?,
        nodes: [String: Node] = [:],
        now: KubeTime
    ) -> WorkloadSpreadPlan {
        var plan = WorkloadSpreadPlan()
        let spec = workloadSpread.spec
        let subsets = spec.subsets

        var podsByVersion: [String: [Pod]] = [:]
        for pod in pods { podsByVersion[WorkloadSpreadVersion.of(pod), default: []].append(pod) }
        let versions = podsByVersion.keys.sorted()
        var grouped: [String: [String: [Pod]]] = [:]
        var aggregate: [String: [Pod]] = [:]
        for version in versions {
            let bySubset = self.groupBySubset(podsByVersion[version]!, workloadSpread, workloadReplicas, nodes, &plan)
            for (subset, members) in bySubset { aggregate[subset, default: []] += members }
            grouped[version] = bySubset
        }

        if let kind = spec.targetRef?.kind, deletionCostKinds.contains(kind), let latestVersion {
            for version in versions {
                self.planDeletionCosts(
                    grouped[version]!, subsets: subsets, workloadReplicas: workloadReplicas,
                    reversed: version != latestVersion, into: &plan)
            }
        }

        let oldStatus = workloadSpread.status
        var status = oldStatus
        status.observedGeneration = workloadSpread.metadata.generation ?? 0
        let (aggregateStatuses, unschedulable) = self.subsetStatuses(
            workloadSpread, old: oldStatus.subsetStatuses, pods: aggregate, workloadReplicas: workloadReplicas,
            now: now, into: &plan)
        status.subsetStatuses = aggregateStatuses
        let oldBuckets = oldStatus.versionedSubsetStatuses
        var buckets: [String: [WorkloadSpreadSubsetStatus]] = [:]
        for version in versions {
            buckets[version] = self.subsetStatuses(
                workloadSpread, old: oldBuckets[version] ?? [], pods: grouped[version]!,
                workloadReplicas: workloadReplicas, now: now, into: &plan).statuses
        }
        for version in oldBuckets.keys.sorted() where grouped[version] == nil {
            let kept = self.subsetStatuses(
                workloadSpread, old: oldBuckets[version]!, pods: [:], workloadReplicas: workloadReplicas, now: now,
                into: &plan).statuses
            let pending = kept.reduce(0) { $0 + Int($1.replicas) + $1.creatingPods.count + $1.deletingPods.count }
            if pending > 0 { buckets[version] = kept }
        }
        status.versionedSubsetStatuses = buckets
        if !Self.semanticallyEqual(status.json, oldStatus.json) { plan.status = status }
        for subset in subsets { plan.podsToDelete += unschedulable[subset.name] ?? [] }
        return plan
    }

    // MARK: - Grouping

    private static func groupBySubset(
        _ pods: [Pod], _ workloadSpread: WorkloadSpread, _ workloadReplicas: Int, _ nodes: [String: Node],
        _ plan: inout WorkloadSpreadPlan
    ) -> [String: [Pod]] {
        let subsets = workloadSpread.spec.subsets
        var result: [String: [Pod]] = [fakeSubsetName: []]
        var missing: [String: Int] = [:]
        for subset in subsets {
            result[subset.name] = []
            missing[subset.name] = subset.replicaLimit(workloadReplicas: workloadReplicas) ?? Int(Int32.max)
        }
        for pod in pods {
            if let match = self.match(of: pod, in: workloadSpread), result[match.subset] != nil {
                missing[match.subset, default: 0] -= 1
            }
        }
        for pod in pods {
            var subsetName = fakeSubsetName
            if let match = self.match(of: pod, in: workloadSpread) {
                subsetName = match.subset
            } else if let adopted = self.adopt(pod, workloadSpread, nodes: nodes, missing: missing) {
                plan.podPatches[pod.name] = adopted.patch
                missing[adopted.subset, default: 0] -= 1
                subsetName = adopted.subset
            }
            result[result[subsetName] != nil ? subsetName : fakeSubsetName, default: []].append(pod)
        }
        return result
    }

    /// The pod's match annotation when it names this WorkloadSpread and a subset.
    static func match(of pod: Pod, in workloadSpread: WorkloadSpread) -> MatchedWorkloadSpread? {
        guard let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations),
            match.name == workloadSpread.name, !match.subset.isEmpty
        else { return nil }
        return match
    }

    // MARK: - Deletion costs

    private static func planDeletionCosts(
        _ bySubset: [String: [Pod]], subsets: [WorkloadSpreadSubset], workloadReplicas: Int, reversed: Bool,
        into plan: inout WorkloadSpreadPlan
    ) {
        let count = subsets.count
        for (offset, subset) in subsets.enumerated() {
            let index = reversed ? count - offset - 1 : offset
            self.planSubsetCosts(
                bySubset[subset.name] ?? [], limit: subset.replicaLimit(workloadReplicas: workloadReplicas),
                index: index, subsetCount: count, into: &plan)
        }
        let strays = bySubset[fakeSubsetName] ?? []
        if !strays.isEmpty {
            self.planSubsetCosts(strays, limit: 0, index: count, subsetCount: count, into: &plan)
        }
    }

    private static func planSubsetCosts(
        _ pods: [Pod], limit: Int?, index: Int, subsetCount: Int, into plan: inout WorkloadSpreadPlan
    ) {
        let active = pods.filter(Self.isActive)
        var positive = active, negative: [Pod] = []
        if let limit, active.count > limit {
            let ordered = CloneSetPodOrder.activeOrder(active)
            negative = Array(ordered.prefix(active.count - limit))
            positive = Array(ordered.dropFirst(active.count - limit))
        }
        let positiveCost = String(100 * (subsetCount - index)), negativeCost = String(-100 * (index + 1))
        for (group, cost) in [(positive, positiveCost), (negative, negativeCost)] {
            for pod in group {
                let current = pod.metadata.annotations[KruiseKeys.podDeletionCost]
                if current == cost || (current == nil && cost == "0") { continue }
                plan.deletionCosts[pod.name] = cost
            }
        }
    }

    // MARK: - Status

    private static func subsetStatuses(
        _ workloadSpread: WorkloadSpread, old: [WorkloadSpreadSubsetStatus], pods: [String: [Pod]],
        workloadReplicas: Int, now: KubeTime, into plan: inout WorkloadSpreadPlan
    ) -> (statuses: [WorkloadSpreadSubsetStatus], unschedulable: [String: [String]]) {
        let subsets = workloadSpread.spec.subsets
        var oldByName: [String: WorkloadSpreadSubsetStatus] = [:]
        for status in old where oldByName[status.name] == nil { oldByName[status.name] = status }
        let criticalSeconds = workloadSpread.spec.scheduleStrategy.effectiveRescheduleCriticalSeconds
        var statuses: [WorkloadSpreadSubsetStatus] = []
        var unschedulable: [String: [String]] = [:]
        for (index, subset) in subsets.enumerated() {
            let members = pods[subset.name] ?? []
            let previous = oldByName[subset.name]
            var status = self.subsetStatus(
                subset, pods: members, old: previous, workloadReplicas: workloadReplicas, workloadSpread: workloadSpread,
                now: now, into: &plan)
            if criticalSeconds > 0 {
                if index != subsets.count - 1 {
                    unschedulable[subset.name] = self.reschedule(
                        members, status: &status, old: previous, criticalSeconds: criticalSeconds,
                        workloadSpread: workloadSpread, now: now, into: &plan)
                } else {
                    if let kept = previous?.conditions[type: WorkloadSpreadSubsetStatus.schedulableCondition] {
                        self.setCondition(kept, on: &status)
                    }
                    self.setCondition(self.schedulable("True", now: now), on: &status)
                }
            } else {
                status.conditions = status.conditions.filter { $0.type != WorkloadSpreadSubsetStatus.schedulableCondition }
            }
            statuses.append(status)
        }
        return (statuses, unschedulable)
    }

    private static func subsetStatus(
        _ subset: WorkloadSpreadSubset, pods: [Pod], old: WorkloadSpreadSubsetStatus?, workloadReplicas: Int,
        workloadSpread: WorkloadSpread, now: KubeTime, into plan: inout WorkloadSpreadPlan
    ) -> WorkloadSpreadSubsetStatus {
        let limit = Int32(clamping: subset.replicaLimit(workloadReplicas: workloadReplicas) ?? -1)
        var status = WorkloadSpreadSubsetStatus(name: subset.name, missingReplicas: limit)
        var creating = old?.creatingPods ?? [:]
        let oldDeleting = old?.deletingPods ?? [:]
        var deleting: [String: KubeTime] = [:]
        var active: Int32 = 0
        let namespace = workloadSpread.namespace
        for pod in pods {
            if let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations), !match.uid.isEmpty {
                creating[match.uid] = nil
            } else {
                creating[pod.name] = nil
            }
            guard Self.isActive(pod) else { continue }
            active += 1
            if status.missingReplicas > 0 { status.missingReplicas -= 1 }
            if let deletedAt = oldDeleting[pod.name] {
                let expected = deletedAt.adding(deletePodTimeout)
                if expected < now {
                    plan.record(.init(
                        type: "Warning", reason: "DeletePodFailed",
                        message: "Pod \(namespace)/\(pod.name) was expected to be deleted but it wasn't"))
                } else {
                    deleting[pod.name] = deletedAt
                    if status.missingReplicas < limit { status.missingReplicas += 1 }
                    plan.requeue(after: expected.duration(since: now))
                }
            }
        }
        status.replicas = active
        var kept: [String: KubeTime] = [:]
        for (podID, createdAt) in creating {
            let expected = createdAt.adding(createPodTimeout)
            if expected < now {
                plan.record(.init(
                    type: "Warning", reason: "CreatePodFailed",
                    message: "Pod \(namespace)/\(podID) was expected to be created but it wasn't"))
            } else {
                kept[podID] = createdAt
                if status.missingReplicas > 0 { status.missingReplicas -= 1 }
                plan.requeue(after: expected.duration(since: now))
            }
        }
        status.creatingPods = kept
        status.deletingPods = deleting
        return status
    }

    // MARK: - Adaptive rescheduling

    /// Upstream `rescheduleSubset`: the names of the subset's pods that timed out unschedulable, and the subset's
    /// `Schedulable` condition.
    private static func reschedule(
        _ pods: [Pod], status: inout WorkloadSpreadSubsetStatus, old: WorkloadSpreadSubsetStatus?,
        criticalSeconds: Int32, workloadSpread: WorkloadSpread, now: KubeTime, into plan: inout WorkloadSpreadPlan
    ) -> [String] {
        let failed = pods.filter { self.unscheduledTimedOut($0, criticalSeconds: criticalSeconds, now: now, into: &plan) }
        let unschedulable = !failed.isEmpty
        guard let oldCondition = old?.conditions[type: WorkloadSpreadSubsetStatus.schedulableCondition] else {
            self.setCondition(self.schedulable(unschedulable ? "False" : "True", now: now), on: &status)
            return failed.map(\.name)
        }
        self.setCondition(oldCondition, on: &status)
        if unschedulable {
            self.setCondition(self.schedulable("False", now: now), on: &status)
        } else if oldCondition.status == "False" {
            let recovery = (oldCondition.lastTransitionTime ?? .epoch).adding(maxScheduledFailedDuration)
            if recovery < now {
                plan.record(.init(
                    type: "Normal", reason: "RecoverSchedulable",
                    message: "Subset \(status.name) of WorkloadSpread \(workloadSpread.namespace)/\(workloadSpread.name) is recovered from unschedulable to schedulable"))
                self.setCondition(self.schedulable("True", now: now), on: &status)
            } else {
                plan.requeue(after: recovery.duration(since: now))
            }
        }
        return failed.map(\.name)
    }

    /// Upstream `PodUnscheduledTimeout`: Pending, not on a node, not being deleted, `PodScheduled=False` with reason
    /// `Unschedulable`, created more than `criticalSeconds` ago (otherwise a requeue at that moment).
    static func unscheduledTimedOut(
        _ pod: Pod, criticalSeconds: Int32, now: KubeTime, into plan: inout WorkloadSpreadPlan
    ) -> Bool {
        guard !pod.metadata.isBeingDeleted, pod.status.phase == "Pending", (pod.spec.nodeName ?? "").isEmpty else {
            return false
        }
        guard let scheduled = pod.status.conditions[type: "PodScheduled"], scheduled.status == "False",
            scheduled.reason == "Unschedulable"
        else { return false }
        let deadline = (pod.metadata.creationTimestamp ?? .epoch).adding(seconds: Int64(criticalSeconds))
        if deadline < now { return true }
        plan.requeue(after: deadline.duration(since: now))
        return false
    }

    private static func schedulable(_ value: String, now: KubeTime) -> Condition {
        var condition = Condition(type: WorkloadSpreadSubsetStatus.schedulableCondition, status: value)
        condition.lastTransitionTime = now
        return condition
    }

    /// Upstream `setWorkloadSpreadSubsetCondition`: no change when the status and reason are the same; the
    /// transition time is kept when only the reason changes; the condition moves to the end.
    private static func setCondition(_ condition: Condition, on status: inout WorkloadSpreadSubsetStatus) {
        var conditions = status.conditions
        var updated = condition
        if let current = conditions[type: condition.type] {
            if current.status == condition.status && (current.reason ?? "") == (condition.reason ?? "") { return }
            if current.status == condition.status { updated.lastTransitionTime = current.lastTransitionTime }
        }
        conditions.removeAll { $0.type == condition.type }
        conditions.append(updated)
        status.conditions = conditions
    }

    // MARK: - Helpers

    /// `controller.IsPodActive`.
    static func isActive(_ pod: Pod) -> Bool { !pod.isTerminated && !pod.metadata.isBeingDeleted }

    /// `apiequality.Semantic.DeepEqual` on JSON: members that are `null` or empty are absent, key order is ignored.
    static func semanticallyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    private static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                let child = normalized(member.value)
                switch child {
                case .null: continue
                case .object(let nested) where nested.isEmpty: continue
                case .array(let elements) where elements.isEmpty: continue
                default: result.appendUnchecked(key: member.key, value: child)
                }
            }
            result.sortKeys()
            return .object(result)
        case .array(let elements):
            return .array(elements.map(normalized))
        default:
            return value
        }
    }
}
