public import KruiseAPI
public import KubeModel

/// The numbers one CloneSet sync scales and updates by (upstream `expectationDiffs`, computed by
/// `calculateDiffsWithExpectation`, "the most important algorithm in cloneset-controller").
public struct CloneSetDiffs: Sendable, Hashable, CustomStringConvertible {
    /// Pods to create (≥ 0).
    public var scaleUpNum = 0
    /// Of the pods to create, how many belong to the current (old) revision; may exceed ``scaleUpNum``.
    public var scaleUpNumOldRevision = 0
    /// Pods to delete beyond those already specified for deletion (≥ 0).
    public var scaleDownNum = 0
    /// Of the pods to delete, how many should be old-revision pods.
    public var scaleDownNumOldRevision = 0
    /// Creations allowed now (`scaleStrategy.maxUnavailable`).
    public var scaleUpLimit = 0
    /// Ready pods that may be deleted now (`updateStrategy.maxUnavailable`).
    public var deleteReadyLimit = 0
    /// Pods temporarily expected above `replicas`.
    public var useSurge = 0
    /// The part of ``useSurge`` at the old revision.
    public var useSurgeOldRevision = 0
    /// Pods to move to the update revision (> 0) or back to the current revision (< 0).
    public var updateNum = 0
    /// The most pods that may be unavailable while updating.
    public var updateMaxUnavailable = 0

    /// All zero.
    public init() {}

    /// A value with the given numbers (tests).
    public init(
        scaleUpNum: Int = 0, scaleUpNumOldRevision: Int = 0, scaleDownNum: Int = 0, scaleDownNumOldRevision: Int = 0,
        scaleUpLimit: Int = 0, deleteReadyLimit: Int = 0, useSurge: Int = 0, useSurgeOldRevision: Int = 0,
        updateNum: Int = 0, updateMaxUnavailable: Int = 0
    ) {
        self.scaleUpNum = scaleUpNum
        self.scaleUpNumOldRevision = scaleUpNumOldRevision
        self.scaleDownNum = scaleDownNum
        self.scaleDownNumOldRevision = scaleDownNumOldRevision
        self.scaleUpLimit = scaleUpLimit
        self.deleteReadyLimit = deleteReadyLimit
        self.useSurge = useSurge
        self.useSurgeOldRevision = useSurgeOldRevision
        self.updateNum = updateNum
        self.updateMaxUnavailable = updateMaxUnavailable
    }

    /// Field-by-field, for test failures and logs.
    public var description: String {
        "{scaleUpNum:\(scaleUpNum) scaleUpNumOldRevision:\(scaleUpNumOldRevision) scaleDownNum:\(scaleDownNum) "
            + "scaleDownNumOldRevision:\(scaleDownNumOldRevision) scaleUpLimit:\(scaleUpLimit) "
            + "deleteReadyLimit:\(deleteReadyLimit) useSurge:\(useSurge) useSurgeOldRevision:\(useSurgeOldRevision) "
            + "updateNum:\(updateNum) updateMaxUnavailable:\(updateMaxUnavailable)}"
    }

    /// Feature switches of the calculation (upstream gates and flags, all off by default).
    public struct Options: Sendable, Hashable {
        /// Gate `CloneSetPartitionRollback`: new pods may be rolled back when the partition grows.
        public var partitionRollback: Bool
        /// Gate `PreparingUpdateAsUpdate` (scaling only): PreparingUpdate pods count as updated.
        public var preparingUpdateAsUpdate: Bool
        /// Flag `--cloneset-scaling-exclude-preparing-delete` (the CloneSet label works regardless).
        public var scalingExcludePreparingDelete: Bool

        /// Options; everything off by default, as upstream.
        public init(
            partitionRollback: Bool = false, preparingUpdateAsUpdate: Bool = false,
            scalingExcludePreparingDelete: Bool = false
        ) {
            self.partitionRollback = partitionRollback
            self.preparingUpdateAsUpdate = preparingUpdateAsUpdate
            self.scalingExcludePreparingDelete = scalingExcludePreparingDelete
        }
    }

    /// The resolved int-or-percent settings of a CloneSet: partition (kruise's partition rule), maxSurge
    /// (rounded up; 0 when paused), maxUnavailable (rounded up when maxSurge is 0, else down; default 20%) and
    /// scaleStrategy.maxUnavailable (rounded up; unlimited by default). Malformed values count as 0.
    public static func limits(of cloneSet: CloneSet) -> (partition: Int, maxSurge: Int, maxUnavailable: Int, scaleMaxUnavailable: Int) {
        let spec = cloneSet.spec
        let replicas = spec.effectiveReplicas
        let strategy = spec.updateStrategy
        let partition = strategy.partition.flatMap { try? $0.partition(replicas: replicas) } ?? 0
        var maxSurge = 0
        if let surge = strategy.maxSurge {
            maxSurge = kubeScaled(surge, total: replicas, roundUp: true)
            if strategy.paused { maxSurge = 0 }
        }
        let maxUnavailable = kubeScaled(
            strategy.maxUnavailable ?? .string(KruiseKeys.defaultCloneSetMaxUnavailable), total: replicas,
            roundUp: maxSurge == 0)
        let scaleMaxUnavailable = spec.scaleStrategy.maxUnavailable.map { kubeScaled($0, total: replicas, roundUp: true) }
            ?? Int(Int32.max)
        return (partition, maxSurge, maxUnavailable, scaleMaxUnavailable)
    }

