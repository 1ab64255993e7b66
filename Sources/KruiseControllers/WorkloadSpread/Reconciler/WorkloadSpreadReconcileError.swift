/// Why a WorkloadSpread reconcile asks to be retried with backoff.
public enum WorkloadSpreadReconcileError: Error, Sendable, Hashable {
    /// API calls of the plan failed; the later ones were skipped.
    case planStepFailed(workloadSpread: String, failures: [String])
}
