import ControllerRuntime
import KubeClient
import KubeModel

/// Runs ``ReplicaSetPlanner`` for one ReplicaSet: pods from the shared cache (by controller UID), plan,
/// execute under expectations, write status.
struct ReplicaSetReconciler: Reconciler {
    let replicaSets: Informer<ReplicaSet>
    let pods: Informer<Pod>
    let executor: PlanExecutor
    let status: StatusWriter
    let planner = ReplicaSetPlanner()

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let replicaSet = self.replicaSets.store.get(key) else {
            self.executor.expectations.delete(key)
            return .done
        }
        // The cache is behind our own last creates/deletes: wait for their events (which requeue us).
        guard self.executor.expectations.isSatisfied(key) else { return .done }
        let owned = self.pods.store.byIndex(CacheIndex.controllerUID, replicaSet.metadata.uid ?? "")
        let plan = self.planner.plan(replicaSet: replicaSet, pods: owned, now: KubeTime.now())
        let succeeded = await self.executor.run(plan.steps, owner: key)
        try await self.status.write(plan.status, on: replicaSet)
        if !succeeded { throw ReconcileError.planStepFailed(controller: "replicaset", key: key.description) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }
}
