import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging

/// The node lifecycle controller, taint manager and orphan-pod collector of `kruise local` (key = node
/// name): runs ``NodeLifecyclePlanner`` over the node, its Lease and its pods, writes the node's conditions
/// (`nodes/status`) and taints, marks its pods `Ready=False` (`pods/status`), evicts pods per the plan
/// (the `DisruptionTarget` condition first, then a delete with the pod's grace period), and comes back at
/// the plan's `recheckAt`. Pods bound to a node that no longer exists are deleted at once (grace period 0)
/// with `DisruptionTarget` reason `DeletionByPodGC`, as the pod garbage collector does.
struct NodeLifecycleReconciler: Reconciler {
    let client: KubeClient
    let nodes: Informer<Node>
    let leases: Informer<Lease>
    let pods: Informer<Pod>
    let planner: NodeLifecyclePlanner
    let logger: Logger

    /// Wires the controller: nodes, node Leases, and pods of nodes that are not Ready or are gone.
    func watch(with controller: Controller) {
        controller.watchOwn(self.nodes)
        controller.watch(self.leases) { event in
            guard event.object.namespace == NodeStatusUpdates.leaseNamespace else { return [] }
            return [ObjectKey(name: event.object.name)]
        }
        let nodes = self.nodes
        controller.watch(self.pods) { event in
            guard let nodeName = event.object.spec.nodeName, !nodeName.isEmpty else { return [] }
            if case .deleted = event { return [] }
            if let node = nodes.store.get(ObjectKey(name: nodeName)),
                node.isReady, !node.spec.taints.contains(where: { $0.effect == "NoExecute" })
            {
                return []
            }
            return [ObjectKey(name: nodeName)]
        }
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let pods = self.pods.store.byIndex(CacheIndex.nodeName, key.name)
        guard var node = self.nodes.store.get(ObjectKey(name: key.name)) else {
            try await self.collectOrphans(pods)
            return .done
        }
        let lease = self.leases.store.get(ObjectKey(namespace: NodeStatusUpdates.leaseNamespace, name: key.name))
        let now = KubeTime.now()
        let plan = self.planner.plan(node: node, lease: lease, pods: pods, now: now)
        do {
            if let status = plan.nodeStatus {
                node.status = status
                node = try await self.client.updateStatus(node)
                self.logger.info("node stopped posting status", metadata: ["node": "\(key.name)"])
            }
            if let taints = plan.taints {
                var spec = node.spec
                spec.taints = taints
                node.spec = spec
                node = try await self.client.update(node)
            }
        } catch {
            if error.isConflict { return ReconcileResult(requeueAfter: .milliseconds(100)) }
            if error.isNotFound { return .done }
            throw error
        }
        for pod in plan.podsMarkedNotReady {
            guard let ready = pod.status.conditions[type: "Ready"] else { continue }
            try await self.patchConditions(of: pod, [ready])
        }
        for eviction in plan.evictions {
            guard let pod = pods.first(where: { $0.namespace == eviction.namespace && $0.name == eviction.name }) else { continue }
            try await self.patchConditions(of: pod, [eviction.disruptionCondition])
            try await self.delete(pod, options: DeleteOptions(preconditionUID: eviction.uid))
            self.logger.info("evicted pod from tainted node", metadata: ["pod": "\(ObjectKey(pod))", "node": "\(key.name)"])
        }
        guard let recheckAt = plan.recheckAt else { return .done }
        return ReconcileResult(requeueAfter: max(recheckAt.duration(since: KubeTime.now()), .milliseconds(10)))
    }

    /// Deletes the pods of a node that is gone.
    private func collectOrphans(_ pods: [Pod]) async throws {
        for pod in pods where !pod.isTerminated || !pod.metadata.isBeingDeleted {
            var condition = Condition(
                type: "DisruptionTarget",
                status: "True",
                reason: "DeletionByPodGC",
                message: "PodGC: node no longer exists"
            )
            condition.lastTransitionTime = KubeTime.now()
            try await self.patchConditions(of: pod, [condition])
            try await self.delete(pod, options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.metadata.uid))
        }
    }

    /// Merges `conditions` into the pod's status (strategic merge by `type`: no conflict with the kubelet);
    /// the patch names the pod's UID, so a new pod with the same name is left alone.
    private func patchConditions(of pod: Pod, _ conditions: [Condition]) async throws {
        var patch: JSONObject = ["status": ["conditions": .array(conditions.map(\.json))]]
        if let uid = pod.metadata.uid { patch["metadata"] = ["uid": .string(uid)] }
        do {
            _ = try await self.client.patch(
                Pod.self,
                namespace: pod.namespace,
                name: pod.name,
                type: .strategicMerge,
                body: JSONValue.object(patch).serialized(),
                subresource: "status"
            )
        } catch {
            // Gone or replaced.
            guard error.isNotFound || error.isConflict else { throw error }
        }
    }

    private func delete(_ pod: Pod, options: DeleteOptions) async throws {
        do {
            try await self.client.delete(Pod.self, namespace: pod.namespace, name: pod.name, options: options)
        } catch {
            guard error.isNotFound || error.isConflict else { throw error }
        }
    }
}
