public import ControllerRuntime
public import KruiseAPI
import KubeClient
public import KubeModel

/// The NodeImage controller's reconcile (upstream `ReconcileNodeImage.Reconcile`): reads the Node and the
/// NodeImage of one name and the ImagePullJobs its tags name from the caches, asks the pure ``NodeImagePlanner``
/// what to do and runs the plan through ``NodeImagePlanExecutor``.
///
/// An owner ImagePullJob missing from the cache is looked up on the server before the planner may drop it: the
/// cache can lag behind the controller that wrote the tag (in another process), and a tag dropped by mistake
/// would make every node pull again. A write that conflicts requeues after ``conflictRequeue``; other failed
/// calls throw, for the queue's backoff.
public struct NodeImageReconciler: Reconciler {
    /// NodeImages.
    public let nodeImages: Informer<NodeImage>
    /// Nodes.
    public let nodes: Informer<Node>
    /// ImagePullJobs.
    public let imagePullJobs: Informer<ImagePullJob>
    /// Runs plans (and, through its client, confirms ImagePullJobs missing from the cache).
    public let executor: NodeImagePlanExecutor
    /// The creation delay and the response timeout.
    public let timings: NodeImageTimings
    /// How soon to reconcile again after a conflict.
    public let conflictRequeue: Duration

    /// A reconciler.
    public init(
        nodeImages: Informer<NodeImage>, nodes: Informer<Node>, imagePullJobs: Informer<ImagePullJob>,
        executor: NodeImagePlanExecutor, timings: NodeImageTimings = NodeImageTimings(),
        conflictRequeue: Duration = .milliseconds(100)
    ) {
        self.nodeImages = nodeImages
        self.nodes = nodes
        self.imagePullJobs = imagePullJobs
        self.executor = executor
        self.timings = timings
        self.conflictRequeue = conflictRequeue
    }

    /// Syncs the NodeImage (and Node) `key`.
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let name = key.name
        let node = self.nodes.store.get(ObjectKey(name: name))
        let nodeImage = self.nodeImages.store.get(ObjectKey(name: name))
        let jobs = try await self.ownerJobs(of: nodeImage, key: key)
        let plan = NodeImagePlanner.plan(
            name: name, node: node, nodeImage: nodeImage, imagePullJobs: jobs, now: KubeTime.now(), timings: self.timings)
        let execution = await self.executor.run(plan, on: nodeImage)
        if !execution.failures.isEmpty {
            throw NodeImageReconcileError.planStepFailed(nodeImage: name, failures: execution.failures)
        }
        if execution.conflict { return ReconcileResult(requeueAfter: self.conflictRequeue) }
        return ReconcileResult(requeueAfter: plan.requeueAfter)
    }

    /// The UIDs of the ImagePullJobs the NodeImage's tags name, by key: from the cache, else from the server
    /// (absent when it answers NotFound).
    func ownerJobs(of nodeImage: NodeImage?, key: ObjectKey) async throws(NodeImageReconcileError) -> [ObjectKey: String] {
        guard let nodeImage else { return [:] }
        var jobs: [ObjectKey: String] = [:]
        var missing: Set<ObjectKey> = []
        for image in nodeImage.images.values {
            for tag in image.tags {
                for reference in tag.ownerReferences where NodeImagePlanner.isImagePullJob(reference) {
                    let jobKey = ObjectKey(namespace: reference.namespace, name: reference.name)
                    if jobs[jobKey] != nil { continue }
                    if let job = self.imagePullJobs.store.get(jobKey) {
                        jobs[jobKey] = job.metadata.uid ?? ""
                    } else {
                        missing.insert(jobKey)
                    }
                }
            }
        }
        for jobKey in missing.sorted() {
            do {
                let job = try await self.executor.client.get(ImagePullJob.self, namespace: jobKey.namespace, name: jobKey.name)
                jobs[jobKey] = job.metadata.uid ?? ""
            } catch {
                if error.isNotFound { continue }
                throw NodeImageReconcileError.planStepFailed(
                    nodeImage: key.name, failures: ["get ImagePullJob \(jobKey): \(error)"])
            }
        }
        return jobs
    }
}
