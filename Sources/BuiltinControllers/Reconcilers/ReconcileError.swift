/// Why a built-in controller's reconcile asks to be retried with backoff.
public enum ReconcileError: Error, Sendable, Hashable {
    /// One of the plan's API calls failed; the rest of the plan was skipped.
    case planStepFailed(controller: String, key: String)
}
