/// A failure injected into ``SimulatedRegistry`` for one reference or repository.
public enum RegistryFailure: Sendable, Hashable {
    /// The tag (or repository) does not exist.
    case notFound
    /// Access denied (as for a private repository without credentials).
    case unauthorized
    /// Any other error, with containerd's message text.
    case error(message: String)
}
