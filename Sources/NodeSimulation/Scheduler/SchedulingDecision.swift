/// What the scheduler decides for one pod.
public enum SchedulingDecision: Sendable, Hashable {
    /// Bind the pod to this node.
    case bind(nodeName: String)
    /// No node fits; the message is kube-scheduler's (`0/3 nodes are available: …`), for the pod's
    /// `PodScheduled` condition and the `FailedScheduling` event.
    case unschedulable(message: String)
    /// The pod is not this scheduler's to place (already has a node, is being deleted or names another
    /// scheduler); the reason says which.
    case skipped(reason: String)
}
