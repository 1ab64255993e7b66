/// Why a NodeImage reconcile asks to be retried with backoff.
public enum NodeImageReconcileError: Error, Sendable, Hashable {
    /// API calls of the plan failed (described).
    case planStepFailed(nodeImage: String, failures: [String])
}
