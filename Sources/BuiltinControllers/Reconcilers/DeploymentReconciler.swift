import ControllerRuntime
import KubeClient
import KubeModel

/// Runs ``DeploymentPlanner`` for one Deployment over its ReplicaSets and their pods.
struct DeploymentReconciler: Reconciler {
    let deployments: Informer<Deployment>
    let replicaSets: Informer<ReplicaSet>
    let pods: Informer<Pod>
    let executor: PlanExecutor
    let status: StatusWriter
    let planner = DeploymentPlanner()

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let deployment = self.deployments.store.get(key) else { return .done }
        if deployment.metadata.isBeingDeleted { return .done }
        let replicaSets = self.replicaSets.store.list(namespace: key.namespace)
        let owned = replicaSets.filter { $0.metadata.controllerReference?.uid == deployment.metadata.uid }
        // Only a Recreate rollout reads the pods (it waits for the old ones to stop); kube's controller lists them
        // on every sync, but a rolling update never looks at them.
        let pods = deployment.spec.strategyType == "Recreate"
            ? owned.flatMap { self.pods.store.byIndex(CacheIndex.controllerUID, $0.metadata.uid ?? "") } : []
        let plan = try self.planner.plan(deployment: deployment, replicaSets: replicaSets, pods: pods, now: KubeTime.now())
        let succeeded = await self.executor.run(plan.steps, owner: key)
        // The plan may have updated the Deployment's annotations; write status on the latest version.
        var current = deployment
        if plan.actions.contains(where: { if case .updateDeployment = $0 { return true } else { return false } }) {
            current = try await self.executor.client.get(Deployment.self, namespace: key.namespace, name: key.name)
        }
        try await self.status.write(plan.status, on: current)
        if !succeeded { throw ReconcileError.planStepFailed(controller: "deployment", key: key.description) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }
}
