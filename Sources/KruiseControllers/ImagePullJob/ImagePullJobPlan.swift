import KruiseAPI
import KubeModel

/// What the ImagePullJob controller does in one sync.
struct ImagePullJobPlan: Sendable {
    /// The job's new status.
    var status: ImagePullJobStatus
    /// The NodeImages to give the job's tag, at most `parallelism − active` of them.
    var assignments: [ImagePullJobTagAssignment]
    /// When to sync again without an event (the active deadline), if ever.
    var requeueAfter: Duration?
}
