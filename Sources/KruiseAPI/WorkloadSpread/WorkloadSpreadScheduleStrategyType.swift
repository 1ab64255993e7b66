/// `WorkloadSpreadScheduleStrategyType`: how pods that cannot be scheduled in a subset are handled.
public enum WorkloadSpreadScheduleStrategyType: String, Sendable, Hashable, CaseIterable {
    /// Pods stay in the subset the webhook chose, schedulable or not (the default).
    case fixed = "Fixed"
    /// Pods pending unschedulable for `rescheduleCriticalSeconds` are deleted and their subset is skipped for
    /// five minutes, so the workload recreates them in the next subset.
    case adaptive = "Adaptive"
}
