import KubeJSON
import KubeModel

extension DeploymentSync {
    /// `getAllReplicaSetsAndSyncRevision`: brings the new ReplicaSet's annotations up to date (a rollback bumps
    /// its revision), records the revision on the Deployment, or creates the new ReplicaSet when asked to.
    mutating func syncNewReplicaSet(createIfMissing: Bool) {
        let maxOldRevision = self.oldReplicaSets.map(Self.revision).max() ?? 0
        let newRevision = String(maxOldRevision + 1)
        if var existing = self.newReplicaSet {
            let before = existing
            self.applyNewReplicaSetAnnotations(&existing, newRevision: newRevision, creating: false)
            let minReady = self.deployment.spec.minReadySeconds
            if existing.spec.minReadySeconds != minReady {
                var spec = existing.spec
                spec.minReadySeconds = minReady
                existing.spec = spec
            }
            if existing != before {
                self.write(existing)
                return
            }
            self.recordDeploymentRevision(existing.metadata.annotations[DeploymentPlanner.revisionAnnotation])
            if self.hasProgressDeadline && self.workingStatus.conditions[type: "Progressing"] == nil {
                self.setCondition(
                    "Progressing", "True", DeploymentReason.foundNewReplicaSet,
                    "Found new replica set \"\(existing.name)\"")
            }
            return
        }
        guard createIfMissing else { return }
        let hash = TemplateHash.podTemplateHash(self.deployment.spec.template, collisionCount: self.deployment.status.collisionCount)
        let name = self.deployment.name + "-" + hash
        if let clash = self.namespaceReplicaSets.first(where: { $0.name == name }) {
            // Controlled and equal would have been found as the new ReplicaSet: this is a hash collision.
            _ = clash
            self.workingStatus.collisionCount = (self.workingStatus.collisionCount ?? 0) &+ 1
            self.requeueNow = true
            return
        }
        var created = self.makeNewReplicaSet(name: name, hash: hash)
        var spec = created.spec
        spec.replicas = self.newReplicaSetReplicas(current: 0, others: self.replicaSets)
        created.spec = spec
        self.applyNewReplicaSetAnnotations(&created, newRevision: newRevision, creating: true)
        self.steps.append([.createReplicaSet(created)])
        self.replicaSets.append(created)
        self.newName = name
        self.recordDeploymentRevision(newRevision)
        if self.hasProgressDeadline {
            self.setCondition(
                "Progressing", "True", DeploymentReason.newReplicaSetCreated, "Created new replica set \"\(name)\"")
        }
    }

    /// Plans the Deployment's own revision annotation when it differs.
    mutating func recordDeploymentRevision(_ revision: String?) {
        guard let revision, self.deployment.metadata.annotations[DeploymentPlanner.revisionAnnotation] != revision
        else { return }
        if self.steps.contains(where: { $0.contains { if case .updateDeployment = $0 { true } else { false } } }) { return }
        var updated = self.deployment
        var metadata = updated.metadata
        var annotations = metadata.annotations
        annotations[DeploymentPlanner.revisionAnnotation] = revision
        metadata.annotations = annotations
        updated.metadata = metadata
        self.steps.append([.updateDeployment(updated)])
    }

    /// The new ReplicaSet, built from the Deployment's template JSON.
    func makeNewReplicaSet(name: String, hash: String) -> ReplicaSet {
        var template = self.deployment.spec.template
        var templateMetadata = template.metadata
        var labels = templateMetadata.labels
        labels[DeploymentPlanner.podTemplateHashLabel] = hash
        templateMetadata.labels = labels
        template.metadata = templateMetadata

        var selectorObject = self.deployment.spec.object["selector"]?.objectValue ?? JSONObject()
        var matchLabels = selectorObject["matchLabels"]?.objectValue ?? JSONObject()
        matchLabels[DeploymentPlanner.podTemplateHashLabel] = .string(hash)
        selectorObject["matchLabels"] = .object(matchLabels)

        var metadata = ObjectMeta(name: name, namespace: self.deployment.namespace.isEmpty ? nil : self.deployment.namespace)
        metadata.labels = labels
        metadata.ownerReferences = [ControllerReferences.controllerReference(to: self.deployment)]
        var set = ReplicaSet(metadata: metadata)
        var spec = ReplicaSetSpec()
        spec.replicas = 0
        if let minReady = self.deployment.spec.minReadySeconds { spec.minReadySeconds = minReady }
        spec.object["selector"] = .object(selectorObject)
        spec.template = template
        set.spec = spec
        return set
    }

