public import ControllerRuntime
import KruiseAPI
import KubeClient
public import KubeModel

/// The Kruise controllers `kruise manager` runs, each a ``Controller`` on the shared informers of one
/// ``Manager``.
public enum KruiseControllerSet {
    /// The controller names, as an enable list takes them.
    public static let names = ["cloneset"]

    /// How the client serves CloneSets (`clonesets.apps.kruise.io`, short name `clone`).
    public static let cloneSetDescriptor = ResourceDescriptor(
        CloneSet.groupVersionKind, plural: "clonesets", namespaced: true, shortNames: ["clone"])

    /// The event source component of the CloneSet controller (upstream's recorder name).
    public static let cloneSetComponent = "cloneset-controller"

    /// Registers the Kruise resource descriptors on `manager.client` and the controllers named in `enabled`
    /// (all by default) on `manager`, with `workers` concurrent reconciles each. `gates` sets the planner's
    /// gated behaviour (`CloneSetPartitionRollback`, `PreparingUpdateAsUpdate`). Call before `manager.run()`;
    /// the CloneSet CRD must be installed for the CloneSet informer to sync.
    public static func register(
        on manager: Manager, gates: FeatureGates, enabled: Set<String>? = nil, workers: Int = 4,
        expectations: CloneSetExpectations = CloneSetExpectations()
    ) {
        manager.client.register(Self.cloneSetDescriptor)
        let enabled = enabled ?? Set(Self.names)
        if enabled.contains("cloneset") {
            manager.add(Self.cloneSetController(on: manager, gates: gates, workers: workers, expectations: expectations))
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
            planner: CloneSetPlanner(options: options))
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
