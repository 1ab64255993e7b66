public import KruiseAPI
import KubeJSON
public import KubeModel
public import ControllerRuntime

/// The NodeImage controller (`pkg/controller/nodeimage`, v1.6) as a pure planner: from the observed Node, its
/// NodeImage (same name) and the ImagePullJobs that exist, what to write.
///
/// In upstream's order:
/// 1. a Node that is gone or being deleted takes its NodeImage with it, unless the NodeImage carries
///    `apps.kruise.io/fake-nodeimage`;
/// 2. a Node without a NodeImage gets one (with the Node's labels) once it has been Ready for
///    ``NodeImageTimings/creationDelay`` since the Ready condition's `lastTransitionTime`; nodes labelled
///    `type=virtual-kubelet` never get one;
/// 3. the spec is cleaned up (``cleanedUp(_:nodeLabels:imagePullJobs:now:)``); when that changes anything, the
///    update is the whole round: its own event brings the NodeImage back;
/// 4. tags the daemon has not answered in time are marked failed in the status
///    (``timedOut(_:now:timings:)``).
/// The next round is due at the earliest pending timer, but never sooner than ``NodeImageTimings/minimumRequeue``.
public enum NodeImagePlanner {
    /// The label key of nodes that are not real kubelets (virtual-kubelet), which get no NodeImage.
    public static let virtualKubeletLabelKey = "type"
    /// Its value.
    public static let virtualKubeletLabelValue = "virtual-kubelet"

    /// Plans one reconcile of the NodeImage `name`.
    ///
    /// - Parameters:
    ///   - name: the Node's and the NodeImage's name.
    ///   - node: the Node, if it exists.
    ///   - nodeImage: the NodeImage, if it exists.
    ///   - imagePullJobs: the UIDs of the ImagePullJobs that exist, by namespace and name; at least those the
    ///     NodeImage's tags name as owners.
    ///   - now: the current time.
    public static func plan(
        name: String, node: Node?, nodeImage: NodeImage?, imagePullJobs: [ObjectKey: String], now: KubeTime,
        timings: NodeImageTimings = NodeImageTimings()
    ) -> NodeImagePlan {
        var plan = NodeImagePlan()
        guard let node, !node.metadata.isBeingDeleted else {
            guard let nodeImage, !nodeImage.metadata.isBeingDeleted,
                nodeImage.metadata.labels[NodeImage.fakeLabel] == nil
            else { return plan }
            plan.write = .delete(name: nodeImage.name, uid: nodeImage.metadata.uid)
            return plan
        }
        guard let nodeImage else {
            guard !Self.isVirtualKubelet(node), let readySince = Self.readySince(node) else { return plan }
            let ready = now.duration(since: readySince)
            if ready < timings.creationDelay {
                plan.requeue(after: timings.creationDelay - ready)
                return plan
            }
            plan.write = .create(Self.newNodeImage(for: node))
            return plan
        }
        if nodeImage.metadata.isBeingDeleted { return plan }

        let cleanup = Self.cleanedUp(nodeImage, nodeLabels: node.metadata.labels, imagePullJobs: imagePullJobs, now: now)
        if cleanup.changed {
            plan.write = .update(cleanup.nodeImage)
            return plan
        }
        let timeouts = Self.timedOut(nodeImage, now: now, timings: timings)
        plan.status = timeouts.status
        plan.failures = timeouts.failures
        for wait in [cleanup.wait, timeouts.wait].compactMap({ $0 }) {
            plan.requeue(after: max(wait, timings.minimumRequeue))
        }
        return plan
    }

    /// Whether `node` is a virtual kubelet (label `type=virtual-kubelet`).
    public static func isVirtualKubelet(_ node: Node) -> Bool {
        node.metadata.labels[Self.virtualKubeletLabelKey] == Self.virtualKubeletLabelValue
    }

    /// Since when `node` has been Ready; `nil` when it is not. A Ready condition without a transition time
    /// counts as Ready for ever.
    public static func readySince(_ node: Node) -> KubeTime? {
        guard let condition = node.status.conditions[type: "Ready"], condition.isTrue else { return nil }
        return condition.lastTransitionTime ?? .epoch
    }

    /// The NodeImage of a new `node`: its name and labels, an empty spec.
    public static func newNodeImage(for node: Node) -> NodeImage {
        var metadata = ObjectMeta(name: node.name)
        metadata.labels = node.metadata.labels
        var nodeImage = NodeImage(metadata: metadata)
        nodeImage.object["spec"] = .object(JSONObject())
        return nodeImage
    }
}
