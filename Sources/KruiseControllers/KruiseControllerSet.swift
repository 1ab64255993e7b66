public import ControllerRuntime
import KruiseAPI
import KubeClient
public import KubeModel

/// The Kruise controllers `kruise manager` runs, each a ``Controller`` on the shared informers of one
/// ``Manager``.
public enum KruiseControllerSet {
    /// The controller names, as an enable list takes them.
    public static let names = ["cloneset", "workloadspread", "podreadiness", "nodeimage", "imagepulljob", "imagelistpulljob"]

    /// How the client serves CloneSets (`clonesets.apps.kruise.io`, short name `clone`).
    public static let cloneSetDescriptor = ResourceDescriptor(
        CloneSet.groupVersionKind, plural: "clonesets", namespaced: true, shortNames: ["clone"])

    /// The least time between two syncs of one CloneSet (``CloneSetReconciler/syncBatchPeriod``).
    public static let cloneSetSyncBatchPeriod: Duration = .milliseconds(50)

    /// The event source component of the CloneSet controller (upstream's recorder name).
    public static let cloneSetComponent = "cloneset-controller"

    /// How the client serves WorkloadSpreads (`workloadspreads.apps.kruise.io`, short name `ws`).
    public static let workloadSpreadDescriptor = ResourceDescriptor(
        WorkloadSpread.groupVersionKind, plural: "workloadspreads", namespaced: true, shortNames: ["ws"])

    /// The event source component of the WorkloadSpread controller (upstream's recorder name).
    public static let workloadSpreadComponent = "workloadspread-controller"

    /// Registers the Kruise resource descriptors on `manager.client` and the controllers named in `enabled`
    /// (all by default) on `manager`, with `workers` concurrent reconciles each. `gates` sets the planner's
    /// gated behaviour (`CloneSetPartitionRollback`, `PreparingUpdateAsUpdate`) and whether the WorkloadSpread
    /// controller runs at all (gate `WorkloadSpread`); `nodeimage` needs `KruiseDaemon`, and `imagepulljob` and
    /// `imagelistpulljob` also `ImagePullJobGate`, as upstream. Call before `manager.run()`; the CRDs of the
    /// controllers registered (CloneSet; WorkloadSpread and CloneSet for `workloadspread`; NodeImage, ImagePullJob
    /// and ImageListPullJob for the image controllers) must be installed for their informers to sync, and the
    /// manager starts no controller before every informer has synced.
    public static func register(
        on manager: Manager, gates: FeatureGates, enabled: Set<String>? = nil, workers: Int = 4,
        expectations: CloneSetExpectations = CloneSetExpectations(), imagePull: ImagePullControllerOptions = ImagePullControllerOptions()
    ) {
        manager.client.register(Self.cloneSetDescriptor)
        manager.client.register(Self.workloadSpreadDescriptor)
        let enabled = enabled ?? Set(Self.names)
        if enabled.contains("cloneset") {
            manager.add(Self.cloneSetController(on: manager, gates: gates, workers: workers, expectations: expectations))
        }
        if enabled.contains("workloadspread") && gates.isEnabled(KruiseFeatures.workloadSpread) {
            manager.add(Self.workloadSpreadController(on: manager, workers: workers))
        }
        if enabled.contains("podreadiness") {
            manager.add(Self.podReadinessController(on: manager, workers: workers))
        }
        let daemon = gates.isEnabled(KruiseFeatures.kruiseDaemon)
        let imagePullJobs = daemon && gates.isEnabled(KruiseFeatures.imagePullJobGate)
        if enabled.contains("nodeimage") && daemon {
            manager.add(Self.nodeImageController(on: manager, workers: workers, creationDelay: imagePull.nodeImageCreationDelay))
        }
        if enabled.contains("imagepulljob") && imagePullJobs {
            manager.add(Self.imagePullJobController(
                on: manager, workers: workers, configNamespace: imagePull.daemonConfigNamespace, timings: imagePull.timings))
        }
        if enabled.contains("imagelistpulljob") && imagePullJobs {
            manager.add(Self.imageListPullJobController(on: manager, workers: workers))
        }
    }

