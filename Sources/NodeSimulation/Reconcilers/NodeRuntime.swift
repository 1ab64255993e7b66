import ContainerRuntime

/// The container runtime of one simulated node: its image store (CRI image service) and runtime service.
public struct NodeRuntime: Sendable {
    /// The node's images, pulled from the shared ``SimulatedRegistry``.
    public let imageStore: SimulatedImageStore
    /// The node's CRI runtime service.
    public let runtimeService: SimulatedRuntimeService

    public init(imageStore: SimulatedImageStore, runtimeService: SimulatedRuntimeService) {
        self.imageStore = imageStore
        self.runtimeService = runtimeService
    }
}
