/// The settings of the image pre-warming controllers (nodeimage, imagepulljob, imagelistpulljob).
public struct ImagePullControllerOptions: Sendable, Hashable {
    /// How long a Node must be Ready before it gets its NodeImage (upstream's `--nodeimage-creation-delay`, 30 s).
    public var nodeImageCreationDelay: Duration
    /// The re-pull periods and tag TTLs (``ImagePullJobTimings``).
    public var timings: ImagePullJobTimings
    /// Where pull secrets are copied for the daemon (`KRUISE_DAEMON_CONFIG_NS`).
    public var daemonConfigNamespace: String

    /// Upstream's defaults.
    public init(
        nodeImageCreationDelay: Duration = .seconds(30), timings: ImagePullJobTimings = ImagePullJobTimings(),
        daemonConfigNamespace: String = KruiseControllerSet.defaultDaemonConfigNamespace
    ) {
        self.nodeImageCreationDelay = nodeImageCreationDelay
        self.timings = timings
        self.daemonConfigNamespace = daemonConfigNamespace
    }
}
