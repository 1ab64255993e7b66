import ControllerRuntime
import KubeClient
import KubeModel

/// Runs ``StatefulSetPlanner`` for one StatefulSet over its pods, revisions and claims.
struct StatefulSetReconciler: Reconciler {
    let statefulSets: Informer<StatefulSet>
    let pods: Informer<Pod>
    let revisions: Informer<ControllerRevision>
    let claims: Informer<PersistentVolumeClaim>
    let executor: PlanExecutor
    let status: StatusWriter
    let planner = StatefulSetPlanner()

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let set = self.statefulSets.store.get(key) else {
            self.executor.expectations.delete(key)
            return .done
        }
        guard self.executor.expectations.isSatisfied(key) else { return .done }
        let uid = set.metadata.uid ?? ""
        let plan = self.planner.plan(
            statefulSet: set,
            pods: self.pods.store.byIndex(CacheIndex.controllerUID, uid),
            revisions: self.revisions.store.byIndex(CacheIndex.controllerUID, uid),
            claims: self.claims.store.list(namespace: key.namespace),
            now: KubeTime.now()
        )
        let succeeded = await self.executor.run(plan.steps, owner: key)
        try await self.status.write(plan.status, on: set)
        if !succeeded { throw ReconcileError.planStepFailed(controller: "statefulset", key: key.description) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }
}
