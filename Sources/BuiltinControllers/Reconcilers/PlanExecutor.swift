public import ControllerRuntime
import KubeJSON
public import KubeClient
public import KubeModel
import Logging

/// Executes a ``ControllerPlan``'s API calls through the client, step by step, with Kubernetes' expectations
/// protocol around pod creations and deletions: expectations are raised before a step's calls and lowered
/// for each call that failed; after a failed step no later step runs (slow start).
public struct PlanExecutor: Sendable {
    public let client: KubeClient
    public let expectations: ControllerExpectations

    public init(client: KubeClient, expectations: ControllerExpectations) {
        self.client = client
        self.expectations = expectations
    }

    /// What became of one call.
    enum Outcome: Sendable {
        /// Done: the informer will show the change.
        case applied
        /// Nothing to do: the object already existed, or was already gone; no event will follow.
        case alreadyDone
        case failed
    }

    /// Runs every step; returns `true` when all succeeded. `writeJobStatus` performs
    /// ``ControllerAction/updateJobStatus(_:)`` (the Job reconciler holds the Job to write it on).
    public func run(
        _ steps: [[ControllerAction]],
        owner: ObjectKey,
        writeJobStatus: (@Sendable (JobStatus) async throws -> Void)? = nil
    ) async -> Bool {
        for step in steps {
            let creations = step.count(where: Self.isPodCreate)
            let deletions = step.count(where: Self.isPodDelete)
            self.expectations.expect(owner, creations: creations, deletions: deletions)
            let outcomes = await withTaskGroup(of: (ControllerAction, Outcome).self) { group in
                for action in step {
                    group.addTask {
                        if case .updateJobStatus(let status) = action {
                            do {
                                try await writeJobStatus?(status)
                                return (action, .applied)
                            } catch {
                                return (action, .failed)
                            }
                        }
                        return (action, await self.perform(action))
                    }
                }
                var outcomes: [(ControllerAction, Outcome)] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            // Calls that failed or found nothing to do produce no informer event: take their expectations back.
            let unobserved = outcomes.filter { if case .applied = $0.1 { return false } else { return true } }.map(\.0)
            self.expectations.lower(
                owner,
                creations: unobserved.count(where: Self.isPodCreate),
                deletions: unobserved.count(where: Self.isPodDelete)
            )
            if outcomes.contains(where: { if case .failed = $0.1 { return true } else { return false } }) { return false }
        }
        return true
    }

    private static func isPodCreate(_ action: ControllerAction) -> Bool {
        if case .createPod = action { return true }
        return false
    }

    private static func isPodDelete(_ action: ControllerAction) -> Bool {
        if case .deletePod = action { return true }
        return false
    }

    /// One API call.
    func perform(_ action: ControllerAction) async -> Outcome {
        do {
            switch action {
            case .createPod(let pod):
                _ = try await self.client.create(pod)
            case .deletePod(let identity):
                try await self.client.delete(
                    Pod.self, namespace: identity.namespace, name: identity.name, options: DeleteOptions(preconditionUID: identity.uid)
                )
            case .removePodFinalizer(let identity, let finalizer):
                let pod = try await self.client.get(Pod.self, namespace: identity.namespace, name: identity.name)
                guard pod.metadata.uid == identity.uid else { return .alreadyDone }
                let finalizers = pod.metadata.finalizers
                guard let index = finalizers.firstIndex(of: finalizer) else { return .alreadyDone }
                // A JSON patch with a test op: removes exactly this finalizer, fails if the list moved.
                let patch: JSONValue = [
                    ["op": "test", "path": .string("/metadata/finalizers/\(index)"), "value": .string(finalizer)],
                    ["op": "remove", "path": .string("/metadata/finalizers/\(index)")],
                ]
                _ = try await self.client.patch(
                    Pod.self, namespace: identity.namespace, name: identity.name, type: .json, body: patch.serialized()
                )
            case .createReplicaSet(let replicaSet):
                _ = try await self.client.create(replicaSet)
            case .updateReplicaSet(let replicaSet):
                _ = try await self.client.update(replicaSet)
            case .deleteReplicaSet(let identity):
                try await self.client.delete(
                    ReplicaSet.self, namespace: identity.namespace, name: identity.name,
                    options: DeleteOptions(preconditionUID: identity.uid)
                )
            case .createControllerRevision(let revision):
                _ = try await self.client.create(revision)
            case .updateControllerRevision(let revision):
                _ = try await self.client.update(revision)
            case .deleteControllerRevision(let identity):
                try await self.client.delete(
                    ControllerRevision.self, namespace: identity.namespace, name: identity.name,
                    options: DeleteOptions(preconditionUID: identity.uid)
                )
            case .createPersistentVolumeClaim(let claim):
                _ = try await self.client.create(claim)
            case .updateDeployment(let deployment):
                _ = try await self.client.update(deployment)
            case .updateJobStatus:
                // Handled in run(_:owner:writeJobStatus:).
                return .applied
            }
            return .applied
        } catch let error where error.isAlreadyExists {
            return .alreadyDone
        } catch let error where error.isNotFound && !Self.isCreate(action) {
            return .alreadyDone
        } catch {
            return .failed
        }
    }

    private static func isCreate(_ action: ControllerAction) -> Bool {
        switch action {
        case .createPod, .createReplicaSet, .createControllerRevision, .createPersistentVolumeClaim: true
        default: false
        }
    }
}
