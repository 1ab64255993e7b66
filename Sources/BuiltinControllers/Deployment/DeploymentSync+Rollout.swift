import KubeJSON
import KubeModel

extension DeploymentSync {
    // MARK: Scaling without a rollout

    /// `sync` → `scale`: paused Deployments and pure scaling events resize ReplicaSets without rolling out.
    mutating func syncScaleOnly(createNew: Bool) {
        self.syncNewReplicaSet(createIfMissing: createNew)
        let active = self.replicaSets.filter { Self.specReplicas($0) > 0 }
        // FindActiveOrLatest.
        var target: ReplicaSet?
        if active.count == 1 {
            target = active[0]
        } else if active.isEmpty {
            target = self.newReplicaSet ?? self.oldReplicaSets.last
        }
        if let target {
            if Self.specReplicas(target) != self.desired { self.scale(target.name, to: self.desired) }
            return
        }
        if let newSet = self.newReplicaSet, self.isSaturated(newSet) {
            for old in self.oldReplicaSets where Self.specReplicas(old) > 0 { self.scale(old.name, to: 0) }
            return
        }
        guard !self.isRecreate else { return }
        self.scaleProportionally(active)
    }

    func isSaturated(_ set: ReplicaSet) -> Bool {
        set.metadata.annotations[DeploymentPlanner.desiredReplicasAnnotation] == String(self.desired)
            && Self.specReplicas(set) == self.desired && set.status.availableReplicas == self.desired
    }

    /// Proportional scaling across the active ReplicaSets (`scale` for RollingUpdate).
    mutating func scaleProportionally(_ active: [ReplicaSet]) {
        let total = Self.sum(active, Self.specReplicas)
        let allowed: Int32 = self.desired > 0 ? self.desired + self.maxSurge : 0
        let toAdd = allowed - total
        var ordered = active
        if toAdd > 0 {
            // ReplicaSetsBySizeNewer.
            ordered.sort { lhs, rhs in
                if Self.specReplicas(lhs) != Self.specReplicas(rhs) { return Self.specReplicas(lhs) > Self.specReplicas(rhs) }
                return Self.byCreation([lhs, rhs]).first?.name == rhs.name
            }
        } else if toAdd < 0 {
            // ReplicaSetsBySizeOlder.
            ordered.sort { lhs, rhs in
                if Self.specReplicas(lhs) != Self.specReplicas(rhs) { return Self.specReplicas(lhs) > Self.specReplicas(rhs) }
                return Self.byCreation([lhs, rhs]).first?.name == lhs.name
            }
        }
        var added: Int32 = 0
        var sizes: [String: Int32] = [:]
        for set in ordered {
            if toAdd != 0 {
                let proportion = self.proportion(set, toAdd: toAdd, added: added)
                sizes[set.name] = Self.specReplicas(set) + proportion
                added += proportion
            } else {
                sizes[set.name] = Self.specReplicas(set)
            }
        }
        for (index, set) in ordered.enumerated() {
            var size = sizes[set.name] ?? 0
            if index == 0 && toAdd != 0 { size = max(size + toAdd - added, 0) }
            self.scale(set.name, to: size)
        }
    }

    /// `GetProportion`.
    func proportion(_ set: ReplicaSet, toAdd: Int32, added: Int32) -> Int32 {
        let replicas = Self.specReplicas(set)
        if replicas == 0 || toAdd == 0 || toAdd == added { return 0 }
        let fraction: Int32
        if self.desired == 0 {
            fraction = -replicas
        } else {
            let deploymentReplicas = self.desired + self.maxSurge
            let annotated = set.metadata.annotations[DeploymentPlanner.maxReplicasAnnotation].flatMap { Int32($0) }
                ?? self.deployment.status.replicas
            let scaled = annotated == 0 ? Double(replicas) : Double(replicas) * Double(deploymentReplicas) / Double(annotated)
            fraction = Int32(scaled.rounded(.toNearestOrAwayFromZero)) - replicas
        }
        let allowed = toAdd - added
        return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
    }

    // MARK: RollingUpdate

    /// `rolloutRolling`.
    mutating func rolloutRolling() {
        self.syncNewReplicaSet(createIfMissing: true)
        guard let newSet = self.newReplicaSet else {
            self.finalStatus = self.syncRolloutStatus()
            return
        }
        // reconcileNewReplicaSet.
        let newReplicas = Self.specReplicas(newSet)
        var scaledUp = false
        if newReplicas > self.desired {
            scaledUp = self.scale(newSet.name, to: self.desired)
        } else if newReplicas < self.desired {
            let target = self.newReplicaSetReplicas(current: newReplicas, others: self.replicaSets)
            scaledUp = self.scale(newSet.name, to: target)
        }
        if scaledUp {
            self.finalStatus = self.syncRolloutStatus()
            return
        }
        if self.reconcileOldReplicaSets() {
            self.finalStatus = self.syncRolloutStatus()
            return
        }
        let status = self.calculateStatus()
        if self.isComplete(status) { self.cleanupIfNeeded(paused: false) }
        self.finalStatus = self.syncRolloutStatus()
    }

