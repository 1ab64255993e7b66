import ControllerRuntime
import KubeClient
import KubeModel
import Synchronization

/// Runs ``JobPlanner`` for one Job over its pods. The plan may ask for a status write between its steps
/// (finalizer-based pod tracking records counts before it releases pods); that write goes to the Job as
/// observed, and the final status to the version it returned.
struct JobReconciler: Reconciler {
    let jobs: Informer<Job>
    let pods: Informer<Pod>
    let executor: PlanExecutor
    let status: StatusWriter
    let planner = JobPlanner()

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let job = self.jobs.store.get(key) else {
            self.executor.expectations.delete(key)
            return .done
        }
        guard self.executor.expectations.isSatisfied(key) else { return .done }
        let plan = self.planner.plan(job: job, pods: self.pods.store.byIndex(CacheIndex.controllerUID, job.metadata.uid ?? ""), now: KubeTime.now())
        let latest = LatestObject(job)
        let writer = self.status
        let succeeded = await self.executor.run(plan.steps, owner: key) { status in
            latest.set(try await writer.write(status, on: latest.get()))
        }
        if !succeeded {
            if !plan.statusRequiresAllSteps { try await self.status.write(plan.status, on: latest.get()) }
            throw ReconcileError.planStepFailed(controller: "job", key: key.description)
        }
        try await self.status.write(plan.status, on: latest.get())
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }
}

/// The latest version of an object a reconcile has written, shared with the closures that write it.
final class LatestObject<Object: KubeObject>: Sendable {
    private let value: Mutex<Object>

    init(_ object: Object) {
        self.value = Mutex(object)
    }

    func get() -> Object { self.value.withLock { $0 } }

    func set(_ object: Object) { self.value.withLock { $0 = object } }
}
