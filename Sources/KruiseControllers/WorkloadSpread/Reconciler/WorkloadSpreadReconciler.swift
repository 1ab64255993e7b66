public import ControllerRuntime
public import KruiseAPI
import KubeClient
public import KubeModel

/// The WorkloadSpread controller's reconcile (upstream `ReconcileWorkloadSpread.syncWorkloadSpread`): reads the
/// WorkloadSpread, resolves its target workload in the caches (``WorkloadSpreadTargetCaches``: replicas, pods,
/// latest version), asks the pure ``WorkloadSpreadPlanner`` what to do and runs the plan through
/// ``WorkloadSpreadPlanExecutor``.
///
/// - A WorkloadSpread that is gone or being deleted, or whose target is not (yet) in the cache, is left alone:
///   the target's own events bring it back (``WorkloadSpreadEventRouter``).
/// - Nodes are read only for pods that carry no match of this WorkloadSpread (created before it), which the
///   planner adopts by the node they run on.
/// - A status write that conflicts (the webhook booked a pod meanwhile) requeues after ``conflictRequeue``;
///   other failed calls throw, for the queue's backoff.
public struct WorkloadSpreadReconciler: Reconciler {
    /// WorkloadSpreads.
    public let workloadSpreads: Informer<WorkloadSpread>
    /// The target workloads and their pods.
    public let targets: WorkloadSpreadTargetCaches
    /// Nodes (for adopting pods created before the WorkloadSpread).
    public let nodes: Informer<Node>
    /// Runs plans.
    public let executor: WorkloadSpreadPlanExecutor
    /// How soon to reconcile again after a status conflict.
    public let conflictRequeue: Duration

    /// A reconciler.
    public init(
        workloadSpreads: Informer<WorkloadSpread>, targets: WorkloadSpreadTargetCaches, nodes: Informer<Node>,
        executor: WorkloadSpreadPlanExecutor, conflictRequeue: Duration = .milliseconds(100)
    ) {
        self.workloadSpreads = workloadSpreads
        self.targets = targets
        self.nodes = nodes
        self.executor = executor
        self.conflictRequeue = conflictRequeue
    }

    /// Syncs the WorkloadSpread `key`.
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let workloadSpread = self.workloadSpreads.store.get(key), !workloadSpread.metadata.isBeingDeleted,
            let reference = workloadSpread.spec.targetRef,
            let target = self.targets.resolve(reference, namespace: key.namespace)
        else { return .done }
        let plan = WorkloadSpreadPlanner.plan(
            workloadSpread, pods: target.pods, workloadReplicas: target.replicas, latestVersion: target.latestVersion,
            nodes: self.nodes(for: target.pods, of: workloadSpread), now: KubeTime.now())
        let execution = await self.executor.run(plan, on: workloadSpread, pods: target.pods)
        if !execution.failures.isEmpty {
            throw WorkloadSpreadReconcileError.planStepFailed(workloadSpread: key.description, failures: execution.failures)
        }
        if execution.statusConflict { return ReconcileResult(requeueAfter: self.conflictRequeue) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }

    /// The nodes of the pods that carry no match of `workloadSpread`, by name.
    func nodes(for pods: [Pod], of workloadSpread: WorkloadSpread) -> [String: Node] {
        var nodes: [String: Node] = [:]
        for pod in pods {
            guard let nodeName = pod.spec.nodeName, !nodeName.isEmpty, nodes[nodeName] == nil else { continue }
            if let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations), match.name == workloadSpread.name,
                !match.subset.isEmpty
            {
                continue
            }
            if let node = self.nodes.store.get(ObjectKey(name: nodeName)) { nodes[nodeName] = node }
        }
        return nodes
    }
}
