public import KubeModel

/// The pod webhook's side of a WorkloadSpread (upstream `pkg/util/workloadspread`), as pure functions: placing a
/// pod being created in a subset, and booking a pod being deleted or evicted.
///
/// The caller finds the WorkloadSpread (the one whose `targetRef` is the pod's controller, following a ReplicaSet to
/// its Deployment), reads the workload's replicas, writes the returned status with optimistic locking (retrying the
/// whole call with the re-read object on a conflict) and admits the returned pod.
public enum WorkloadSpreadAllocator {
    /// Places `pod`, being created, in a subset of `workloadSpread`.
    ///
    /// - A single subset without `maxReplicas` takes every pod and the status is not touched.
    /// - StatefulSet targets (any group) place by ordinal, without status bookkeeping: with `maxReplicas` 5, 5 and
    ///   unlimited, ordinals 0–4 go to the first subset, 5–9 to the second, the rest to the third; subsets whose
    ///   `Schedulable` condition is `False` are skipped.
    /// - Otherwise the bucket of `podVersion` in `versionedSubsetStatuses` is used, initialized from the spec when
    ///   missing (``WorkloadSpreadSubsetStatus/initial(for:workloadReplicas:)``). A pod whose name is already
    ///   recorded there keeps its subset. Else the first subset in order that is schedulable and has
    ///   `missingReplicas` > 0 or −1 takes it; with −1 the status is left alone, otherwise `missingReplicas` drops by
    ///   one and the pod is recorded in `creatingPods` at `now` under its name or, when it has only a
    ///   `generateName`, under `generateUID()`, which also goes to the annotation's `uid`.
    ///
    /// - Throws: ``StrategicMergePatchError`` when the subset's patch cannot be applied to the pod.
    public static func place(
        _ pod: Pod,
        in workloadSpread: WorkloadSpread,
        podVersion: String,
        workloadReplicas: Int,
        now: KubeTime,
        generateUID: () -> String
    ) throws(StrategicMergePatchError) -> WorkloadSpreadPodPlacement {
        let spec = workloadSpread.spec
        let subsets = spec.subsets
        let chosen: String?
        var status: WorkloadSpreadStatus? = nil
        var generatedUID: String? = nil

        if subsets.count == 1, subsets[0].maxReplicas == nil {
            chosen = subsets[0].name
        } else if spec.targetRef?.kind == "StatefulSet" {
            chosen = self.subsetForOrdinal(of: pod, in: workloadSpread)
        } else {
            var newStatus = workloadSpread.status
            var buckets = newStatus.versionedSubsetStatuses
            var bucket = buckets[podVersion] ?? []
            if bucket.isEmpty { bucket = WorkloadSpreadSubsetStatus.initial(for: spec, workloadReplicas: workloadReplicas) }
            let name = pod.metadata.name ?? ""
            if !name.isEmpty, let recorded = bucket.first(where: { $0.records(name) }) {
                chosen = recorded.name
            } else if let index = bucket.firstIndex(where: { $0.isSchedulable && ($0.missingReplicas > 0 || $0.missingReplicas == -1) }) {
                chosen = bucket[index].name
                if bucket[index].missingReplicas != -1 {
                    let key: String
                    if name.isEmpty {
                        key = generateUID()
                        generatedUID = key
                    } else {
                        key = name
                    }
                    bucket[index].creatingPods[key] = now
                    bucket[index].missingReplicas -= 1
                    buckets[podVersion] = bucket
                    newStatus.versionedSubsetStatuses = buckets
                    status = newStatus
                }
            } else {
                chosen = nil
            }
        }

        guard let chosen, let subset = subsets.first(where: { $0.name == chosen }) else {
            return WorkloadSpreadPodPlacement(subset: nil, status: status, pod: pod, generatedUID: generatedUID)
        }
        let injected = try subset.inject(
            into: pod, workloadSpreadName: workloadSpread.name, generatedUID: generatedUID ?? "")
        return WorkloadSpreadPodPlacement(subset: chosen, status: status, pod: injected, generatedUID: generatedUID)
    }

    /// Books the deletion (or eviction) of `pod` in `workloadSpread`: the new status, or `nil` when nothing changes.
    ///
    /// Nothing is booked when the pod carries no readable `apps.kruise.io/matched-workloadspread` annotation naming
    /// this WorkloadSpread, is not active (terminal or already being deleted), has no controller, targets a
    /// StatefulSet or the single unlimited subset, is already recorded in its version's bucket, or its subset is
    /// missing or unlimited (−1). Otherwise the pod's name goes to the subset's `deletingPods` at `now` and
    /// `missingReplicas` grows by one, in the bucket of `podVersion` (initialized from the spec when missing).
    public static func recordDeletion(
        of pod: Pod,
        in workloadSpread: WorkloadSpread,
        podVersion: String,
        workloadReplicas: Int,
        now: KubeTime
    ) -> WorkloadSpreadStatus? {
        guard let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations), match.name == workloadSpread.name,
            !pod.isTerminated, !pod.metadata.isBeingDeleted, pod.metadata.controllerReference != nil
        else { return nil }
        let spec = workloadSpread.spec
        if spec.subsets.count == 1, spec.subsets[0].maxReplicas == nil { return nil }
        if spec.targetRef?.kind == "StatefulSet" { return nil }

        var status = workloadSpread.status
        var buckets = status.versionedSubsetStatuses
        var bucket = buckets[podVersion] ?? []
        if bucket.isEmpty { bucket = WorkloadSpreadSubsetStatus.initial(for: spec, workloadReplicas: workloadReplicas) }
        let name = pod.metadata.name ?? ""
        if bucket.contains(where: { $0.records(name) }) { return nil }
        guard let index = bucket.firstIndex(where: { $0.name == match.subset }), bucket[index].missingReplicas != -1
        else { return nil }
        bucket[index].deletingPods[name] = now
        bucket[index].missingReplicas += 1
        buckets[podVersion] = bucket
        status.versionedSubsetStatuses = buckets
        return status
    }

    /// The subset of a StatefulSet pod by its ordinal (the number after the last `-` of its name; −1 without one).
    static func subsetForOrdinal(of pod: Pod, in workloadSpread: WorkloadSpread) -> String? {
        let ordinal = Self.ordinal(of: pod.metadata.name ?? "")
        let statuses = workloadSpread.status.subsetStatuses
        var threshold: Int64 = 0
        for subset in workloadSpread.spec.subsets {
            if let status = statuses.first(where: { $0.name == subset.name }), !status.isSchedulable { continue }
            let limit: Int64
            switch subset.maxReplicas {
            case nil: limit = Int64(Int32.max)
            case .int(let value)?: limit = Int64(value)
            case .string(let text)?: limit = Int64(Int32(text) ?? 0)
            }
            threshold += limit
            if Int64(ordinal) < threshold { return subset.name }
        }
        return nil
    }

    /// Upstream's `getParentNameAndOrdinal`: the ordinal matched by `(.*)-([0-9]+)$`, or −1.
    static func ordinal(of name: String) -> Int {
        guard let dash = name.lastIndex(of: "-") else { return -1 }
        let digits = name[name.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return -1 }
        return Int32(digits).map(Int.init) ?? -1
    }
}
