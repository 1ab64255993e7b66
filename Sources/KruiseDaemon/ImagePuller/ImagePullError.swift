public import ContainerRuntime

/// Why an attempt (or a whole round) of a pull failed; `description` is what the NodeImage status's
/// `message` and the `PullImageFailed` event say.
public enum ImagePullError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The runtime refused or failed the pull (containerd's message, as the kubelet prints it).
    case runtime(ContainerRuntimeError)
    /// The attempt ran out of `timeoutSeconds` (or of the time left to the deadline).
    case timedOut(reference: String)
    /// `activeDeadlineSeconds` passed before the pull succeeded.
    case deadlineExceeded
    /// The round was stopped (its tag left the spec, or the daemon is shutting down).
    case stopped(reference: String)

    /// Upstream's texts for its own errors; the runtime's error as the runtime words it.
    public var description: String {
        switch self {
        case .runtime(let error): error.description
        case .timedOut(let reference): "pulling image \(reference) is canceled"
        case .deadlineExceeded: "pulling exceeds the activeDeadlineSeconds"
        case .stopped(let reference): "pulling image \(reference) is stopped"
        }
    }
}
