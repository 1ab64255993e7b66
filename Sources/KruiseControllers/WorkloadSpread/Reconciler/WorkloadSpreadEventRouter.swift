public import ControllerRuntime
public import KruiseAPI
public import KubeModel

/// Maps pod and workload events to the WorkloadSpreads to reconcile (upstream `podEventHandler` and
/// `workloadEventHandler`). Pure: the caller passes the WorkloadSpreads of the object's namespace and a lookup of
/// ReplicaSets' controllers.
///
/// - A pod maps to the WorkloadSpread its `apps.kruise.io/matched-workloadspread` annotation names; a pod without
///   one (created before the WorkloadSpread) to the WorkloadSpreads targeting its controller — or, for a pod of a
///   ReplicaSet, the ReplicaSet's Deployment.
/// - A workload (Deployment, ReplicaSet, CloneSet, StatefulSet) maps to the WorkloadSpreads targeting it by
///   group, kind and name; a ReplicaSet also to those targeting the Deployment that controls it.
/// - An update maps through both the old and the new object.
public enum WorkloadSpreadEventRouter {
    /// The WorkloadSpreads to reconcile for a pod event. `replicaSetOwner` gives the controller reference of the
    /// ReplicaSet of that name in the pod's namespace.
    public static func keys(
        for event: InformerEvent<Pod>, workloadSpreads: [WorkloadSpread], replicaSetOwner: (String) -> OwnerReference?
    ) -> [ObjectKey] {
        // Most namespaces have no WorkloadSpread: every key would name one the reconciler cannot find.
        guard !workloadSpreads.isEmpty else { return [] }
        switch event {
        case .added(let pod), .deleted(let pod):
            return self.keys(forPod: pod, workloadSpreads: workloadSpreads, replicaSetOwner: replicaSetOwner)
        case .updated(let old, let new):
            return self.union(
                self.keys(forPod: new, workloadSpreads: workloadSpreads, replicaSetOwner: replicaSetOwner),
                self.keys(forPod: old, workloadSpreads: workloadSpreads, replicaSetOwner: replicaSetOwner))
        }
    }

    /// The WorkloadSpreads one pod belongs to.
    public static func keys(
        forPod pod: Pod, workloadSpreads: [WorkloadSpread], replicaSetOwner: (String) -> OwnerReference?
    ) -> [ObjectKey] {
        if let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations), !match.name.isEmpty {
            return [ObjectKey(namespace: pod.namespace, name: match.name)]
        }
        guard let owner = pod.metadata.controllerReference else { return [] }
        var workloads = [owner]
        if owner.kind == ReplicaSet.groupVersionKind.kind,
            WorkloadSpreadTargetReference.group(ofAPIVersion: owner.apiVersion) == ReplicaSet.groupVersionKind.group,
            let deployment = replicaSetOwner(owner.name)
        {
            workloads.append(deployment)
        }
        return self.targeting(
            workloads.map { ($0.apiVersion, $0.kind, $0.name) }, namespace: pod.namespace, in: workloadSpreads)
    }

    /// The WorkloadSpreads to reconcile for an event of a workload of kind `Workload`.
    public static func keys<Workload: KubeObject>(
        forWorkload event: InformerEvent<Workload>, workloadSpreads: [WorkloadSpread]
    ) -> [ObjectKey] {
        switch event {
        case .added(let workload), .deleted(let workload):
            return self.keys(forWorkload: workload, workloadSpreads: workloadSpreads)
        case .updated(let old, let new):
            return self.union(
                self.keys(forWorkload: new, workloadSpreads: workloadSpreads),
                self.keys(forWorkload: old, workloadSpreads: workloadSpreads))
        }
    }

    /// The WorkloadSpreads targeting `workload` (and, for a ReplicaSet, its Deployment).
    public static func keys<Workload: KubeObject>(forWorkload workload: Workload, workloadSpreads: [WorkloadSpread]) -> [ObjectKey] {
        let kind = Workload.groupVersionKind
        var workloads: [(apiVersion: String, kind: String, name: String)] = [(kind.apiVersion, kind.kind, workload.name)]
        if kind == ReplicaSet.groupVersionKind, let owner = workload.metadata.controllerReference,
            owner.kind == Deployment.groupVersionKind.kind
        {
            workloads.append((owner.apiVersion, owner.kind, owner.name))
        }
        return self.targeting(workloads, namespace: workload.namespace, in: workloadSpreads)
    }

    /// The keys of the WorkloadSpreads in `namespace` whose target is one of `workloads` (apiVersion, kind, name;
    /// the version does not matter), in the order of `workloadSpreads`.
    public static func targeting(
        _ workloads: [(apiVersion: String, kind: String, name: String)], namespace: String, in workloadSpreads: [WorkloadSpread]
    ) -> [ObjectKey] {
        var keys: [ObjectKey] = []
        for workloadSpread in workloadSpreads where workloadSpread.namespace == namespace {
            guard let reference = workloadSpread.spec.targetRef else { continue }
            let targeted = workloads.contains { reference.refers(toAPIVersion: $0.apiVersion, kind: $0.kind, name: $0.name) }
            if targeted { keys.append(ObjectKey(workloadSpread)) }
        }
        return keys
    }

    private static func union(_ first: [ObjectKey], _ second: [ObjectKey]) -> [ObjectKey] {
        var keys = first
        for key in second where !keys.contains(key) { keys.append(key) }
        return keys
    }
}
