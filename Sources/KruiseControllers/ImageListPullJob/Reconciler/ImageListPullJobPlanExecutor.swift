public import ControllerRuntime
public import KruiseAPI
public import KubeClient
import KubeJSON
import KubeModel
public import Logging

/// Runs an ``ImageListPullJobPlan`` through the client, in upstream's order (`Reconcile` and `syncImagePullJob`):
/// 1. the `controller-revision-hash` label, as a merge patch on the list job;
/// 2. a completed job past its TTL is deleted (UID precondition) and nothing else runs;
/// 3. the children to create, in slow-start batches (1, 2, 4, …; a failed batch stops the rest), each expected
///    (by image) before its call, so a reconcile on a cache that does not show it yet cannot create it again;
///    Normal event `Successful create ImagePullJob` when all succeed;
/// 4. the children to delete, one after another, each expected (by name) before its call; Normal event
///    `Successful delete ImagePullJob` when all succeed;
/// 5. the status, when the children were synced without error, through the `status` subresource with the cached
///    resourceVersion (or the patched one): a 409 is reported as ``ImageListPullJobExecution/statusConflict``.
public struct ImageListPullJobPlanExecutor: Sendable {
    /// The client the calls go through.
    public let client: KubeClient
    /// The create and delete expectations, by list job key.
    public let expectations: ScaleExpectations
    /// Where Events go (`nil`: none are recorded).
    public let recorder: EventRecorder?
    private let logger: Logger

    /// An executor.
    public init(client: KubeClient, expectations: ScaleExpectations, recorder: EventRecorder?, logger: Logger) {
        self.client = client
        self.expectations = expectations
        self.recorder = recorder
        self.logger = logger
    }

    /// Runs `plan` for `job` (as observed).
    public func run(_ plan: ImageListPullJobPlan, on job: ImageListPullJob) async -> ImageListPullJobExecution {
        var execution = ImageListPullJobExecution()
        let key = ObjectKey(job)
        // The object the status is written onto: the patch below moves the resourceVersion on, and writing onto the
        // cached one would then always conflict.
        var current = job
        if plan.patchHashLabel {
            let patch: JSONValue = ["metadata": ["labels": .object([KruiseKeys.controllerRevisionHash: .string(plan.templateHash)])]]
            do {
                current = try await self.client.patch(
                    ImageListPullJob.self, namespace: job.namespace, name: job.name, type: .merge, body: patch.serialized())
            } catch {
                if !error.isNotFound { execution.failures.append("refresh job template hash: \(error.summary)") }
                return execution
            }
        }
        if plan.deleteJob {
            do {
                try await self.client.delete(
                    ImageListPullJob.self, namespace: job.namespace, name: job.name,
                    options: DeleteOptions(preconditionUID: job.metadata.uid))
                self.logger.info("deleting ImageListPullJob for ttlSecondsAfterFinished", metadata: ["imagelistpulljob": "\(key)"])
            } catch {
                if !error.isNotFound && !error.isConflict {
                    execution.failures.append("delete ImageListPullJob: \(error.summary)")
                }
            }
            return execution
        }

        if !plan.creates.isEmpty {
            let (created, failures) = await self.create(plan.creates, owner: key)
            execution.created = created
            execution.failures += failures
            if failures.isEmpty {
                self.recorder?.record(
                    job, type: .normal, reason: "Successful create ImagePullJob", message: "Create \(created.count) ImagePullJob")
            }
        }
        var deleteFailed = false
        for deletion in plan.deletes {
            self.expectations.expect(key, .delete, name: deletion.name)
            do {
                try await self.client.delete(
                    ImagePullJob.self, namespace: job.namespace, name: deletion.name,
                    options: DeleteOptions(preconditionUID: deletion.uid))
                execution.deleted.append(deletion.name)
            } catch {
                // Gone already (or replaced by a namesake): its deletion event may have passed before the
                // expectation was recorded, so do not wait for one.
                self.expectations.observe(key, .delete, name: deletion.name)
                if error.isNotFound || error.isConflict {
                    execution.deleted.append(deletion.name)
                } else {
                    deleteFailed = true
                    execution.failures.append(
                        "fail to delete ImagePullJob (\(job.namespace)/\(deletion.name)): \(error.summary)")
                }
            }
        }
        if !plan.deletes.isEmpty && !deleteFailed {
            self.recorder?.record(
                job, type: .normal, reason: "Successful delete ImagePullJob", message: "Delete \(plan.deletes.count) ImagePullJob")
        }
        guard execution.failures.isEmpty, let status = plan.status else { return execution }

        var updated = current
        updated.status = status
        do {
            _ = try await self.client.updateStatus(updated)
            execution.statusWritten = true
        } catch {
            if error.isConflict {
                execution.statusConflict = true
            } else if !error.isNotFound {
                execution.failures.append("update ImageListPullJob status: \(error.summary)")
            }
        }
        return execution
    }

    /// Creates `children` in slow-start batches; returns the names created and the failures. A failed
    /// creation's expectation is dropped at once, as its child will never show in the cache.
    private func create(_ children: [ImagePullJob], owner: ObjectKey) async -> (created: [String], failures: [String]) {
        var created: [String] = []
        var remaining = children[...]
        var batch = 1
        while !remaining.isEmpty {
            let current = remaining.prefix(batch)
            remaining = remaining.dropFirst(batch)
            let results = await withTaskGroup(of: (image: String, result: Result<String, KubeAPIError>).self) { group in
                for child in current {
                    let image = child.spec.image
                    self.expectations.expect(owner, .create, name: image)
                    group.addTask {
                        do throws(KubeAPIError) {
                            let created = try await self.client.create(child)
                            return (image, .success(created.name))
                        } catch {
                            return (image, .failure(error))
                        }
                    }
                }
                var results: [(image: String, result: Result<String, KubeAPIError>)] = []
                for await result in group { results.append(result) }
                return results
            }
            var failures: [String] = []
            for (image, result) in results {
                switch result {
                case .success(let name):
                    created.append(name)
                case .failure(let error):
                    self.expectations.observe(owner, .create, name: image)
                    failures.append("create ImagePullJob for \(image): \(error.summary)")
                }
            }
            if !failures.isEmpty { return (created, failures.sorted()) }
            batch *= 2
        }
        return (created, [])
    }
}
