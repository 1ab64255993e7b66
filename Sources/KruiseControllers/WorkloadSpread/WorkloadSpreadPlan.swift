public import KubeJSON
public import KruiseAPI

/// What one WorkloadSpread reconcile should do (see ``WorkloadSpreadPlanner``).
public struct WorkloadSpreadPlan: Sendable, Hashable {
    /// An event to record on the WorkloadSpread.
    public struct Event: Sendable, Hashable {
        /// `Normal` or `Warning`.
        public var type: String
        /// `CreatePodFailed`, `DeletePodFailed` or `RecoverSchedulable`.
        public var reason: String
        public var message: String

        public init(type: String, reason: String, message: String) {
            self.type = type
            self.reason = reason
            self.message = message
        }
    }

    /// Strategic merge patches for pods created before the WorkloadSpread that were matched to a subset by their
    /// node: the match annotation plus the subset patch's `metadata`. Applied first, by pod name.
    public var podPatches: [String: JSONValue] = [:]
    /// New `controller.kubernetes.io/pod-deletion-cost` values, by pod name (only pods whose value changes).
    public var deletionCosts: [String: String] = [:]
    /// The status to write; `nil` when it is semantically unchanged.
    public var status: WorkloadSpreadStatus?
    /// Pods to delete after the status is written (Adaptive: pending unschedulable beyond
    /// `rescheduleCriticalSeconds`), by pod name, in subset order.
    public var podsToDelete: [String] = []
    /// Events to record.
    public var events: [Event] = []
    /// When to reconcile again for a pending timer (a `creatingPods`/`deletingPods` record expiring, an
    /// unschedulable pod reaching its deadline, a subset recovering); `nil` when none is pending.
    public var requeueAfter: Duration?

    public init() {}

    /// Keeps the shortest positive delay (upstream's `DurationStore.Push`).
    mutating func requeue(after delay: Duration) {
        guard delay > .zero else { return }
        if let current = self.requeueAfter, current <= delay { return }
        self.requeueAfter = delay
    }

    mutating func record(_ event: Event) {
        if !self.events.contains(event) { self.events.append(event) }
    }
}
