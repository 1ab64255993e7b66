public import ControllerRuntime
import KruiseAPI
import KubeClient
public import KubeModel

/// What `kruise daemon` runs: the image puller, driven by NodeImages, over each node's CRI image service.
public enum KruiseDaemonSet {
    /// How the client serves NodeImages (`nodeimages.apps.kruise.io`, cluster scope).
    public static let nodeImageDescriptor = ResourceDescriptor(
        NodeImage.groupVersionKind, plural: "nodeimages", namespaced: false)

    /// The controller name.
    public static let imagePullerName = "imagepuller"

    /// Registers the NodeImage descriptor on `manager.client` and the image puller's controller on `manager`,
    /// serving the nodes `imageServices` answers for (`kruise local`: every simulated node's image store;
    /// `kruise daemon --node-name X`: X's runtime only). Call before `manager.run()`, and run the returned
    /// daemon's ``ImagePullDaemon/run()`` beside the manager: the pulls and status writes run there.
    /// The NodeImage CRD must be installed for the informer to sync.
    public static func register(
        on manager: Manager,
        imageServices: @escaping ImagePullDaemon.ImageServiceLookup,
        options: ImagePullerOptions = ImagePullerOptions()
    ) -> ImagePullDaemon {
        manager.client.register(Self.nodeImageDescriptor)
        let daemon = ImagePullDaemon(
            client: manager.client, imageServices: imageServices, options: options, logger: manager.logger)
        manager.add(Self.imagePullerController(on: manager, daemon: daemon))
        return daemon
    }

    /// The image puller's controller (named `imagepuller`) on the manager's shared NodeImage informer; not yet
    /// added to `manager`. Only NodeImages of nodes `daemon` serves are queued. With
    /// ``ImagePullerOptions/watchNodes``, a Node event also queues its NodeImage while the node is served but has
    /// no puller yet (its image service appeared after the NodeImage was listed).
    public static func imagePullerController(on manager: Manager, daemon: ImagePullDaemon) -> Controller {
        let nodeImages = manager.informer(NodeImage.self)
        let controller = Controller(
            name: Self.imagePullerName, reconciler: ImagePullReconciler(nodeImages: nodeImages, daemon: daemon),
            workers: daemon.options.reconcileWorkers, metrics: manager.metrics, logger: manager.logger)
        controller.watch(nodeImages) { event in
            daemon.serves(event.object.name) ? [ObjectKey(event.object)] : []
        }
        if daemon.options.watchNodes {
            controller.watch(manager.informer(Node.self)) { event in
                if case .deleted = event { return [] }
                let key = ObjectKey(name: event.object.name)
                guard daemon.awaitsFirstSync(key.name), nodeImages.store.get(key) != nil else { return [] }
                return [key]
            }
        }
        return controller
    }
}
