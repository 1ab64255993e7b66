import ContainerRuntime

/// What the simulated kubelet's runtime reports for planning one pod: the images it names, and the pod IPs
/// already given to other pods on the node.
public struct NodeRuntimeView: Sendable, Hashable {
    /// By normalised reference (``ImageReference/description``); a missing entry means "absent, no pull".
    public var images: [String: ImagePullView]
    /// Pod IPs in use by other pods on the node.
    public var podIPsInUse: Set<String>

    public init(images: [String: ImagePullView] = [:], podIPsInUse: Set<String> = []) {
        self.images = images
        self.podIPsInUse = podIPsInUse
    }
}
