public import ControllerRuntime
public import KubeClient
import KubeModel
import Logging

/// The built-in Kubernetes controllers `kruise local` runs: Deployment, ReplicaSet, StatefulSet, Job and
/// DaemonSet, each a ``Controller`` on the shared informers of one ``Manager``.
public enum BuiltinControllerSet {
    /// The controller names, as `--controllers` takes them.
    public static let names = ["deployment", "replicaset", "statefulset", "job", "daemonset"]

    /// Registers the controllers named in `enabled` (all by default) on `manager`.
    public static func register(on manager: Manager, enabled: Set<String>? = nil, workers: Int = 4) {
        let client = manager.client
        let enabled = enabled ?? Set(Self.names)
        let status = StatusWriter(client: client)
        let pods = manager.informer(Pod.self)
        let logger = manager.logger
        func controller(_ name: String, _ reconciler: any Reconciler) -> Controller {
            Controller(name: name, reconciler: reconciler, workers: workers, metrics: manager.metrics, logger: logger)
        }

        if enabled.contains("replicaset") {
            let replicaSets = manager.informer(ReplicaSet.self)
            let expectations = ControllerExpectations()
            let router = ChildEventRouter<Pod>(ownerKind: "ReplicaSet", expectations: expectations)
            let reconciler = ReplicaSetReconciler(
                replicaSets: replicaSets, pods: pods, executor: PlanExecutor(client: client, expectations: expectations), status: status
            )
            let replicaSetController = controller("replicaset", reconciler)
            replicaSetController.watchOwn(replicaSets)
            replicaSetController.watch(pods) { router.keys(for: $0) }
            manager.add(replicaSetController)
        }
        if enabled.contains("deployment") {
            let deployments = manager.informer(Deployment.self)
            let replicaSets = manager.informer(ReplicaSet.self)
            let reconciler = DeploymentReconciler(
                deployments: deployments, replicaSets: replicaSets, pods: pods,
                executor: PlanExecutor(client: client, expectations: ControllerExpectations()), status: status
            )
            let deploymentController = controller("deployment", reconciler)
            let replicaSetRouter = ChildEventRouter<ReplicaSet>(ownerKind: "Deployment", expectations: nil)
            deploymentController.watchOwn(deployments)
            deploymentController.watch(replicaSets) { replicaSetRouter.keys(for: $0) }
            // Pod changes (readiness, deletion) move a rollout on: route them through their ReplicaSet.
            deploymentController.watch(pods) { event in
                guard let reference = event.object.metadata.controllerReference, reference.kind == "ReplicaSet",
                    let replicaSet = replicaSets.store.get(ObjectKey(namespace: event.object.namespace, name: reference.name)),
                    let owner = replicaSetRouter.owner(of: replicaSet)
                else { return [] }
                return [owner]
            }
            manager.add(deploymentController)
        }
        if enabled.contains("statefulset") {
            let statefulSets = manager.informer(StatefulSet.self)
            let revisions = manager.informer(ControllerRevision.self)
            let claims = manager.informer(PersistentVolumeClaim.self)
            let expectations = ControllerExpectations()
            let router = ChildEventRouter<Pod>(ownerKind: "StatefulSet", expectations: expectations)
            let revisionRouter = ChildEventRouter<ControllerRevision>(ownerKind: "StatefulSet", expectations: nil)
            let reconciler = StatefulSetReconciler(
                statefulSets: statefulSets, pods: pods, revisions: revisions, claims: claims,
                executor: PlanExecutor(client: client, expectations: expectations), status: status
            )
            let statefulSetController = controller("statefulset", reconciler)
            statefulSetController.watchOwn(statefulSets)
            statefulSetController.watch(pods) { router.keys(for: $0) }
            statefulSetController.watch(revisions) { revisionRouter.keys(for: $0) }
            manager.add(statefulSetController)
        }
        if enabled.contains("job") {
            let jobs = manager.informer(Job.self)
            let expectations = ControllerExpectations()
            let router = ChildEventRouter<Pod>(ownerKind: "Job", expectations: expectations)
            let reconciler = JobReconciler(
                jobs: jobs, pods: pods, executor: PlanExecutor(client: client, expectations: expectations), status: status
            )
            let jobController = controller("job", reconciler)
            jobController.watchOwn(jobs)
            jobController.watch(pods) { router.keys(for: $0) }
            manager.add(jobController)
        }
        if enabled.contains("daemonset") {
            let daemonSets = manager.informer(DaemonSet.self)
            let nodes = manager.informer(Node.self)
            let revisions = manager.informer(ControllerRevision.self)
            let expectations = ControllerExpectations()
            let router = ChildEventRouter<Pod>(ownerKind: "DaemonSet", expectations: expectations)
            let revisionRouter = ChildEventRouter<ControllerRevision>(ownerKind: "DaemonSet", expectations: nil)
            let reconciler = DaemonSetReconciler(
                daemonSets: daemonSets, nodes: nodes, pods: pods, revisions: revisions,
                executor: PlanExecutor(client: client, expectations: expectations), status: status
            )
            let daemonSetController = controller("daemonset", reconciler)
            daemonSetController.watchOwn(daemonSets)
            daemonSetController.watch(pods) { router.keys(for: $0) }
            daemonSetController.watch(revisions) { revisionRouter.keys(for: $0) }
            // A node that appears, changes labels or taints can change where daemon pods belong.
            daemonSetController.watch(nodes) { _ in daemonSets.store.list().map { ObjectKey($0) } }
            manager.add(daemonSetController)
        }
    }
}
