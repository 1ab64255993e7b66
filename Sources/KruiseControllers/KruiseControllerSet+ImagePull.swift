public import ControllerRuntime
import KruiseAPI
public import KubeClient
public import KubeModel

extension KruiseControllerSet {
    /// How the client serves ImagePullJobs (`imagepulljobs.apps.kruise.io`, namespaced, no short name).
    public static let imagePullJobDescriptor = ResourceDescriptor(
        ImagePullJob.groupVersionKind, plural: "imagepulljobs", namespaced: true)

    /// How the client serves ImageListPullJobs (`imagelistpulljobs.apps.kruise.io`, namespaced, no short name).
    public static let imageListPullJobDescriptor = ResourceDescriptor(
        ImageListPullJob.groupVersionKind, plural: "imagelistpulljobs", namespaced: true)

    /// How the client serves NodeImages (`nodeimages.apps.kruise.io`, cluster scope, no short name).
    public static let nodeImageDescriptor = ResourceDescriptor(
        NodeImage.groupVersionKind, plural: "nodeimages", namespaced: false)

    /// The event source component of the NodeImage controller (upstream's recorder name).
    public static let nodeImageComponent = "nodeimage-controller"

    /// The event source component of the ImageListPullJob controller (upstream's recorder name).
    public static let imageListPullJobComponent = "imagelistpulljob-controller"

    /// Registers the ImagePullJob, ImageListPullJob and NodeImage descriptors on `client`.
    public static func registerImagePullDescriptors(on client: KubeClient) {
        client.register(Self.imagePullJobDescriptor)
        client.register(Self.imageListPullJobDescriptor)
        client.register(Self.nodeImageDescriptor)
    }

    /// The NodeImage controller (named `nodeimage`) with its watches; not yet added to `manager`. It keeps one
    /// NodeImage per Node (created once the Node has been Ready for `creationDelay`, upstream's
    /// `--nodeimage-creation-delay`, 30 s; `kruise local` passes 0), cleans up their tags and fails the pulls the
    /// daemon does not answer within `responseTimeout` (10 minutes). It watches NodeImages, Nodes and
    /// ImagePullJob deletions; the NodeImage and ImagePullJob CRDs must be installed.
    public static func nodeImageController(
        on manager: Manager, workers: Int, creationDelay: Duration = .seconds(30),
        responseTimeout: Duration = .seconds(600)
    ) -> Controller {
        Self.registerImagePullDescriptors(on: manager.client)
        let nodeImages = manager.informer(NodeImage.self)
        let nodes = manager.informer(Node.self)
        let imagePullJobs = manager.informer(ImagePullJob.self)
        let recorder = EventRecorder(client: manager.client, component: Self.nodeImageComponent, logger: manager.logger)
        let reconciler = NodeImageReconciler(
            nodeImages: nodeImages, nodes: nodes, imagePullJobs: imagePullJobs,
            executor: NodeImagePlanExecutor(client: manager.client, recorder: recorder, logger: manager.logger),
            timings: NodeImageTimings(creationDelay: creationDelay, responseTimeout: responseTimeout))
        let controller = Controller(
            name: "nodeimage", reconciler: reconciler, workers: workers, metrics: manager.metrics, logger: manager.logger)
        controller.watchOwn(nodeImages)
        controller.watch(nodes) { event in
            NodeImageEventRouter.keys(forNode: event) { nodeImages.store.get(ObjectKey(name: $0)) }
        }
        controller.watch(imagePullJobs) { event in
            guard case .deleted = event else { return [] }
            return NodeImageEventRouter.keys(forImagePullJob: event, nodeImages: nodeImages.store.list())
        }
        return controller
    }

    /// The ImageListPullJob controller (named `imagelistpulljob`) with its watches; not yet added to `manager`. It
    /// keeps one ImagePullJob per listed image and sums their statuses; it watches ImageListPullJobs and the
    /// ImagePullJobs they control.
    public static func imageListPullJobController(on manager: Manager, workers: Int) -> Controller {
        Self.registerImagePullDescriptors(on: manager.client)
        let listJobs = manager.informer(ImageListPullJob.self)
        let imagePullJobs = manager.informer(ImagePullJob.self)
        let expectations = ScaleExpectations()
        let recorder = EventRecorder(
            client: manager.client, component: Self.imageListPullJobComponent, logger: manager.logger)
        let reconciler = ImageListPullJobReconciler(
            listJobs: listJobs, imagePullJobs: imagePullJobs, expectations: expectations,
            executor: ImageListPullJobPlanExecutor(
                client: manager.client, expectations: expectations, recorder: recorder, logger: manager.logger))
        let router = ImageListPullJobEventRouter(expectations: expectations)
        let controller = Controller(
            name: "imagelistpulljob", reconciler: reconciler, workers: workers, metrics: manager.metrics,
            logger: manager.logger)
        controller.watchOwn(listJobs)
        controller.watch(imagePullJobs) { router.keys(for: $0) }
        return controller
    }
}