    /// apimachinery's `GetScaledValueFromIntOrPercent` (integer percents); 0 on a malformed value.
    static func kubeScaled(_ value: IntOrString, total: Int, roundUp: Bool) -> Int {
        switch value {
        case .int(let number): return number
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return 0 }
            let product = percent * total
            if roundUp { return product >= 0 ? (product + 99) / 100 : -((-product) / 100) }
            return product >= 0 ? product / 100 : -((-product + 99) / 100)
        }
    }

    /// `calculateDiffsWithExpectation`.
    /// - Parameters:
    ///   - cloneSet: the CloneSet (its update-revision form).
    ///   - pods: its active pods.
    ///   - currentRevision, updateRevision: revision names.
    ///   - forScaling: `true` in the scale pass, where the `PreparingUpdateAsUpdate` option applies.
    ///   - now: the time availability is judged at.
    public static func calculate(
        cloneSet: CloneSet, pods: [Pod], currentRevision: String, updateRevision: String, forScaling: Bool = false,
        options: Options = Options(), now: KubeTime
    ) -> CloneSetDiffs {
        let replicas = cloneSet.spec.effectiveReplicas
        let minReadySeconds = cloneSet.spec.minReadySeconds
        let (partition, maxSurge, maxUnavailable, scaleMaxUnavailable) = limits(of: cloneSet)

        var newCount = 0, newActive = 0, oldCount = 0, oldActive = 0
        var unavailableNew = 0, unavailableOld = 0, toDeleteNew = 0, toDeleteOld = 0, preDeletingNew = 0, preDeletingOld = 0
        for pod in pods {
            let isUpdated: Bool
            if forScaling && options.preparingUpdateAsUpdate && CloneSetPods.isInState(pod, .preparingUpdate) {
                isUpdated = true
            } else {
                isUpdated = CloneSetPods.isAtRevision(pod, updateRevision)
            }
            let preDeleting = CloneSetPods.isInState(pod, .preparingDelete)
            let specified = !preDeleting && CloneSetPods.isSpecifiedDelete(pod, of: cloneSet)
            let unavailable = !preDeleting && !specified
                && !CloneSetPods.isAvailable(pod, minReadySeconds: minReadySeconds, now: now)
            if isUpdated {
                newCount += 1
                if preDeleting { preDeletingNew += 1 } else { newActive += 1 }
                if specified { toDeleteNew += 1 }
                if unavailable { unavailableNew += 1 }
            } else {
                oldCount += 1
                if preDeleting { preDeletingOld += 1 } else { oldActive += 1 }
                if specified { toDeleteOld += 1 }
                if unavailable { unavailableOld += 1 }
            }
        }

        var result = CloneSetDiffs()
        var updateOldDiff = oldActive - partition
        var updateNewDiff = newActive - (replicas - partition)
        let totalUnavailable = preDeletingNew + preDeletingOld + unavailableNew + unavailableOld
        if updateRevision == currentRevision || !options.partitionRollback {
            updateOldDiff = max(updateOldDiff, 0)
            updateNewDiff = min(updateNewDiff, 0)
        }

        if maxSurge > 0 {
            var scaleSurge = 0, scaleOldRevisionSurge = 0
            let toDeleteCount = toDeleteNew + toDeleteOld
            if toDeleteCount > 0 {
                scaleSurge = min(max(totalUnavailable + toDeleteCount - maxUnavailable, 0), toDeleteCount)
                if scaleSurge > toDeleteNew { scaleOldRevisionSurge = scaleSurge - toDeleteNew }
            }
            var updateSurge = 0, updateOldRevisionSurge = 0
            if (updateOldDiff > 0 && updateNewDiff < 0) || (updateOldDiff < 0 && updateNewDiff > 0) {
                if abs(updateOldDiff) <= abs(updateNewDiff) {
                    updateSurge = abs(updateOldDiff)
                    if updateOldDiff < 0 { updateOldRevisionSurge = updateSurge }
                } else {
                    updateSurge = abs(updateNewDiff)
                    if updateNewDiff > 0 { updateOldRevisionSurge = updateSurge }
                }
            }
            if scaleSurge >= updateSurge {
                result.useSurge = min(maxSurge, scaleSurge)
                result.useSurgeOldRevision = min(result.useSurge, scaleOldRevisionSurge)
            } else {
                result.useSurge = min(maxSurge, updateSurge)
                result.useSurgeOldRevision = min(result.useSurge, updateOldRevisionSurge)
            }
        }

        var currentTotal = pods.count
        var currentTotalOld = oldCount
        if options.scalingExcludePreparingDelete
            || cloneSet.metadata.labels[KruiseKeys.cloneSetScalingExcludePreparingDelete] == "true"
        {
            currentTotal -= preDeletingOld + preDeletingNew
            currentTotalOld -= preDeletingOld
        }
        let expectedTotal = replicas + result.useSurge
        let expectedTotalOld = partition + result.useSurgeOldRevision

        let up = expectedTotal - currentTotal
        if up > 0 {
            result.scaleUpNum = up
            result.scaleUpNumOldRevision = max(expectedTotalOld - currentTotalOld, 0)
            result.scaleUpLimit = min(up, max(scaleMaxUnavailable - totalUnavailable, 0))
        }
        let down = currentTotal - toDeleteOld - toDeleteNew - expectedTotal
        if down > 0 {
            result.scaleDownNum = down
            result.scaleDownNumOldRevision = max(currentTotalOld - toDeleteOld - expectedTotalOld, 0)
        }
        if toDeleteNew > 0 || toDeleteOld > 0 || result.scaleDownNum > 0 {
            result.deleteReadyLimit = max(maxUnavailable + (pods.count - replicas) - totalUnavailable, 0)
        }

        result.updateNum = abs(updateOldDiff) <= abs(updateNewDiff) ? updateOldDiff : -updateNewDiff
        if result.updateNum != 0 {
            result.updateMaxUnavailable = maxUnavailable + pods.count - replicas
        }
        return result
    }
}
