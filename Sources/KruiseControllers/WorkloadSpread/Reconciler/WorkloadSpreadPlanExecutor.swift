public import ControllerRuntime
public import KruiseAPI
public import KubeClient
public import KubeJSON
public import KubeModel
public import Logging

/// Runs a ``WorkloadSpreadPlan`` through the client, in upstream's order (`syncWorkloadSpread`):
/// 1. the plan's events are recorded on the WorkloadSpread;
/// 2. each pod's adoption patch (strategic merge) and then its new `controller.kubernetes.io/pod-deletion-cost`
///    (a merge patch on the annotation); different pods concurrently. A pod that is gone is skipped; any other
///    failure stops here, before the status, as upstream returns on a failed deletion-cost update;
/// 3. the status, replaced through the `status` subresource with the cached resourceVersion, so a status the
///    webhook wrote meanwhile (`creatingPods`/`deletingPods`) is never overwritten: a 409 is reported as
///    ``WorkloadSpreadExecution/statusConflict`` and nothing after it runs;
/// 4. the unschedulable pods to delete, each with a UID precondition (a pod recreated under the same name is
///    not deleted).
public struct WorkloadSpreadPlanExecutor: Sendable {
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

    /// Runs `plan` for `workloadSpread` (as observed); `pods` are the target's pods the plan was made from (their
    /// UIDs become the deletion preconditions).
    public func run(_ plan: WorkloadSpreadPlan, on workloadSpread: WorkloadSpread, pods: [Pod]) async -> WorkloadSpreadExecution {
        var execution = WorkloadSpreadExecution()
        for event in plan.events {
            self.recorder?.record(
                workloadSpread, type: event.type == "Warning" ? .warning : .normal, reason: event.reason, message: event.message)
        }

        let namespace = workloadSpread.namespace
        let patches = Self.podPatches(plan)
        execution.failures = await withTaskGroup(of: [String].self) { group in
            for (name, bodies) in patches {
                group.addTask { await self.patch(pod: name, namespace: namespace, bodies) }
            }
            var failures: [String] = []
            for await failed in group { failures += failed }
            return failures.sorted()
        }
        guard execution.failures.isEmpty else { return execution }

        if let status = plan.status {
            var updated = workloadSpread
            updated.status = status
            do {
                _ = try await self.client.updateStatus(updated)
                execution.statusWritten = true
            } catch {
                if error.isConflict {
                    execution.statusConflict = true
                } else if !error.isNotFound {
                    execution.failures.append("update status: \(error.summary)")
                }
                return execution
            }
        }

        var uids: [String: String] = [:]
        for pod in pods where pod.namespace == namespace { uids[pod.name] = pod.metadata.uid }
        for name in plan.podsToDelete {
            do {
                try await self.client.delete(
                    Pod.self, namespace: namespace, name: name, options: DeleteOptions(preconditionUID: uids[name]))
                self.logger.debug("deleted unschedulable pod", metadata: ["workloadspread": "\(ObjectKey(workloadSpread))", "pod": "\(name)"])
            } catch {
                if error.isNotFound || error.isConflict { continue }
                execution.failures.append("delete pod \(name): \(error.summary)")
            }
        }
        return execution
    }

    /// The patches of each pod, in order: the adoption patch (strategic merge), then the deletion cost (merge).
    public static func podPatches(_ plan: WorkloadSpreadPlan) -> [String: [(PatchType, JSONValue)]] {
        var result: [String: [(PatchType, JSONValue)]] = [:]
        for (name, patch) in plan.podPatches { result[name, default: []].append((.strategicMerge, patch)) }
        for (name, cost) in plan.deletionCosts {
            result[name, default: []].append((.merge, Self.deletionCostPatch(cost)))
        }
        return result
    }

    /// The merge patch setting `controller.kubernetes.io/pod-deletion-cost` to `cost`.
    public static func deletionCostPatch(_ cost: String) -> JSONValue {
        ["metadata": ["annotations": .object([KruiseKeys.podDeletionCost: .string(cost)])]]
    }

    /// Applies one pod's patches in order; returns the failures (none when the pod is gone).
    private func patch(pod name: String, namespace: String, _ bodies: [(PatchType, JSONValue)]) async -> [String] {
        for (type, body) in bodies {
            do {
                _ = try await self.client.patch(Pod.self, namespace: namespace, name: name, type: type, body: body.serialized())
            } catch {
                if error.isNotFound { return [] }
                return ["patch pod \(name): \(error.summary)"]
            }
        }
        return []
    }
}
