public import KubeModel

/// The last failed pull of an image on a node, which the kubelet backs off from.
public struct ImagePullFailure: Sendable, Hashable {
    /// The runtime's error text (`rpc error: code = NotFound desc = …`).
    public var message: String
    /// When the pull failed.
    public var failedAt: KubeTime
    /// How many pulls failed in a row (1 after the first failure).
    public var consecutiveFailures: Int

    public init(message: String, failedAt: KubeTime, consecutiveFailures: Int) {
        self.message = message
        self.failedAt = failedAt
        self.consecutiveFailures = consecutiveFailures
    }
}
