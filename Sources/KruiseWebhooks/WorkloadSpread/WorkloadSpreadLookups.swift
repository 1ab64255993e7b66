public import KruiseAPI
public import KubeClient
public import KubeJSON
public import KubeModel

/// What the WorkloadSpread webhooks read and write in the cluster. Reads come from informer caches where
/// possible; the status is read and written through the API with optimistic locking, as upstream's pod webhook
/// books its subset decisions.
public struct WorkloadSpreadLookups: Sendable {
    /// The WorkloadSpreads of a namespace (a cache read).
    public var workloadSpreads: @Sendable (_ namespace: String) -> [WorkloadSpread]
    /// A workload object by apiVersion, kind, namespace and name; `nil` when it does not exist.
    public var workload: @Sendable (_ apiVersion: String, _ kind: String, _ namespace: String, _ name: String) async -> JSONObject?
    /// A pod (an eviction names only the pod).
    public var pod: @Sendable (_ namespace: String, _ name: String) async -> Pod?
    /// The WorkloadSpread as the API server has it now.
    public var fetch: @Sendable (_ namespace: String, _ name: String) async throws(KubeAPIError) -> WorkloadSpread
    /// Writes the status subresource (with the object's resourceVersion as precondition).
    public var writeStatus: @Sendable (_ workloadSpread: WorkloadSpread) async throws(KubeAPIError) -> Void

    public init(
        workloadSpreads: @escaping @Sendable (_ namespace: String) -> [WorkloadSpread],
        workload: @escaping @Sendable (_ apiVersion: String, _ kind: String, _ namespace: String, _ name: String) async -> JSONObject?,
        pod: @escaping @Sendable (_ namespace: String, _ name: String) async -> Pod?,
        fetch: @escaping @Sendable (_ namespace: String, _ name: String) async throws(KubeAPIError) -> WorkloadSpread,
        writeStatus: @escaping @Sendable (_ workloadSpread: WorkloadSpread) async throws(KubeAPIError) -> Void
    ) {
        self.workloadSpreads = workloadSpreads
        self.workload = workload
        self.pod = pod
        self.fetch = fetch
        self.writeStatus = writeStatus
    }

    /// The workloads a pod belongs to, nearest first: its controller and, for a ReplicaSet, the ReplicaSet's own
    /// controller (a Deployment).
    func workloads(of pod: Pod, namespace: String) async -> [WorkloadSpreadWorkload] {
        var workloads: [WorkloadSpreadWorkload] = []
        var reference = pod.metadata.controllerReference
        while let owner = reference, workloads.count < 2 {
            guard let object = await self.workload(owner.apiVersion, owner.kind, namespace, owner.name) else { break }
            let workload = WorkloadSpreadWorkload(object: object, apiVersion: owner.apiVersion, kind: owner.kind)
            workloads.append(workload)
            reference = owner.kind == "ReplicaSet" ? workload.controller : nil
        }
        return workloads
    }

    /// The WorkloadSpread (not being deleted) of the namespace targeting one of `workloads`, with that workload.
    static func match(
        _ workloadSpreads: [WorkloadSpread], workloads: [WorkloadSpreadWorkload]
    ) -> (workloadSpread: WorkloadSpread, workload: WorkloadSpreadWorkload)? {
        for workloadSpread in workloadSpreads where !workloadSpread.metadata.isBeingDeleted {
            if let workload = workloads.first(where: { $0.isTarget(of: workloadSpread) }) { return (workloadSpread, workload) }
        }
        return nil
    }
}
