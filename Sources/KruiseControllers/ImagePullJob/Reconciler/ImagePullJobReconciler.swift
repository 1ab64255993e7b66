public import ControllerRuntime
public import KruiseAPI
public import KubeClient
public import KubeModel

/// The ImagePullJob controller's reconcile (upstream's `ReconcileImagePullJob`): reads the job, its target
/// NodeImages and the pods of a `podSelector` from the caches, copies its pull secrets into the daemon's
/// namespace (``ImagePullSecretSync``), asks the pure ``ImagePullJobPlanner`` for the status and the NodeImages
/// to write, and writes them.
///
/// - The finalizer `apps.kruise.io/deletion-protection` holds a deleted or completed job until its secret copies
///   are released; the NodeImage controller removes its tags.
/// - A completed job with `ttlSecondsAfterFinished` is deleted when that passes.
/// - Every NodeImage write is a fresh read-modify-write, and the job waits until its cache has seen the version it
///   wrote (resourceVersion expectations), so a stale cache neither starts more nodes than `parallelism` nor
///   starts a second pull round on a node.
public struct ImagePullJobReconciler: Reconciler {
    public let jobs: Informer<ImagePullJob>
    public let nodeImages: Informer<NodeImage>
    public let pods: Informer<Pod>
    public let secrets: Informer<Secret>
    public let client: KubeClient
    /// The daemon's namespace, where pull secrets are copied (`KRUISE_DAEMON_CONFIG_NS`, `kruise-daemon-config`).
    public let configNamespace: String
    let planner: ImagePullJobPlanner
    let expectations: ResourceVersionExpectations
    /// How soon to look again while the cache lags a write.
    let cacheLagRequeue: Duration

    public init(
        jobs: Informer<ImagePullJob>, nodeImages: Informer<NodeImage>, pods: Informer<Pod>, secrets: Informer<Secret>,
        client: KubeClient, configNamespace: String, timings: ImagePullJobTimings = ImagePullJobTimings(),
        expectations: ResourceVersionExpectations = ResourceVersionExpectations()
    ) {
        self.jobs = jobs
        self.nodeImages = nodeImages
        self.pods = pods
        self.secrets = secrets
        self.client = client
        self.configNamespace = configNamespace
        self.planner = ImagePullJobPlanner(timings: timings)
        self.expectations = expectations
        self.cacheLagRequeue = .milliseconds(100)
    }

    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard var job = self.jobs.store.get(key) else {
            self.expectations.delete(key)
            return .done
        }
        guard self.caughtUp(key, job.metadata.resourceVersion) else { return ReconcileResult(requeueAfter: self.cacheLagRequeue) }
        let now = KubeTime.now()
        if job.metadata.isBeingDeleted || job.status.completionTime != nil {
            if job.metadata.finalizers.contains(ImagePullDefaults.protectionFinalizer) {
                _ = try await self.syncSecrets(job)
                try await self.removeFinalizer(job)
                return .done
            }
            return try await self.expire(job, now: now)
        }
        if !job.metadata.finalizers.contains(ImagePullDefaults.protectionFinalizer) {
            job = try await self.client.update(ImagePullJob.self, namespace: key.namespace, name: key.name) { job in
                guard !job.metadata.finalizers.contains(ImagePullDefaults.protectionFinalizer) else { return false }
                job.metadata.finalizers.append(ImagePullDefaults.protectionFinalizer)
                return true
            }
            self.expect(key, job.metadata.resourceVersion)
        }
        let nodeImages = Dictionary(self.nodeImages.store.list().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let pods = job.spec.podSelector == nil ? [] : self.pods.store.list(namespace: key.namespace)
        let targets = ImagePullJobTargets.select(job, nodeImages: nodeImages, pods: pods)
        for target in targets where !self.caughtUp(ObjectKey(name: target.name), target.metadata.resourceVersion) {
            return ReconcileResult(requeueAfter: self.cacheLagRequeue)
        }
        let secrets = try await self.syncSecrets(job)
        let plan = self.planner.plan(job, targets: targets, secrets: secrets, now: now)
        try await self.assign(plan.assignments, now: now)
        if plan.status != job.status {
            var updated = job
            updated.status = plan.status
            do {
                let written = try await self.client.updateStatus(updated)
                self.expect(key, written.metadata.resourceVersion)
            } catch {
                if error.isNotFound { return .done }
                if error.isConflict { return ReconcileResult(requeueAfter: self.cacheLagRequeue) }
                throw error
            }
        }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }

    /// How many NodeImages one sync writes at once (each write is a read, a write and two webhook calls).
    static let concurrentAssignments = 16

