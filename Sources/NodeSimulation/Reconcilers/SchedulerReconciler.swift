import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging

/// The scheduler of `kruise local` (key = pod): places pending pods (no `spec.nodeName`, scheduler
/// `default-scheduler`, not being deleted) with ``SchedulerPlanner`` against the node and pod caches, then
/// binds them (`pods/binding`). A pod that fits nowhere gets `PodScheduled=False`, reason `Unschedulable`,
/// with kube-scheduler's message (written only when it changes) and is retried after ``retryInterval``, and
/// at once when a node is added or changes or a pod goes away, as kube-scheduler moves its unschedulable
/// pods back to the active queue. It runs one worker: decisions are made one at a time, and each binding
/// is assumed (``SchedulingAssumptions``) until the cache shows it.
struct SchedulerReconciler: Reconciler {
    let client: KubeClient
    let pods: Informer<Pod>
    let nodes: Informer<Node>
    let namespaces: Informer<Namespace>
    let planner: SchedulerPlanner
    let assumptions: SchedulingAssumptions
    let facts = SchedulingFactsCache()
    let bound = BoundPodsIndex()
    let unschedulable = UnschedulablePods()
    let logger: Logger

    /// How long an unschedulable pod waits before it is tried again when nothing changes.
    static let retryInterval: Duration = .seconds(5)

    /// Wires the controller to the pod and node caches.
    func watch(with controller: Controller) {
        let planner = self.planner
        let assumptions = self.assumptions
        let bound = self.bound
        let unschedulable = self.unschedulable
        controller.watch(self.pods) { event in
            // Registered before the informer runs, so the indexes see every event from the first list on.
            bound.apply(event)
            unschedulable.apply(event) { Self.isPending($0, planner: planner) }
            switch event {
            case .added(let pod):
                return Self.isPending(pod, planner: planner) ? [ObjectKey(pod)] : []
            case .updated(let old, let new):
                if Self.isPending(new, planner: planner) { return [ObjectKey(new)] }
                // A pod finishing frees its node's resources.
                if old.isScheduled && !old.isTerminated && new.isTerminated { return unschedulable.all }
                return []
            case .deleted(let pod):
                assumptions.forget(ObjectKey(pod))
                return pod.isScheduled ? unschedulable.all : []
            }
        }
        controller.watch(self.nodes) { event in
            switch event {
            case .added, .deleted:
                return unschedulable.all
            case .updated(let old, let new):
                let changed = old.metadata.labels != new.metadata.labels || old.spec != new.spec
                    || old.status.allocatable != new.status.allocatable || old.isReady != new.isReady
                return changed ? unschedulable.all : []
            }
        }
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let pod = self.pods.store.get(key) else {
            self.assumptions.forget(key)
            return .done
        }
        guard Self.isPending(pod, planner: self.planner), !self.assumptions.isAssumed(pod) else { return .done }
        // The index's sums, and our bindings it does not show yet.
        let assumed = self.assumptions.pending(cached: { self.pods.store.get($0) }, counted: { self.bound.contains($0) })
        let bound = [self.bound.summary, BoundPods(members: assumed)]
        let nodes = self.nodes.store.list()
        var namespaceLabels: [String: [String: String]] = [:]
        for namespace in self.namespaces.store.list() { namespaceLabels[namespace.name] = namespace.metadata.labels }

        switch self.planner.decide(pod: pod, nodes: nodes, bound: bound, namespaceLabels: namespaceLabels, facts: self.facts) {
        case .skipped:
            return .done
        case .bind(let nodeName):
            self.assumptions.assume(pod, on: nodeName)
            do {
                try await self.client.bind(podNamespace: pod.namespace, podName: pod.name, podUID: pod.metadata.uid, nodeName: nodeName)
                self.logger.debug("bound pod", metadata: ["pod": "\(key)", "node": "\(nodeName)"])
            } catch {
                self.assumptions.forget(key)
                // Gone, or bound by someone else meanwhile.
                guard error.isNotFound || error.isConflict else { throw error }
            }
            return .done
        case .unschedulable(let message):
            let existing = pod.status.conditions[type: "PodScheduled"]
            if existing?.status != "False" || existing?.reason != "Unschedulable" || existing?.message != message {
                let patch = SchedulingObjects.unschedulableStatusPatch(for: pod, message: message, now: KubeTime.now())
                do {
                    _ = try await self.client.patch(
                        Pod.self,
                        namespace: pod.namespace,
                        name: pod.name,
                        type: .strategicMerge,
                        body: patch.serialized(),
                        subresource: "status"
                    )
                } catch {
                    if error.isNotFound { return .done }
                    throw error
                }
            }
            return ReconcileResult(requeueAfter: Self.retryInterval)
        }
    }

    /// A pod this scheduler must place.
    static func isPending(_ pod: Pod, planner: SchedulerPlanner) -> Bool {
        !pod.isScheduled && !pod.metadata.isBeingDeleted && !pod.isTerminated
            && (pod.spec.schedulerName ?? "default-scheduler") == planner.schedulerName
    }
}
