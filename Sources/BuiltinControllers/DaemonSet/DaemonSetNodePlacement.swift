/// What the caller's scheduling predicates (nodeSelector, node affinity, taints against the DaemonSet's
/// tolerations plus ``DaemonSetPlanner/defaultTolerations``) say about one node.
public struct DaemonSetNodePlacement: Sendable, Hashable {
    /// The node's name.
    public var name: String
    /// A daemon pod should run here (`NodeShouldRunDaemonPod`'s first result).
    public var shouldRun: Bool
    /// A daemon pod already here may stay (false when a NoExecute taint is not tolerated).
    public var shouldContinueRunning: Bool

    /// A placement; `shouldContinueRunning` defaults to `shouldRun`.
    public init(name: String, shouldRun: Bool, shouldContinueRunning: Bool? = nil) {
        self.name = name
        self.shouldRun = shouldRun
        self.shouldContinueRunning = shouldContinueRunning ?? shouldRun
    }
}