    /// `reconcileOldReplicaSets`: scales old ReplicaSets down as far as availability allows.
    mutating func reconcileOldReplicaSets() -> Bool {
        let oldPods = Self.sum(self.oldReplicaSets, Self.specReplicas)
        guard oldPods > 0, let newSet = self.newReplicaSet else { return false }
        let allPods = Self.sum(self.replicaSets, Self.specReplicas)
        let minAvailable = self.desired - self.maxUnavailable
        let newUnavailable = Self.specReplicas(newSet) - newSet.status.availableReplicas
        let maxScaledDown = allPods - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return false }
        // cleanupUnhealthyReplicas: old sets with unavailable replicas first, oldest first.
        var cleaned: Int32 = 0
        for old in self.oldReplicaSets {
            if cleaned >= maxScaledDown { break }
            let replicas = Self.specReplicas(old)
            if replicas == 0 || replicas == old.status.availableReplicas { continue }
            let count = min(maxScaledDown - cleaned, replicas - old.status.availableReplicas)
            guard count > 0 else { continue }
            self.scale(old.name, to: replicas - count)
            cleaned += count
        }
        // scaleDownOldReplicaSetsForRollingUpdate.
        var scaledDown: Int32 = 0
        let available = Self.sum(self.replicaSets) { $0.status.availableReplicas }
        if available > minAvailable {
            let total = available - minAvailable
            for old in self.oldReplicaSets {
                if scaledDown >= total { break }
                let replicas = Self.specReplicas(old)
                if replicas == 0 { continue }
                let count = min(replicas, total - scaledDown)
                self.scale(old.name, to: replicas - count)
                scaledDown += count
            }
        }
        return cleaned + scaledDown > 0
    }

    // MARK: Recreate

    /// `rolloutRecreate`.
    mutating func rolloutRecreate() {
        self.syncNewReplicaSet(createIfMissing: false)
        var scaledDown = false
        for old in self.oldReplicaSets where Self.specReplicas(old) > 0 {
            if self.scale(old.name, to: 0) { scaledDown = true }
        }
        if scaledDown || self.oldPodsRunning() {
            self.finalStatus = self.syncRolloutStatus()
            return
        }
        if self.newReplicaSet == nil { self.syncNewReplicaSet(createIfMissing: true) }
        if let newSet = self.newReplicaSet { self.scale(newSet.name, to: self.desired) }
        if self.isComplete(self.calculateStatus()) { self.cleanupIfNeeded(paused: false) }
        self.finalStatus = self.syncRolloutStatus()
    }

    /// `oldPodsRunning`: old ReplicaSets report replicas, or a pod of one is not Succeeded/Failed.
    func oldPodsRunning() -> Bool {
        if Self.sum(self.oldReplicaSets, { $0.status.replicas }) > 0 { return true }
        let oldUIDs = Set(self.oldReplicaSets.compactMap(\.metadata.uid))
        let oldNames = Set(self.oldReplicaSets.map(\.name))
        for pod in self.pods {
            guard let owner = pod.metadata.controllerReference, owner.kind == "ReplicaSet" else { continue }
            let isOld = owner.uid.isEmpty ? oldNames.contains(owner.name) : oldUIDs.contains(owner.uid)
            if isOld && !pod.isTerminated { return true }
        }
        return false
    }

    // MARK: History

    /// `cleanupDeployment`: deletes the oldest old ReplicaSets with no replicas beyond `revisionHistoryLimit`.
    mutating func cleanupIfNeeded(paused: Bool) {
        let limit = Int(self.deployment.spec.revisionHistoryLimit ?? DeploymentPlanner.defaultRevisionHistoryLimit)
        let cleanable = self.oldReplicaSets.filter { !$0.metadata.isBeingDeleted }
        let excess = cleanable.count - limit
        guard excess > 0 else { return }
        let byRevision = cleanable.sorted { lhs, rhs in
            let lhsRevision = Self.revision(lhs), rhsRevision = Self.revision(rhs)
            if lhsRevision != rhsRevision { return lhsRevision < rhsRevision }
            return Self.byCreation([lhs, rhs]).first?.name == lhs.name
        }
        var deletions: [ControllerAction] = []
        for set in byRevision.prefix(excess) {
            if set.status.replicas != 0 || Self.specReplicas(set) != 0 { continue }
            if (set.metadata.generation ?? 0) > (set.status.observedGeneration ?? 0) { continue }
            deletions.append(.deleteReplicaSet(ObjectIdentity(of: set)))
        }
        if !deletions.isEmpty { self.steps.append(deletions) }
    }
}
