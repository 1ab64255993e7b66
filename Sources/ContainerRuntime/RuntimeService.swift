/// The part of the CRI runtime service SwiftKruise uses.
public protocol RuntimeService: Sendable {
    /// The runtime's name and versions.
    func version() async -> RuntimeVersion
    /// Stops a container, giving it `timeoutSeconds` before it is killed.
    func stopContainer(_ containerID: String, timeoutSeconds: Int64) async throws(ContainerRuntimeError)
}
