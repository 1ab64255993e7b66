import KubeJSON
import KubeModel

extension DeploymentSync {
    /// `calculateStatus`: counters over the ReplicaSets as planned, conditions carried over from the working
    /// status, and the Available condition.
    func calculateStatus() -> DeploymentStatus {
        var status = self.workingStatus
        let available = Self.sum(self.replicaSets) { $0.status.availableReplicas }
        let total = Self.sum(self.replicaSets, Self.specReplicas)
        status.observedGeneration = self.deployment.metadata.generation
        status.replicas = Self.sum(self.replicaSets) { $0.status.replicas }
        status.updatedReplicas = self.newReplicaSet?.status.replicas ?? 0
        status.readyReplicas = Self.sum(self.replicaSets) { $0.status.readyReplicas }
        status.availableReplicas = available
        status.unavailableReplicas = max(total - available, 0)
        var conditions = status.conditions
        if available >= self.desired - self.maxUnavailable {
            DeploymentConditions.set(
                &conditions, type: "Available", status: "True", reason: DeploymentReason.minimumReplicasAvailable,
                message: "Deployment has minimum availability.", now: self.now)
        } else {
            DeploymentConditions.set(
                &conditions, type: "Available", status: "False", reason: DeploymentReason.minimumReplicasUnavailable,
                message: "Deployment does not have minimum availability.", now: self.now)
        }
        status.conditions = conditions
        return status
    }

    /// `DeploymentComplete`.
    func isComplete(_ status: DeploymentStatus) -> Bool {
        status.updatedReplicas == self.desired && status.replicas == self.desired
            && status.availableReplicas == self.desired
            && (status.observedGeneration ?? 0) >= (self.deployment.metadata.generation ?? 0)
    }

    /// `syncRolloutStatus`: the status with the Progressing condition judged against the observed status.
    func syncRolloutStatus() -> DeploymentStatus {
        var status = self.calculateStatus()
        var conditions = status.conditions
        guard self.hasProgressDeadline else {
            conditions.removeAll { $0.type == "Progressing" }
            status.conditions = conditions
            return self.withReplicaFailure(status)
        }
        let current = self.workingStatus.conditions[type: "Progressing"]
        let alreadyComplete = status.replicas == status.updatedReplicas
            && current?.reason == DeploymentReason.newReplicaSetAvailable
        if !alreadyComplete {
            let newName = self.newReplicaSet?.name
            let observed = self.deployment.status
            if self.isComplete(status) {
                let message = newName.map { "ReplicaSet \"\($0)\" has successfully progressed." }
                    ?? "Deployment \"\(self.deployment.name)\" has successfully progressed."
                DeploymentConditions.set(
                    &conditions, type: "Progressing", status: "True", reason: DeploymentReason.newReplicaSetAvailable,
                    message: message, now: self.now)
            } else if Self.madeProgress(old: observed, new: status) {
                let message = newName.map { "ReplicaSet \"\($0)\" is progressing." }
                    ?? "Deployment \"\(self.deployment.name)\" is progressing."
                var condition = Condition(
                    type: "Progressing", status: "True", reason: DeploymentReason.replicaSetUpdated, message: message)
                condition.lastUpdateTime = self.now
                condition.lastTransitionTime = self.now
                if let current, current.status == "True", let kept = current.lastTransitionTime {
                    condition.lastTransitionTime = kept
                }
                DeploymentConditions.replace(&conditions, with: condition)
            } else if self.timedOut(current) {
                let message = newName.map { "ReplicaSet \"\($0)\" has timed out progressing." }
                    ?? "Deployment \"\(self.deployment.name)\" has timed out progressing."
                DeploymentConditions.set(
                    &conditions, type: "Progressing", status: "False", reason: DeploymentReason.timedOut,
                    message: message, now: self.now)
            }
        }
        status.conditions = conditions
        return self.withReplicaFailure(status)
    }

    /// Moves a ReplicaFailure condition of the new (else any) ReplicaSet onto the Deployment, or removes it.
    func withReplicaFailure(_ status: DeploymentStatus) -> DeploymentStatus {
        var status = status
        var conditions = status.conditions
        let sets = (self.newReplicaSet.map { [$0] } ?? []) + self.replicaSets
        if let failure = sets.lazy.compactMap({ $0.status.conditions[type: "ReplicaFailure"] }).first {
            var condition = Condition(type: "ReplicaFailure", status: failure.status, reason: failure.reason, message: failure.message)
            condition.lastUpdateTime = failure.lastTransitionTime
            condition.lastTransitionTime = failure.lastTransitionTime
            DeploymentConditions.replace(&conditions, with: condition)
        } else {
            conditions.removeAll { $0.type == "ReplicaFailure" }
        }
        status.conditions = conditions
        return status
    }

    /// `DeploymentProgressing`: more updated, ready or available replicas, or fewer old ones.
    static func madeProgress(old: DeploymentStatus, new: DeploymentStatus) -> Bool {
        let oldOld = old.replicas - old.updatedReplicas, newOld = new.replicas - new.updatedReplicas
        return new.updatedReplicas > old.updatedReplicas || newOld < oldOld
            || new.readyReplicas > old.readyReplicas || new.availableReplicas > old.availableReplicas
    }

    /// `DeploymentTimedOut`: the Progressing condition was last updated more than the deadline ago.
    func timedOut(_ condition: Condition?) -> Bool {
        guard let condition else { return false }
        if condition.reason == DeploymentReason.newReplicaSetAvailable { return false }
        if condition.reason == DeploymentReason.timedOut { return true }
        guard let updated = condition.lastUpdateTime else { return false }
        return updated.adding(seconds: self.progressDeadline) < self.now
    }
}
