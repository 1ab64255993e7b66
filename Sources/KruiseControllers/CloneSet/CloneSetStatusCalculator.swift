public import KruiseAPI
public import KubeModel

/// CloneSet status (`calculateStatus` of `cloneset_status.go` plus the fields `doReconcile` fills in).
public enum CloneSetStatusCalculator {
    /// The new status: observedGeneration, revisions, collisionCount and labelSelector from the sync, and the
    /// counts over `pods`:
    /// - readyReplicas / updatedReadyReplicas: Running, Ready and `InPlaceUpdateReady` absent or True;
    /// - availableReplicas / updatedAvailableReplicas: additionally Ready for minReadySeconds and lifecycle state
    ///   empty or Normal;
    /// - currentRevision := updateRevision once every pod is at the update revision and the count equals replicas;
    /// - expectedUpdatedReplicas = replicas − partition.
    /// Conditions start empty, as upstream builds a fresh status each sync (a failure adds its condition).
    public static func status(
        cloneSet: CloneSet, pods: [Pod], currentRevision: String, updateRevision: String, collisionCount: Int32,
        labelSelector: String, now: KubeTime
    ) -> CloneSetStatus {
        var status = CloneSetStatus()
        status.observedGeneration = cloneSet.metadata.generation ?? 0
        let minReadySeconds = cloneSet.spec.minReadySeconds
        var replicas: Int32 = 0, ready: Int32 = 0, available: Int32 = 0
        var updated: Int32 = 0, updatedReady: Int32 = 0, updatedAvailable: Int32 = 0
        for pod in pods {
            replicas += 1
            let isReady = CloneSetPods.isUpdateReady(pod, minReadySeconds: 0, now: now)
            let isAvailable = CloneSetPods.isAvailable(pod, minReadySeconds: minReadySeconds, now: now)
            let isUpdated = CloneSetPods.isAtRevision(pod, updateRevision)
            if isReady { ready += 1 }
            if isAvailable { available += 1 }
            if isUpdated { updated += 1 }
            if isUpdated && isReady { updatedReady += 1 }
            if isUpdated && isAvailable { updatedAvailable += 1 }
        }
        status.replicas = replicas
        status.readyReplicas = ready
        status.availableReplicas = available
        status.updatedReplicas = updated
        status.updatedReadyReplicas = updatedReady
        status.updatedAvailableReplicas = updatedAvailable
        let specReplicas = Int32(cloneSet.spec.effectiveReplicas)
        if let partition = try? (cloneSet.spec.updateStrategy.partition ?? .int(0)).partition(replicas: Int(specReplicas)) {
            status.expectedUpdatedReplicas = specReplicas - Int32(partition)
        }
        status.updateRevision = updateRevision
        status.currentRevision = (updated == replicas && replicas == specReplicas) ? updateRevision : currentRevision
        status.collisionCount = collisionCount
        status.labelSelector = labelSelector
        return status
    }
}
