import ContainerRuntime
import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging
import Synchronization

/// The kubelets of every simulated node, as one controller (key = pod): for a pod bound to a simulated node
/// whose kubelet is not stopped, runs ``KubeletPlanner``, performs the pulls it asks for on the node's
/// ``SimulatedImageStore`` (with credentials from the pod's `imagePullSecrets`), writes the status (a
/// `pods/status` merge patch on the version it planned from; a conflict requeues), deletes a terminated pod
/// with grace period 0 (UID precondition) and comes back at the plan's `recheckAt`. With zero durations
/// (``SimulationTimings/fast``) one reconcile runs several plan steps in a row, so a pod goes from Pending to
/// Running and Ready in one pass.
final class KubeletReconciler: Reconciler {
    let client: KubeClient
    let pods: Informer<Pod>
    let nodes: Informer<Node>
    let runtimes: NodeRuntimes
    let planner: KubeletPlanner
    let logger: Logger
    private let addresses = PodIPReservations()
    /// The UID of each pod the final delete was sent for (a finalizer can keep it around; do not send the
    /// delete again), until the pod is gone.
    private let finalDeletes = Mutex<[ObjectKey: String]>([:])
    /// The resourceVersion of each pod's last status write by this kubelet: the reconcile that wrote it went
    /// on planning from the answer, so the write's own event brings nothing new and is not queued.
    private let ownWrites = Mutex<[ObjectKey: String]>([:])

    /// How many plan steps one reconcile may take before handing the key back to the queue.
    static let maximumSteps = 8

    init(client: KubeClient, pods: Informer<Pod>, nodes: Informer<Node>, runtimes: NodeRuntimes, planner: KubeletPlanner, logger: Logger) {
        self.client = client
        self.pods = pods
        self.nodes = nodes
        self.runtimes = runtimes
        self.planner = planner
        self.logger = logger
    }

    /// Wires the controller: every event of a pod bound to a node, and the pods of a node whose kubelet
    /// starts, resumes or joins the simulation.
    func watch(with controller: Controller) {
        controller.watch(self.pods) { [self] event in
            guard let nodeName = event.object.spec.nodeName, !nodeName.isEmpty else { return [] }
            let key = ObjectKey(event.object)
            switch event {
            case .updated(_, let new):
                let own = self.ownWrites.withLock { writes -> Bool in
                    guard let version = writes[key], version == new.metadata.resourceVersion else { return false }
                    writes[key] = nil
                    return true
                }
                if own { return [] }
            case .deleted:
                self.ownWrites.withLock { $0[key] = nil }
            case .added:
                break
            }
            return [key]
        }
        let pods = self.pods
        controller.watch(self.nodes) { event in
            let node = event.object
            switch event {
            case .added:
                break
            case .updated(let old, let new):
                let wasRunning = NodeHeartbeatReconciler.isSimulated(old) && !NodeHeartbeatReconciler.isStopped(old)
                let isRunning = NodeHeartbeatReconciler.isSimulated(new) && !NodeHeartbeatReconciler.isStopped(new)
                guard !wasRunning && isRunning else { return [] }
            case .deleted:
                return []
            }
            return pods.store.byIndex(CacheIndex.nodeName, node.name).map { ObjectKey($0) }
        }
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var pod = self.pods.store.get(key) else {
            self.addresses.release(key)
            _ = self.finalDeletes.withLock { $0.removeValue(forKey: key) }
            return .done
        }
        guard let nodeName = pod.spec.nodeName, !nodeName.isEmpty,
            let node = self.nodes.store.get(ObjectKey(name: nodeName)),
            NodeHeartbeatReconciler.isSimulated(node), !NodeHeartbeatReconciler.isStopped(node)
        else { return .done }
        let uid = pod.metadata.uid ?? ""
        if self.finalDeletes.withLock({ $0[key] == uid }) { return .done }
        if pod.isTerminated && !pod.metadata.isBeingDeleted {
            self.addresses.release(key)
            return .done
        }
        let store = self.runtimes.runtime(forNode: nodeName).imageStore
        let credentials = try await self.credentials(for: pod)

        for _ in 0..<Self.maximumSteps {
            let now = KubeTime.now()
            let plan = self.plan(pod: pod, key: key, node: node, store: store, credentials: credentials, now: now)
            self.pull(plan.imagePulls, on: store, credentials: credentials, now: now)
            if plan.deleteGracePeriodSeconds != nil {
                try await self.deleteFinally(pod)
                return .done
            }
            if let status = plan.status {
                switch try await self.write(status, of: pod) {
                case .written(let updated): pod = updated
                case .conflict:
                    // Someone wrote the pod since the cache's version; that write's event queues the pod again as
                    // soon as the cache has it (a key added while it is reconciled is reconciled once more). A fixed
                    // 50 ms wait here held every conflicting pod of a CloneSet's in-place wave back by that long.
                    // The delay only covers an event that never comes.
                    return ReconcileResult(requeueAfter: .seconds(1))
                case .gone:
                    self.addresses.release(key)
                    return .done
                }
            }
            guard let recheckAt = plan.recheckAt else { return .done }
            let wait = recheckAt.duration(since: KubeTime.now())
            if wait > .zero { return ReconcileResult(requeueAfter: wait) }
            if plan.status == nil && plan.imagePulls.isEmpty {
                // Due now but nothing changed: let the clock move on rather than spin.
                return ReconcileResult(requeueAfter: .milliseconds(10))
            }
        }
        return ReconcileResult(requeueAfter: .milliseconds(10))
    }

