/// How long an ImagePullJob's tags stay on a NodeImage after their pull finished: the NodeImage controller then
/// removes the tag, and a job still wanting it adds it again with a new version, which makes the daemon pull
/// again. That is how `completionPolicy: Never` re-warms nodes (upstream: about daily).
public struct ImagePullJobTimings: Sendable, Hashable {
    /// Never jobs: the re-pull period (upstream 86 400 s).
    public var neverRepullSeconds: Int32
    /// Never jobs: the period varies by up to this much either way (upstream 600 s), so nodes do not all pull
    /// at once.
    public var neverRepullJitterSeconds: Int32
    /// Always jobs: added to the job's own TTL (upstream's `--default-ttlseconds-for-always-nodeimage`, 300 s).
    public var alwaysExtraTTLSeconds: Int32
    /// Always jobs: a random 0 ..< this more (upstream 300 s).
    public var alwaysExtraTTLJitterSeconds: Int32

    /// Upstream's values.
    public init(
        neverRepullSeconds: Int32 = 86_400, neverRepullJitterSeconds: Int32 = 600, alwaysExtraTTLSeconds: Int32 = 300,
        alwaysExtraTTLJitterSeconds: Int32 = 300
    ) {
        self.neverRepullSeconds = neverRepullSeconds
        self.neverRepullJitterSeconds = neverRepullJitterSeconds
        self.alwaysExtraTTLSeconds = alwaysExtraTTLSeconds
        self.alwaysExtraTTLJitterSeconds = alwaysExtraTTLJitterSeconds
    }

    /// A re-pull period of `seconds` with upstream's proportion of jitter (600 s a day, at least 0).
    public static func repullingEvery(_ seconds: Int32) -> ImagePullJobTimings {
        ImagePullJobTimings(neverRepullSeconds: seconds, neverRepullJitterSeconds: Int32(Int64(seconds) * 600 / 86_400))
    }
}
