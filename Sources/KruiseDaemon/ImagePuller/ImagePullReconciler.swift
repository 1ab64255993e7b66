public import ControllerRuntime
public import KruiseAPI
import KubeModel

/// The NodeImage controller of the daemon (upstream `imagepuller_controller`), keyed by NodeImage name (= node
/// name): it hands the cached NodeImage to its node's puller, which plans and starts or stops pull rounds.
/// Nothing here waits for a pull: rounds report back to the puller, which writes the status, so no requeue
/// is needed while pulls are under way.
public struct ImagePullReconciler: Reconciler {
    /// The NodeImages.
    public let nodeImages: Informer<NodeImage>
    /// The pullers.
    public let daemon: ImagePullDaemon

    /// A reconciler.
    public init(nodeImages: Informer<NodeImage>, daemon: ImagePullDaemon) {
        self.nodeImages = nodeImages
        self.daemon = daemon
    }

    /// Syncs the NodeImage `key`: gone → its rounds stop; being deleted → ignored (upstream never queues it).
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let nodeImage = self.nodeImages.store.get(key) else {
            await self.daemon.forget(nodeName: key.name)
            return .done
        }
        if nodeImage.metadata.isBeingDeleted { return .done }
        await self.daemon.sync(nodeImage)
        return .done
    }
}