    /// Writes the job's tag into the NodeImages, ``concurrentAssignments`` at a time; the first failure is thrown
    /// once the writes under way have finished.
    private func assign(_ assignments: [ImagePullJobTagAssignment], now: KubeTime) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = assignments[...]
            var running = 0
            while let assignment = pending.popFirst() {
                if running == Self.concurrentAssignments {
                    try await group.next()
                    running -= 1
                }
                group.addTask { try await self.assign(assignment, now: now) }
                running += 1
            }
            try await group.waitForAll()
        }
    }

    /// Writes the job's tag into one NodeImage; a NodeImage gone meanwhile is skipped.
    private func assign(_ assignment: ImagePullJobTagAssignment, now: KubeTime) async throws {
        do {
            let written = try await self.client.update(NodeImage.self, name: assignment.nodeName) { nodeImage in
                guard let updated = assignment.apply(to: nodeImage, now: now) else { return false }
                nodeImage = updated
                return true
            }
            self.expect(ObjectKey(name: assignment.nodeName), written.metadata.resourceVersion)
        } catch {
            guard error.isNotFound else { throw error }
        }
    }

    /// Creates, updates and releases the job's secret copies; returns the copies its tags reference.
    private func syncSecrets(_ job: ImagePullJob) async throws -> [NodeImageSecretReference] {
        let namespace = job.metadata.namespace ?? ""
        let copies = self.secrets.store.list(namespace: self.configNamespace).filter { !$0.metadata.isBeingDeleted }
        let jobKey = "\(namespace)/\(job.name)"
        let involved = copies.contains { ImagePullSecretSync.references(of: $0).contains(jobKey) }
        if job.spec.pullSecrets.isEmpty && !involved { return [] }
        var sources: [String: Secret] = [:]
        for name in job.spec.pullSecrets {
            if let secret = self.secrets.store.get(ObjectKey(namespace: namespace, name: name)) { sources[name] = secret }
        }
        let plan = ImagePullSecretSync.plan(job, sources: sources, copies: copies, configNamespace: self.configNamespace)
        var references = plan.references
        for action in plan.actions {
            switch action {
            case .create(_, let secret):
                try await self.ensureConfigNamespace()
                let created = try await self.client.create(secret)
                references.append(NodeImageSecretReference(namespace: self.configNamespace, name: created.name))
            case .update(let secret):
                _ = try await self.client.update(secret)
            case .delete(let name):
                do {
                    _ = try await self.client.delete(Secret.self, namespace: self.configNamespace, name: name)
                } catch {
                    guard error.isNotFound else { throw error }
                }
            }
        }
        return references
    }

    /// Creates the daemon's namespace when a cluster lacks it (upstream's chart creates it).
    private func ensureConfigNamespace() async throws {
        do {
            _ = try await self.client.get(Namespace.self, name: self.configNamespace)
        } catch {
            guard error.isNotFound else { throw error }
            var metadata = ObjectMeta()
            metadata.name = self.configNamespace
            do {
                _ = try await self.client.create(Namespace(metadata: metadata))
            } catch {
                guard error.code == 409 else { throw error }
            }
        }
    }

    private func removeFinalizer(_ job: ImagePullJob) async throws {
        do {
            let written = try await self.client.update(ImagePullJob.self, namespace: job.metadata.namespace, name: job.name) { job in
                let before = job.metadata.finalizers
                job.metadata.finalizers = before.filter { $0 != ImagePullDefaults.protectionFinalizer }
                return job.metadata.finalizers != before
            }
            self.expect(ObjectKey(job), written.metadata.resourceVersion)
        } catch {
            guard error.isNotFound else { throw error }
        }
    }

    /// A completed job with `ttlSecondsAfterFinished` is deleted once that has passed since its completion.
    private func expire(_ job: ImagePullJob, now: KubeTime) async throws -> ReconcileResult {
        guard !job.metadata.isBeingDeleted, let completed = job.status.completionTime,
            let ttl = job.spec.completionPolicy.ttlSecondsAfterFinished
        else { return .done }
        let left = Int64(ttl) - (now.seconds - completed.seconds)
        guard left <= 0 else { return ReconcileResult(requeueAfter: .seconds(left)) }
        do {
            _ = try await self.client.delete(ImagePullJob.self, namespace: job.metadata.namespace, name: job.name)
        } catch {
            guard error.isNotFound else { throw error }
        }
        return .done
    }

    private func caughtUp(_ key: ObjectKey, _ resourceVersion: String?) -> Bool {
        if let resourceVersion { self.expectations.observe(key, resourceVersion: resourceVersion) }
        return self.expectations.isSatisfied(key)
    }

    private func expect(_ key: ObjectKey, _ resourceVersion: String?) {
        if let resourceVersion { self.expectations.expect(key, resourceVersion: resourceVersion) }
    }
}
