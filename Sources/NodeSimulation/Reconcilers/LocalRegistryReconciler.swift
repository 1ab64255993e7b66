import ControllerRuntime
import KubeModel
import Logging
import Synchronization

/// Keeps the simulated registry in line with the ConfigMap `kube-system/local-registry`
/// (``LocalRegistryConfiguration``): `kubectl apply` or `kubectl patch` of it pushes tags and injects pull
/// failures for every node. A `Mutex` holds the configuration last applied.
final class LocalRegistryReconciler: Reconciler, Sendable {
    let configMaps: Informer<ConfigMap>
    let registry: SimulatedRegistry
    let logger: Logger
    private let applied = Mutex(LocalRegistryConfiguration())

    init(configMaps: Informer<ConfigMap>, registry: SimulatedRegistry, logger: Logger) {
        self.configMaps = configMaps
        self.registry = registry
        self.logger = logger
    }

    static let key = ObjectKey(namespace: LocalRegistryConfiguration.namespace, name: LocalRegistryConfiguration.name)

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let configMap = self.configMaps.store.get(Self.key)
        let configuration = configMap.map { LocalRegistryConfiguration(data: $0.data) } ?? LocalRegistryConfiguration()
        for problem in configuration.problems {
            self.logger.warning("local-registry: entry ignored", metadata: ["problem": "\(problem)"])
        }
        self.applied.withLock { applied in
            configuration.apply(to: self.registry, replacing: applied)
            applied = configuration
        }
        return .done
    }

    /// Queues the ConfigMap's events.
    func watch(with controller: Controller) {
        controller.watch(self.configMaps) { event in
            let object = event.object
            guard object.metadata.namespace == Self.key.namespace, object.name == Self.key.name else { return [] }
            return [Self.key]
        }
    }
}
