public import KubeModel

/// What the node lifecycle controller does for one node.
public struct NodeLifecyclePlan: Sendable, Hashable {
    /// The node status to write (conditions turned `Unknown`); `nil` when unchanged.
    public var nodeStatus: NodeStatus?
    /// The node's new `spec.taints`; `nil` when unchanged.
    public var taints: [Taint]?
    /// Pods whose `Ready` condition turns `False`, with their new status.
    public var podsMarkedNotReady: [Pod]
    /// Pods to evict now.
    public var evictions: [PodEviction]
    /// When to plan again if nothing changes (a heartbeat deadline or a toleration expiring).
    public var recheckAt: KubeTime?

    public init(
        nodeStatus: NodeStatus? = nil,
        taints: [Taint]? = nil,
        podsMarkedNotReady: [Pod] = [],
        evictions: [PodEviction] = [],
        recheckAt: KubeTime? = nil
    ) {
        self.nodeStatus = nodeStatus
        self.taints = taints
        self.podsMarkedNotReady = podsMarkedNotReady
        self.evictions = evictions
        self.recheckAt = recheckAt
    }
}