    /// What became of a status write.
    private enum StatusWrite {
        case written(Pod)
        case conflict
        case gone
    }

    /// Writes `status` (`pods/status`) as a merge patch of what changed, with the version it was planned
    /// from as precondition (a conflict requeues). Under that precondition the result is what a PUT of the
    /// whole pod gives, for a fraction of the bytes and of the server's comparison work; the real kubelet
    /// patches its status too.
    private func write(_ status: PodStatus, of pod: Pod) async throws -> StatusWrite {
        guard let patch = Self.statusPatch(from: pod, to: status) else { return .written(pod) }
        do {
            let written = try await self.client.patch(
                Pod.self, namespace: pod.namespace, name: pod.name, type: .merge, body: patch.serialized(), subresource: "status")
            self.ownWrites.withLock { $0[ObjectKey(written)] = written.metadata.resourceVersion }
            return .written(written)
        } catch {
            if error.isConflict { return .conflict }
            if error.isNotFound { return .gone }
            throw error
        }
    }

    /// The merge patch from `pod`'s status to `status`, preconditioned on the pod's resourceVersion and UID;
    /// `nil` when nothing differs.
    static func statusPatch(from pod: Pod, to status: PodStatus) -> JSONValue? {
        let old = pod.object["status"] ?? .emptyObject
        let difference = JSONMergePatch.create(from: old, to: .object(status.object))
        if difference.objectValue?.isEmpty ?? false { return nil }
        var metadata: JSONValue = [:]
        if let version = pod.metadata.resourceVersion { metadata["resourceVersion"] = .string(version) }
        if let uid = pod.metadata.uid { metadata["uid"] = .string(uid) }
        return ["metadata": metadata, "status": difference]
    }

    /// Starts and finishes pulls on the node's image store.
    private func pull(_ actions: [ImagePullAction], on store: SimulatedImageStore, credentials: PullSecretCredentials, now: KubeTime) {
        for action in actions {
            switch action {
            case .start(let reference, _):
                store.beginPull(reference, at: now)
            case .complete(let reference, _):
                store.completePull(reference, credential: credentials.credential(for: reference), at: now)
            }
        }
    }

    /// One planner step, with the node's images and the pod IPs in use on the node.
    private func plan(pod: Pod, key: ObjectKey, node: Node, store: SimulatedImageStore, credentials: PullSecretCredentials, now: KubeTime) -> KubeletPlan {
        var images: [String: ImagePullView] = [:]
        for container in pod.spec.initContainers + pod.spec.containers {
            guard let image = container.image, let reference = try? ImageReferenceCache.shared.reference(image) else { continue }
            let normalized = reference.description
            // The registry's digest only for a policy of Always (what the cycle compares it for).
            let always = KubeletPlanner.pullPolicy(of: container, reference: reference) == "Always"
            if images[normalized] == nil || (always && images[normalized]?.remoteDigest == nil) {
                images[normalized] = store.view(
                    for: normalized, credential: credentials.credential(for: normalized), remote: always)
            }
        }
        var observed = Set<String>()
        let uid = pod.metadata.uid
        for other in self.pods.store.byIndex(CacheIndex.nodeName, node.name) {
            let facts = PeerPodFacts.of(other)
            if facts.uid != uid && !facts.isTerminated, let address = facts.podIP { observed.insert(address) }
        }
        return self.addresses.plan(pod: key, nodeName: node.name, observed: observed) { inUse in
            self.planner.plan(pod: pod, node: node, runtime: NodeRuntimeView(images: images, podIPsInUse: inUse), now: now)
        }
    }

    /// The final delete of a pod whose containers stopped: grace period 0, only this incarnation (UID).
    private func deleteFinally(_ pod: Pod) async throws {
        let key = ObjectKey(pod)
        let uid = pod.metadata.uid
        do {
            try await self.client.delete(
                Pod.self,
                namespace: pod.namespace,
                name: pod.name,
                options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: uid)
            )
        } catch {
            // Gone already, or a new pod took the name.
            guard error.isNotFound || error.isConflict else { throw error }
        }
        if let uid { self.finalDeletes.withLock { $0[key] = uid } }
        self.addresses.release(key)
    }

    /// The credentials of the pod's pull secrets; only those Secrets are read. A missing secret is skipped,
    /// as the kubelet does (the pull then fails without credentials).
    private func credentials(for pod: Pod) async throws -> PullSecretCredentials {
        var credentials = PullSecretCredentials()
        for name in pod.spec.imagePullSecrets {
            do {
                credentials.add(try await self.client.get(Secret.self, namespace: pod.namespace, name: name))
            } catch {
                guard error.isNotFound || error.isForbidden else { throw error }
            }
        }
        return credentials
    }
}

