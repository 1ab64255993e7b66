public import ControllerRuntime
import KruiseAPI
import KubeClient
import KubeModel

extension KruiseControllerSet {
    /// The ImagePullJob controller (named `imagepulljob`) with its watches; not yet added to `manager`. It watches
    /// ImagePullJobs, NodeImages, pods (for `podSelector`) and Secrets (pull secrets and their copies in
    /// `configNamespace`).
    public static func imagePullJobController(
        on manager: Manager, workers: Int, configNamespace: String = KruiseControllerSet.defaultDaemonConfigNamespace,
        timings: ImagePullJobTimings = ImagePullJobTimings()
    ) -> Controller {
        manager.client.register(Self.imagePullJobDescriptor)
        manager.client.register(Self.nodeImageDescriptor)
        let jobs = manager.informer(ImagePullJob.self)
        let nodeImages = manager.informer(NodeImage.self)
        let pods = manager.informer(Pod.self)
        let secrets = manager.informer(Secret.self)
        let reconciler = ImagePullJobReconciler(
            jobs: jobs, nodeImages: nodeImages, pods: pods, secrets: secrets, client: manager.client,
            configNamespace: configNamespace, timings: timings)
        let controller = Controller(
            name: "imagepulljob", reconciler: reconciler, workers: workers, metrics: manager.metrics, logger: manager.logger)
        controller.watchOwn(jobs)
        controller.watch(nodeImages) { ImagePullJobEventRouter.keys(for: $0, jobs: jobs.store.list()) }
        controller.watch(pods) { event in
            ImagePullJobEventRouter.keys(for: event, jobs: jobs.store.list(namespace: event.object.metadata.namespace ?? ""))
        }
        controller.watch(secrets) { event in
            ImagePullJobEventRouter.keys(
                for: event, jobs: jobs.store.list(namespace: event.object.metadata.namespace ?? ""), configNamespace: configNamespace)
        }
        return controller
    }

    /// The namespace pull secrets are copied to for the daemon, unless `KRUISE_DAEMON_CONFIG_NS` names another.
    public static let defaultDaemonConfigNamespace = "kruise-daemon-config"
}
