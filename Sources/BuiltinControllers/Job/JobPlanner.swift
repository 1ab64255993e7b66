import KubeJSON
public import KubeModel

/// The Job controller's decisions (`pkg/controller/job`, as of Kubernetes 1.32), as a pure function of what it
/// observes. NonIndexed completion mode.
///
/// - Keeps `min(parallelism, completions − succeeded)` pods active (with no `completions`: `parallelism` until
///   one succeeds), creating pods from the template (`generateName: <job>-`, labels
///   `batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name`, `controller-uid`, `job-name`, the
///   `batch.kubernetes.io/job-tracking` finalizer) and deleting extra ones.
/// - Fails the job once more pods failed than `backoffLimit` (default 6), or when `activeDeadlineSeconds`
///   passed since `startTime`: first the `FailureTarget` condition while remaining pods are deleted, then
///   `Failed` (reasons `BackoffLimitExceeded` / `DeadlineExceeded`) once none is left.
/// - Completes the job once `completions` pods succeeded: `SuccessCriteriaMet`, then `Complete` with
///   `completionTime` once no pod is left running (reason `CompletionsReached`).
/// - `suspend` deletes active pods and sets `Suspended`; resuming resets `startTime`.
///
/// ## Counting each finished pod exactly once
/// A finished pod is counted while it still carries the tracking finalizer and its UID is not yet in
/// `status.uncountedTerminatedPods`. The plan then runs in steps: (1) write the status with those UIDs added to
/// `uncountedTerminatedPods`, (2) remove the finalizer from every finished pod that still has it, and finally
/// write ``ControllerPlan/status`` with every UID of `uncountedTerminatedPods` moved into `succeeded`/`failed`
/// (``ControllerPlan/statusRequiresAllSteps`` is set: that write happens only if step 2 fully succeeded). A UID
/// enters `uncountedTerminatedPods` only while its pod has the finalizer, leaves it only when it is counted, and
/// a pod without the finalizer is never counted again; so a crash or failure between any two steps leads the
/// next sync to finish the same counting rather than repeat it. Pods the controller itself deletes (extra
/// parallelism, suspension, a finished job) lose the finalizer first and so are not counted as failures.
public struct JobPlanner: Sendable {
    /// A planner.
    public init() {}

    /// The finalizer that keeps finished pods until the Job counted them.
    public static let trackingFinalizer = "batch.kubernetes.io/job-tracking"
    /// The labels tying pods to their Job.
    public static let controllerUIDLabels = ["batch.kubernetes.io/controller-uid", "controller-uid"]
    /// The labels holding the Job's name.
    public static let jobNameLabels = ["batch.kubernetes.io/job-name", "job-name"]
    /// apps/v1's default `backoffLimit`.
    public static let defaultBackoffLimit: Int32 = 6

    /// The plan for `job`.
    /// - Parameters:
    ///   - job: the Job as observed.
    ///   - pods: pods in its namespace; those it controls count.
    ///   - now: the time conditions and `startTime` are stamped with and the deadline judged at.
    public func plan(job: Job, pods: [Pod], now: KubeTime) -> ControllerPlan<JobStatus> {
        var sync = JobSync(job: job, pods: ControllerReferences.controlled(pods, by: job), now: now)
        sync.run()
        return sync.plan()
    }

    /// The pod a Job creates: its template with the tracking finalizer and the Job labels.
    public static func pod(for job: Job) -> Pod {
        var pod = PodFactory.pod(from: job.spec.template, owner: job, naming: .generateName(job.name + "-"))
        var metadata = pod.metadata
        var labels = metadata.labels
        for key in controllerUIDLabels where labels[key] == nil { labels[key] = job.metadata.uid ?? "" }
        for key in jobNameLabels where labels[key] == nil { labels[key] = job.name }
        metadata.labels = labels
        var finalizers = metadata.finalizers
        if !finalizers.contains(trackingFinalizer) { finalizers.append(trackingFinalizer) }
        metadata.finalizers = finalizers
        pod.metadata = metadata
        return pod
    }
}
