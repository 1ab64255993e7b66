public import ControllerRuntime
public import KruiseAPI
import KubeClient
import KubeModel

/// The ImageListPullJob controller's reconcile (upstream `ReconcileImageListPullJob.Reconcile`): reads the list
/// job and the ImagePullJobs it controls from the caches, asks the pure ``ImageListPullJobPlanner`` what to do and
/// runs the plan through ``ImageListPullJobPlanExecutor``.
///
/// - A job that is gone drops its expectations; one being deleted is left alone (its children go with it).
/// - While the job's create/delete expectations are unsatisfied, the child events that satisfy them bring the
///   job back; ``expectationsRequeue`` is a safety net for a child that never shows.
/// - A status write that conflicts requeues after ``conflictRequeue``; other failed calls throw, for the queue's
///   backoff.
public struct ImageListPullJobReconciler: Reconciler {
    /// ImageListPullJobs.
    public let listJobs: Informer<ImageListPullJob>
    /// ImagePullJobs (indexed by controller UID).
    public let imagePullJobs: Informer<ImagePullJob>
    /// The create/delete expectations, by list job key (shared with ``ImageListPullJobEventRouter``).
    public let expectations: ScaleExpectations
    /// Runs plans.
    public let executor: ImageListPullJobPlanExecutor
    /// How soon to look again while expectations are unsatisfied.
    public let expectationsRequeue: Duration
    /// How soon to reconcile again after a status conflict.
    public let conflictRequeue: Duration

    /// A reconciler.
    public init(
        listJobs: Informer<ImageListPullJob>, imagePullJobs: Informer<ImagePullJob>, expectations: ScaleExpectations,
        executor: ImageListPullJobPlanExecutor, expectationsRequeue: Duration = .seconds(5),
        conflictRequeue: Duration = .milliseconds(100)
    ) {
        self.listJobs = listJobs
        self.imagePullJobs = imagePullJobs
        self.expectations = expectations
        self.executor = executor
        self.expectationsRequeue = expectationsRequeue
        self.conflictRequeue = conflictRequeue
    }

    /// Syncs the ImageListPullJob `key`.
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let job = self.listJobs.store.get(key) else {
            self.expectations.delete(key)
            return .done
        }
        if job.metadata.isBeingDeleted { return .done }
        let children = self.children(of: job)
        let plan = ImageListPullJobPlanner.plan(
            job, children: children, expectationsSatisfied: self.expectations.isSatisfied(key), now: KubeTime.now())
        let execution = await self.executor.run(plan, on: job)
        if !execution.failures.isEmpty {
            throw ImageListPullJobReconcileError.planStepFailed(job: key.description, failures: execution.failures)
        }
        if execution.statusConflict { return ReconcileResult(requeueAfter: self.conflictRequeue) }
        if plan.waitsForExpectations { return ReconcileResult(requeueAfter: self.expectationsRequeue) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }

    /// The ImagePullJobs in the job's namespace whose controller is the job (by UID).
    func children(of job: ImageListPullJob) -> [ImagePullJob] {
        guard let uid = job.metadata.uid, !uid.isEmpty else { return [] }
        return self.imagePullJobs.store.byIndex(CacheIndex.controllerUID, uid).filter { $0.namespace == job.namespace }
    }
}
