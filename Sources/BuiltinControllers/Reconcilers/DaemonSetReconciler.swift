import ControllerRuntime
import KubeClient
import KubeModel

/// Runs ``DaemonSetPlanner`` for one DaemonSet: decides per node whether a daemon pod should run there
/// (node selector, required node affinity, taints against the set's tolerations plus the default daemon
/// tolerations), then plans pods, revisions and status.
struct DaemonSetReconciler: Reconciler {
    let daemonSets: Informer<DaemonSet>
    let nodes: Informer<Node>
    let pods: Informer<Pod>
    let revisions: Informer<ControllerRevision>
    let executor: PlanExecutor
    let status: StatusWriter
    let planner = DaemonSetPlanner()

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let set = self.daemonSets.store.get(key) else {
            self.executor.expectations.delete(key)
            return .done
        }
        guard self.executor.expectations.isSatisfied(key) else { return .done }
        let uid = set.metadata.uid ?? ""
        let placements = self.nodes.store.list().map { Self.placement(of: set, on: $0) }
        let plan = try self.planner.plan(
            daemonSet: set,
            nodes: placements,
            pods: self.pods.store.byIndex(CacheIndex.controllerUID, uid),
            revisions: self.revisions.store.byIndex(CacheIndex.controllerUID, uid),
            now: KubeTime.now()
        )
        let succeeded = await self.executor.run(plan.steps, owner: key)
        try await self.status.write(plan.status, on: set)
        if !succeeded { throw ReconcileError.planStepFailed(controller: "daemonset", key: key.description) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }

    /// `NodeShouldRunDaemonPod`: the template's node selector and required affinity must match; NoSchedule
    /// and NoExecute taints must be tolerated to place a pod, NoExecute ones to keep it.
    static func placement(of set: DaemonSet, on node: Node) -> DaemonSetNodePlacement {
        let spec = set.spec.template.spec
        let tolerations = spec.tolerations + DaemonSetPlanner.defaultTolerations(hostNetwork: spec.value("hostNetwork", as: Bool.self) ?? false)
        let taints = node.spec.taints
        let fits = spec.requiredNodeAffinityMatches(node)
        let scheduleBlocked = tolerations.firstUntolerated(of: taints) { $0.effect == "NoSchedule" || $0.effect == "NoExecute" } != nil
        let executeBlocked = tolerations.firstUntolerated(of: taints) { $0.effect == "NoExecute" } != nil
        return DaemonSetNodePlacement(name: node.name, shouldRun: fits && !scheduleBlocked, shouldContinueRunning: fits && !executeBlocked)
    }
}
