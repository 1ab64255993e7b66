public import ControllerRuntime
public import KruiseAPI
public import KubeClient
import KubeModel
public import Logging

/// Runs a ``NodeImagePlan`` through the client:
/// 1. the NodeImage write: create (one already there is fine), delete with a UID precondition (one already gone
///    is fine), or update with the cached resourceVersion (a 409 is reported as ``NodeImageExecution/conflict``);
/// 2. the status, through the `status` subresource with the cached resourceVersion: the daemon writes it too, so
///    a 409 is expected now and then and only means "look again" (upstream ignores it);
/// 3. once the status is written, a Warning `PullImageFailed` event per failed tag on the NodeImage and on each
///    owner ImagePullJob (recorded only then, so a lost race does not report a failure the next round may not
///    confirm).
public struct NodeImagePlanExecutor: Sendable {
    /// The client the calls go through.
    public let client: KubeClient
    /// Where Events go (`nil`: none are recorded).
    public let recorder: EventRecorder?
    private let logger: Logger

    /// An executor.
    public init(client: KubeClient, recorder: EventRecorder?, logger: Logger) {
        self.client = client
        self.recorder = recorder
        self.logger = logger
    }

    /// Runs `plan`; `nodeImage` is the NodeImage as observed (`nil` when there is none).
    public func run(_ plan: NodeImagePlan, on nodeImage: NodeImage?) async -> NodeImageExecution {
        var execution = NodeImageExecution()
        switch plan.write {
        case .create(let created):
            do {
                _ = try await self.client.create(created)
                execution.written = true
                self.logger.info("created NodeImage", metadata: ["nodeimage": "\(created.name)"])
            } catch {
                if !error.isAlreadyExists { execution.failures.append("create NodeImage: \(error.summary)") }
            }
            return execution
        case .delete(let name, let uid):
            do {
                try await self.client.delete(NodeImage.self, name: name, options: DeleteOptions(preconditionUID: uid))
                execution.written = true
                self.logger.info("deleted NodeImage of a Node that is gone", metadata: ["nodeimage": "\(name)"])
            } catch {
                if !error.isNotFound && !error.isConflict {
                    execution.failures.append("delete NodeImage: \(error.summary)")
                }
            }
            return execution
        case .update(let updated):
            do {
                _ = try await self.client.update(updated)
                execution.written = true
            } catch {
                if error.isConflict {
                    execution.conflict = true
                } else if !error.isNotFound {
                    execution.failures.append("update NodeImage: \(error.summary)")
                }
            }
            return execution
        case nil:
            break
        }

        guard let status = plan.status, var updated = nodeImage else { return execution }
        updated.status = status
        do {
            _ = try await self.client.updateStatus(updated)
            execution.statusWritten = true
        } catch {
            if error.isConflict {
                execution.conflict = true
            } else if !error.isNotFound {
                execution.failures.append("update NodeImage status: \(error.summary)")
            }
            return execution
        }
        for failure in plan.failures {
            let message = failure.eventMessage(node: updated.name)
            for owner in failure.owners where NodeImagePlanner.isImagePullJob(owner) {
                self.recorder?.record(Self.imagePullJob(owner), type: .warning, reason: "PullImageFailed", message: message)
            }
            self.recorder?.record(updated, type: .warning, reason: "PullImageFailed", message: message)
        }
        return execution
    }



    /// The ImagePullJob `reference` names, as an Event's involved object.
    static func imagePullJob(_ reference: ObjectReference) -> ImagePullJob {
        var metadata = ObjectMeta(name: reference.name, namespace: reference.namespace)
        if !reference.uid.isEmpty { metadata.uid = reference.uid }
        var job = ImagePullJob(metadata: metadata)
        if !reference.apiVersion.isEmpty { job.apiVersion = reference.apiVersion }
        return job
    }
}
