/// Why an ImageListPullJob reconcile asks to be retried with backoff.
public enum ImageListPullJobReconcileError: Error, Sendable, Hashable {
    /// API calls of the plan failed (described); the steps after a failed one were skipped.
    case planStepFailed(job: String, failures: [String])
}
