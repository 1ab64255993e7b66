public import KubeModel

/// What the simulated kubelet knows about one image on its node: whether it is present, whether a pull is
/// under way, how the last pull failed, and (for `imagePullPolicy: Always`) what the registry serves now.
public struct ImagePullView: Sendable, Hashable {
    /// The image, when present under this reference.
    public var local: LocalImage?
    /// When the pull under way started; `nil` when none is.
    public var pullStartedAt: KubeTime?
    /// The last failed pull since the last success.
    public var lastFailure: ImagePullFailure?
    /// The digest the registry serves for this reference now; `nil` when unknown (then `Always` pulls only
    /// when the image is absent).
    public var remoteDigest: String?

    public init(
        local: LocalImage? = nil,
        pullStartedAt: KubeTime? = nil,
        lastFailure: ImagePullFailure? = nil,
        remoteDigest: String? = nil
    ) {
        self.local = local
        self.pullStartedAt = pullStartedAt
        self.lastFailure = lastFailure
        self.remoteDigest = remoteDigest
    }
}
