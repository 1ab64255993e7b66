/// Why a CloneSet reconcile asks to be retried with backoff.
public enum CloneSetReconcileError: Error, Sendable, Hashable {
    /// An API call of the plan failed; the later steps were skipped.
    case planStepFailed(cloneSet: String)
}
