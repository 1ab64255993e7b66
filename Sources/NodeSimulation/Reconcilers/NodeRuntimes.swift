import ContainerRuntime
import Synchronization

/// The runtimes of the nodes being simulated, by node name, created on first use over one shared registry.
/// A `Mutex` guards the table.
final class NodeRuntimes: Sendable {
    let registry: SimulatedRegistry
    private let runtimes = Mutex<[String: NodeRuntime]>([:])

    init(registry: SimulatedRegistry) {
        self.registry = registry
    }

    /// The runtime of `nodeName`, created when the node is first simulated.
    func runtime(forNode nodeName: String) -> NodeRuntime {
        self.runtimes.withLock { runtimes in
            if let existing = runtimes[nodeName] { return existing }
            let runtime = NodeRuntime(imageStore: SimulatedImageStore(registry: self.registry), runtimeService: SimulatedRuntimeService())
            runtimes[nodeName] = runtime
            return runtime
        }
    }

    /// The runtime of `nodeName` if the node is simulated.
    func existingRuntime(forNode nodeName: String) -> NodeRuntime? {
        self.runtimes.withLock { $0[nodeName] }
    }

    /// Forgets a node that was deleted (its images go with it).
    func remove(_ nodeName: String) {
        _ = self.runtimes.withLock { $0.removeValue(forKey: nodeName) }
    }

    /// The names of the nodes with a runtime, sorted.
    var nodeNames: [String] { self.runtimes.withLock { $0.keys.sorted() } }
}
