import KubeJSON
/// What one sync of a built-in controller wants done: API calls in ordered steps, the status to write
/// afterwards, and when to look again.
///
/// The reconciler runs the steps in order. The actions of one step are independent and may run
/// concurrently. When any action of a step fails, the reconciler runs no later step (this is Kubernetes'
/// `slowStartBatch`: pod creations come in steps of 1, 2, 4, … so that a failing quota or admission webhook
/// costs one request, not hundreds), lowers its expectations for the actions it skipped, and still writes
/// ``status`` unless ``statusRequiresAllSteps`` is set.
public struct ControllerPlan<Status: Sendable & Hashable>: Sendable, Hashable {
    /// The actions, in steps.
    public var steps: [[ControllerAction]]
    /// The owner's status as it should be written once the steps ran (`observedGeneration` included).
    public var status: Status
    /// Sync again after this long even if nothing changes (minReadySeconds, deadlines); `nil` for never.
    public var requeueAfter: Duration?
    /// When `true`, ``status`` may only be written if every step succeeded (the Job planner's counters assume
    /// its finalizer removals happened); after a failure the reconciler writes no status and syncs again.
    public var statusRequiresAllSteps: Bool

    /// A plan from its parts; empty steps are dropped.
    public init(
        steps: [[ControllerAction]] = [], status: Status, requeueAfter: Duration? = nil,
        statusRequiresAllSteps: Bool = false
    ) {
        self.steps = steps.filter { !$0.isEmpty }
        self.status = status
        self.requeueAfter = requeueAfter
        self.statusRequiresAllSteps = statusRequiresAllSteps
    }

    /// Every action of every step, in order.
    public var actions: [ControllerAction] { self.steps.flatMap { $0 } }

    /// `true` when the plan makes no API call other than the status write.
    public var isIdle: Bool { self.steps.isEmpty }
}