    /// The CloneSet controller (named `cloneset`) with its watches; not yet added to `manager`.
    public static func cloneSetController(
        on manager: Manager, gates: FeatureGates, workers: Int, expectations: CloneSetExpectations
    ) -> Controller {
        let cloneSets = manager.informer(CloneSet.self)
        let pods = manager.informer(Pod.self)
        let claims = manager.informer(PersistentVolumeClaim.self)
        let revisions = manager.informer(ControllerRevision.self)
        let recorder = EventRecorder(client: manager.client, component: Self.cloneSetComponent, logger: manager.logger)
        let options = CloneSetDiffs.Options(
            partitionRollback: gates.isEnabled("CloneSetPartitionRollback"),
            preparingUpdateAsUpdate: gates.isEnabled("PreparingUpdateAsUpdate"))
        let reconciler = CloneSetReconciler(
            cloneSets: cloneSets, pods: pods, claims: claims, revisions: revisions,
            executor: CloneSetPlanExecutor(
                client: manager.client, expectations: expectations, recorder: recorder, logger: manager.logger),
            statusWriter: CloneSetStatusWriter(client: manager.client),
            planner: CloneSetPlanner(options: options), syncBatchPeriod: Self.cloneSetSyncBatchPeriod)
        let router = CloneSetEventRouter(expectations: expectations)
        let controller = Controller(
            name: "cloneset", reconciler: reconciler, workers: workers, metrics: manager.metrics, logger: manager.logger)
        controller.watchOwn(cloneSets)
        controller.watch(pods) { router.keys(for: $0) }
        controller.watch(claims) { router.keys(for: $0) }
        controller.watch(revisions) { router.keys(for: $0) }
        return controller
    }
}

extension KruiseControllerSet {
    /// The WorkloadSpread controller (named `workloadspread`) with its watches; not yet added to `manager`. It
    /// watches WorkloadSpreads, pods, nodes and the workloads a WorkloadSpread can target (Deployments,
    /// ReplicaSets, CloneSets, StatefulSets).
    public static func workloadSpreadController(on manager: Manager, workers: Int) -> Controller {
        let workloadSpreads = manager.informer(WorkloadSpread.self)
        let pods = manager.informer(Pod.self)
        let nodes = manager.informer(Node.self)
        let targets = WorkloadSpreadTargetCaches(
            deployments: manager.informer(Deployment.self), replicaSets: manager.informer(ReplicaSet.self),
            cloneSets: manager.informer(CloneSet.self), statefulSets: manager.informer(StatefulSet.self), pods: pods)
        let recorder = EventRecorder(
            client: manager.client, component: Self.workloadSpreadComponent, logger: manager.logger)
        let reconciler = WorkloadSpreadReconciler(
            workloadSpreads: workloadSpreads, targets: targets, nodes: nodes,
            executor: WorkloadSpreadPlanExecutor(client: manager.client, recorder: recorder, logger: manager.logger))
        let controller = Controller(
            name: "workloadspread", reconciler: reconciler, workers: workers, metrics: manager.metrics,
            logger: manager.logger)
        controller.watchOwn(workloadSpreads)
        let replicaSets = targets.replicaSets
        controller.watch(pods) { event in
            let namespace = event.object.namespace
            return WorkloadSpreadEventRouter.keys(
                for: event, workloadSpreads: workloadSpreads.store.list(namespace: namespace),
                replicaSetOwner: { replicaSets.store.get(ObjectKey(namespace: namespace, name: $0))?.metadata.controllerReference })
        }
        Self.watchWorkload(targets.deployments, on: controller, workloadSpreads: workloadSpreads)
        Self.watchWorkload(targets.replicaSets, on: controller, workloadSpreads: workloadSpreads)
        Self.watchWorkload(targets.cloneSets, on: controller, workloadSpreads: workloadSpreads)
        Self.watchWorkload(targets.statefulSets, on: controller, workloadSpreads: workloadSpreads)
        return controller
    }

    private static func watchWorkload<Workload: KubeObject>(
        _ informer: Informer<Workload>, on controller: Controller, workloadSpreads: Informer<WorkloadSpread>
    ) {
        controller.watch(informer) { event in
            WorkloadSpreadEventRouter.keys(
                forWorkload: event, workloadSpreads: workloadSpreads.store.list(namespace: event.object.namespace))
        }
    }
}

extension KruiseControllerSet {
    /// The pod-readiness controller (named `podreadiness`): gives pods with the `KruisePodReady` gate their
    /// condition, True; only pod events that lack it are queued.
    public static func podReadinessController(on manager: Manager, workers: Int) -> Controller {
        let pods = manager.informer(Pod.self)
        let reconciler = PodReadinessReconciler(pods: pods, client: manager.client)
        let controller = Controller(
            name: "podreadiness", reconciler: reconciler, workers: workers, metrics: manager.metrics, logger: manager.logger)
        controller.watch(pods) { event in
            switch event {
            case .added(let pod), .updated(_, let pod):
                return PodReadinessReconciler.needsCondition(pod) ? [ObjectKey(pod)] : []
            case .deleted:
                return []
            }
        }
        return controller
    }
}
