import ContainerRuntime
public import ControllerRuntime
public import KubeClient
import KubeModel
public import Logging

/// The simulated nodes of `kruise local`, wired onto a ``ControllerRuntime/Manager``: the fleet's Node
/// objects, one kubelet per node (Lease renewals, heartbeat status, pods run by ``KubeletPlanner`` over a
/// per-node CRI runtime), the scheduler (``SchedulerPlanner``) and the node lifecycle controller
/// (``NodeLifecyclePlanner``). Create it before `manager.run()`; everything runs once the caches synced.
///
/// Registration is idempotent: a fleet node that already exists (a restart over the same data directory)
/// keeps its pods, taints and extra labels; its fleet labels, capacity, addresses and node info are brought
/// up to date.
///
/// ## Adding, stopping and removing nodes
///
/// Any node labelled `local.kruise.io/simulated: "true"` is simulated, not only the `--nodes` fleet, so a
/// node is added by creating it:
///
/// ```sh
/// kubectl apply -f - <<EOF
/// apiVersion: v1
/// kind: Node
/// metadata:
///   name: extra-node-1
///   labels:
///     local.kruise.io/simulated: "true"
///     topology.kubernetes.io/zone: zone-d
/// status:
///   capacity: {cpu: "4", memory: 16Gi, pods: "110"}
///   allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
/// EOF
/// ```
///
/// (`kubectl label node NAME local.kruise.io/simulated=true` also adopts an existing node). Its kubelet
/// starts at once: Lease, Ready condition, and pods scheduled to it run. Give it `spec.podCIDR` for pod IPs
/// (without one, its pods get no `podIP`); set `status` with `kubectl patch --subresource=status` when the
/// node already exists.
///
/// Fault injection: `kubectl annotate node NAME local.kruise.io/stopped=true` stops the node's kubelet (no
/// Lease renewals, no status, its pods are no longer updated). After the node-monitor grace period (40 s)
/// the node lifecycle controller sets its conditions `Unknown` ("Kubelet stopped posting node status."),
/// taints it `node.kubernetes.io/unreachable` (NoSchedule, NoExecute), marks its pods `Ready=False`, and
/// evicts them when their `tolerationSeconds` for the taint run out (300 s by default).
/// `kubectl annotate node NAME local.kruise.io/stopped-` resumes the kubelet: the node turns Ready, the taints
/// go and its pods turn Ready again. `kubectl delete node NAME` removes the node for good (even a fleet node
/// is not registered again until the next start); its pods are deleted, as the pod garbage collector does.
public final class SimulatedNodes: Sendable {
    /// The registry every node pulls from (push images, inject failures, make repositories private).
    public let registry: SimulatedRegistry
    /// The fleet created at start.
    public let fleet: NodeFleet
    private let runtimes: NodeRuntimes