    /// `SetNewReplicaSetAnnotations`: the Deployment's annotations, the revision (moved forward only), the
    /// revision history of a reused set, and on creation the replica annotations.
    func applyNewReplicaSetAnnotations(_ set: inout ReplicaSet, newRevision: String, creating: Bool) {
        var metadata = set.metadata
        var annotations = metadata.annotations
        for (key, value) in self.deployment.metadata.annotations where !DeploymentPlanner.annotationsNotCopied.contains(key) {
            annotations[key] = value
        }
        let oldRevision = annotations[DeploymentPlanner.revisionAnnotation]
        if (Int64(oldRevision ?? "") ?? 0) < (Int64(newRevision) ?? 0) {
            annotations[DeploymentPlanner.revisionAnnotation] = newRevision
            if let oldRevision, !oldRevision.isEmpty {
                let history = annotations[DeploymentPlanner.revisionHistoryAnnotation] ?? ""
                annotations[DeploymentPlanner.revisionHistoryAnnotation] = history.isEmpty ? oldRevision : history + "," + oldRevision
            }
        }
        if creating {
            annotations[DeploymentPlanner.desiredReplicasAnnotation] = String(self.desired)
            annotations[DeploymentPlanner.maxReplicasAnnotation] = String(self.desired + self.maxSurge)
        }
        metadata.annotations = annotations
        set.metadata = metadata
    }

    /// `NewRSNewReplicas`: Recreate wants all replicas at once; RollingUpdate adds at most up to
    /// `replicas + maxSurge` pods in total and never beyond `replicas`.
    func newReplicaSetReplicas(current: Int32, others: [ReplicaSet]) -> Int32 {
        if self.isRecreate { return self.desired }
        let currentPods = Self.sum(others, Self.specReplicas) + (others.contains { $0.name == self.newName } ? 0 : current)
        let maxTotal = self.desired + self.maxSurge
        if currentPods >= maxTotal { return current }
        let scaleUp = min(maxTotal - currentPods, self.desired - current)
        return current + scaleUp
    }

    /// `scaleReplicaSet`: plans an update when the size or the replica annotations change; returns whether the
    /// size changed.
    @discardableResult
    mutating func scale(_ name: String, to replicas: Int32) -> Bool {
        guard var set = self.replicaSets.first(where: { $0.name == name }) else { return false }
        let sizeChanges = Self.specReplicas(set) != replicas
        var metadata = set.metadata
        var annotations = metadata.annotations
        let desiredText = String(self.desired), maxText = String(self.desired + self.maxSurge)
        let annotationsChange = annotations[DeploymentPlanner.desiredReplicasAnnotation] != desiredText
            || annotations[DeploymentPlanner.maxReplicasAnnotation] != maxText
        guard sizeChanges || annotationsChange else { return false }
        annotations[DeploymentPlanner.desiredReplicasAnnotation] = desiredText
        annotations[DeploymentPlanner.maxReplicasAnnotation] = maxText
        metadata.annotations = annotations
        set.metadata = metadata
        var spec = set.spec
        spec.replicas = replicas
        set.spec = spec
        self.write(set)
        return sizeChanges
    }

    /// Plans a create or update of `set`, folding it into an earlier write of the same ReplicaSet in this plan
    /// (one API call carrying both changes).
    mutating func write(_ set: ReplicaSet) {
        for (index, step) in self.steps.enumerated() where step.count == 1 {
            switch step[0] {
            case .createReplicaSet(let earlier) where earlier.name == set.name:
                self.steps[index] = [.createReplicaSet(set)]
                self.replace(set)
                return
            case .updateReplicaSet(let earlier) where earlier.name == set.name:
                self.steps[index] = [.updateReplicaSet(set)]
                self.replace(set)
                return
            default:
                continue
            }
        }
        self.steps.append([.updateReplicaSet(set)])
        self.replace(set)
    }
}
