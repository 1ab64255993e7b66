public import ControllerRuntime
public import KruiseAPI
public import KubeModel

/// The informers of the workloads a WorkloadSpread can target — Deployment, ReplicaSet, CloneSet
/// (`apps.kruise.io`) and StatefulSet (`apps/v1`) — and of their pods, and how a target reference resolves
/// against them.
///
/// Deployments, ReplicaSets and CloneSets are versioned (``KruiseAPI/WorkloadSpreadVersion``); StatefulSets share
/// the single ``KruiseAPI/WorkloadSpreadVersion/ignored`` version. Jobs, Advanced StatefulSets and custom workloads
/// are not supported yet (a Job informer would need `batch/jobs` in the manager's RBAC): a reference to one
/// resolves to nothing.
public struct WorkloadSpreadTargetCaches: Sendable {
    /// Deployments.
    public let deployments: Informer<Deployment>
    /// ReplicaSets (indexed by controller UID).
    public let replicaSets: Informer<ReplicaSet>
    /// CloneSets.
    public let cloneSets: Informer<CloneSet>
    /// StatefulSets.
    public let statefulSets: Informer<StatefulSet>
    /// Pods (indexed by controller UID).
    public let pods: Informer<Pod>

    /// Caches over the given informers.
    public init(
        deployments: Informer<Deployment>, replicaSets: Informer<ReplicaSet>, cloneSets: Informer<CloneSet>,
        statefulSets: Informer<StatefulSet>, pods: Informer<Pod>
    ) {
        self.deployments = deployments
        self.replicaSets = replicaSets
        self.cloneSets = cloneSets
        self.statefulSets = statefulSets
        self.pods = pods
    }

    /// The workload `reference` names in `namespace`; `nil` when it is not in the cache (or of a kind not
    /// supported), in which case the WorkloadSpread is left alone until the workload appears.
    public func resolve(_ reference: WorkloadSpreadTargetReference, namespace: String) -> WorkloadSpreadTarget? {
        let key = ObjectKey(namespace: namespace, name: reference.name)
        guard let group = reference.group else { return nil }
        switch (group, reference.kind) {
        case (Deployment.groupVersionKind.group, Deployment.groupVersionKind.kind):
            guard let deployment = self.deployments.store.get(key) else { return nil }
            let uid = deployment.metadata.uid ?? ""
            let replicaSets = self.replicaSets.store.list(namespace: namespace)
            let owned = replicaSets.filter { $0.metadata.controllerReference?.uid == uid }
            let pods = owned.flatMap { self.controlledPods(of: $0) }
            return WorkloadSpreadTarget(
                replicas: Int(deployment.spec.replicas ?? 1), pods: pods,
                latestVersion: WorkloadSpreadVersion.latest(of: deployment, replicaSets: owned))
        case (ReplicaSet.groupVersionKind.group, ReplicaSet.groupVersionKind.kind):
            guard let replicaSet = self.replicaSets.store.get(key) else { return nil }
            return WorkloadSpreadTarget(
                replicas: Int(replicaSet.spec.replicas ?? 1), pods: self.controlledPods(of: replicaSet),
                latestVersion: WorkloadSpreadVersion.latest(of: replicaSet))
        case (CloneSet.groupVersionKind.group, CloneSet.groupVersionKind.kind):
            guard let cloneSet = self.cloneSets.store.get(key) else { return nil }
            return WorkloadSpreadTarget(
                replicas: Int(cloneSet.spec.replicas ?? 1), pods: self.controlledPods(of: cloneSet),
                latestVersion: WorkloadSpreadVersion.latest(of: cloneSet))
        case (StatefulSet.groupVersionKind.group, StatefulSet.groupVersionKind.kind):
            guard let statefulSet = self.statefulSets.store.get(key) else { return nil }
            return WorkloadSpreadTarget(
                replicas: Int(statefulSet.spec.replicas ?? 1), pods: self.controlledPods(of: statefulSet),
                latestVersion: WorkloadSpreadVersion.ignored)
        default:
            return nil
        }
    }

    /// The pods whose controller is `owner` (by UID).
    public func controlledPods(of owner: some KubeObject) -> [Pod] {
        guard let uid = owner.metadata.uid, !uid.isEmpty else { return [] }
        return self.pods.store.byIndex(CacheIndex.controllerUID, uid)
    }
}