    /// Registers the node kubelets, scheduler and node lifecycle controllers on `manager` (and the informers
    /// they share: Nodes, Pods, Leases, ConfigMaps, and Namespaces for the scheduler); the fleet's nodes are created when the manager runs.
    ///
    /// - Parameters:
    ///   - client: the client the controllers write with.
    ///   - manager: the manager to add the controllers to; call before `manager.run()`.
    ///   - fleet: the nodes to create.
    ///   - timings: how long pulls, starts, stops and runs take.
    ///   - registry: the image registry of the simulation.
    ///   - lifecycle: the node lifecycle planner (its grace period decides when a stopped node turns Unknown).
    ///   - leaseRenewInterval: how often each kubelet renews its Lease.
    ///   - scheduling: run the scheduler (binding pending pods to nodes); off when the cluster has its own.
    ///   - nodeLifecycle: run the node lifecycle controller (Unknown status, taints, evictions for silent
    ///     nodes); off when the cluster's kube-controller-manager does it.
    ///   - logger: for registrations, node failures and evictions.
    public init(
        client: KubeClient,
        manager: Manager,
        fleet: NodeFleetOptions,
        timings: SimulationTimings,
        registry: SimulatedRegistry = SimulatedRegistry(),
        lifecycle: NodeLifecyclePlanner = NodeLifecyclePlanner(),
        leaseRenewInterval: Duration = NodeStatusUpdates.leaseRenewInterval,
        scheduling: Bool = true,
        nodeLifecycle: Bool = true,
        logger: Logger
    ) async {
        self.registry = registry
        self.fleet = NodeFleet(options: fleet)
        self.runtimes = NodeRuntimes(registry: registry)
        let nodes = manager.informer(Node.self)
        let pods = manager.informer(Pod.self)
        let leases = manager.informer(Lease.self)

        var fleetIndex: [String: Int] = [:]
        let now = KubeTime.now()
        for index in 0..<max(0, fleet.count) {
            fleetIndex[self.fleet.node(at: index, now: now).name] = index
        }
        let heartbeatController = Controller(
            name: "simulated-kubelet-node",
            reconciler: NodeHeartbeatReconciler(
                client: client,
                nodes: nodes,
                leases: leases,
                fleet: self.fleet,
                fleetIndex: fleetIndex,
                runtimes: self.runtimes,
                heartbeats: NodeHeartbeats(),
                renewInterval: leaseRenewInterval,
                logger: logger
            ),
            workers: 2,
            metrics: manager.metrics,
            logger: logger
        )
        heartbeatController.watch(nodes) { event in
            // Registrations, label and annotation changes, and the status others write (a node marked
            // Unknown is posted Ready again by its running kubelet).
            if case .updated(let old, let new) = event, old.metadata.labels == new.metadata.labels,
                old.metadata.annotations == new.metadata.annotations, old.isReady == new.isReady
            {
                return []
            }
            return [ObjectKey(name: event.object.name)]
        }
        for name in fleetIndex.keys.sorted() { heartbeatController.enqueue(ObjectKey(name: name)) }
        manager.add(heartbeatController)

        if scheduling {
            let scheduler = SchedulerReconciler(
                client: client,
                pods: pods,
                nodes: nodes,
                namespaces: manager.informer(Namespace.self),
                planner: SchedulerPlanner(),
                assumptions: SchedulingAssumptions(),
                logger: logger
            )
            let schedulerController = Controller(name: "simulated-scheduler", reconciler: scheduler, workers: 1, metrics: manager.metrics, logger: logger)
            scheduler.watch(with: schedulerController)
            manager.add(schedulerController)
        }

        let kubelet = KubeletReconciler(
            client: client,
            pods: pods,
            nodes: nodes,
            runtimes: self.runtimes,
            planner: KubeletPlanner(timings: timings),
            logger: logger
        )
        let kubeletController = Controller(name: "simulated-kubelet", reconciler: kubelet, workers: 4, metrics: manager.metrics, logger: logger)
        kubelet.watch(with: kubeletController)
        manager.add(kubeletController)

        if nodeLifecycle {
            let lifecycleReconciler = NodeLifecycleReconciler(client: client, nodes: nodes, leases: leases, pods: pods, planner: lifecycle, logger: logger)
            let lifecycleController = Controller(name: "node-lifecycle", reconciler: lifecycleReconciler, workers: 2, metrics: manager.metrics, logger: logger)
            lifecycleReconciler.watch(with: lifecycleController)
            manager.add(lifecycleController)
        }

        // The registry follows the ConfigMap kube-system/local-registry (pushes and failures by kubectl).
        let registryReconciler = LocalRegistryReconciler(
            configMaps: manager.informer(ConfigMap.self), registry: registry, logger: logger)
        let registryController = Controller(
            name: "simulated-registry", reconciler: registryReconciler, workers: 1, metrics: manager.metrics, logger: logger)
        registryReconciler.watch(with: registryController)
        manager.add(registryController)
    }

    /// The image service (CRI) of a simulated node, or `nil` when no node of that name is simulated (yet).
    public func imageService(forNode nodeName: String) -> SimulatedImageStore? {
        self.runtimes.existingRuntime(forNode: nodeName)?.imageStore
    }

    /// The runtime service (CRI) of a simulated node, or `nil` when no node of that name is simulated (yet).
    public func runtimeService(forNode nodeName: String) -> SimulatedRuntimeService? {
        self.runtimes.existingRuntime(forNode: nodeName)?.runtimeService
    }

    /// The names of the nodes being simulated now, sorted.
    public var nodeNames: [String] { self.runtimes.nodeNames }
}
