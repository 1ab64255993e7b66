public import KruiseAPI

/// What one sync of a CloneSet wants done: API calls in ordered steps, the status to write afterwards and
/// when to look again.
///
/// The reconciler runs the steps in order; the actions of one step are independent. When an action of a step
/// fails, no later step runs (creations come in slow-start batches of 1, 2, 4, …, each batch's PVCs in the step
/// before its pods). ``status`` is written in any case.
public struct CloneSetPlan: Sendable, Hashable {
    /// The actions, in steps.
    public var steps: [[CloneSetAction]]
    /// The status to write (observedGeneration, revisions, counts, conditions).
    public var status: CloneSetStatus
    /// Sync again after this long even if nothing changes (minReadySeconds, grace periods); `nil` for never.
    public var requeueAfter: Duration?
    /// The numbers the scale and update decisions were made from (scale pass), for logs and tests.
    public var diffs: CloneSetDiffs?
    /// Why scaling or updating could not proceed (recorded as a `FailedScale`/`FailedUpdate` condition).
    public var failure: CloneSetPlanningError?

    /// A plan from its parts; empty steps are dropped.
    public init(
        steps: [[CloneSetAction]], status: CloneSetStatus, requeueAfter: Duration? = nil,
        diffs: CloneSetDiffs? = nil, failure: CloneSetPlanningError? = nil
    ) {
        self.steps = steps.filter { !$0.isEmpty }
        self.status = status
        self.requeueAfter = requeueAfter
        self.diffs = diffs
        self.failure = failure
    }

    /// Every action of every step, in order.
    public var actions: [CloneSetAction] { self.steps.flatMap { $0 } }
}
