public import ControllerRuntime
import Foundation
import KruiseAPI
import KubeClient
import KubeJSON
public import KubeModel

/// The WorkloadSpread part of Kruise's pod webhooks (`pkg/webhook/pod`, v1.6), which ``KruisePodWebhook`` serves:
/// - on CREATE (`/mutate-pod`), the pod of a targeted workload is placed in a subset: the subset's scheduling
///   constraints and patch are injected and the decision is booked in the WorkloadSpread's status (the pod's
///   version bucket) with optimistic locking before the pod is admitted;
/// - on DELETE and on eviction (`/validate-pod`), the pod is booked in its subset's `deletingPods`. Always allowed.
///
/// The decisions are ``WorkloadSpreadAllocator``'s (pure); this type only finds the WorkloadSpread and the
/// workload, and writes the status, re-reading the WorkloadSpread after a conflict.
public struct WorkloadSpreadPodWebhook: Sendable {
    /// Attempts at writing the status before the pod is refused (each after a conflict).
    public static let attempts = 5

    public let lookups: WorkloadSpreadLookups
    /// The time decisions are stamped with.
    public let now: @Sendable () -> KubeTime

    public init(lookups: WorkloadSpreadLookups, now: @escaping @Sendable () -> KubeTime = { KubeTime.now() }) {
        self.lookups = lookups
        self.now = now
    }

    /// What ``place(_:namespace:dryRun:)`` decided.
    public enum Placement: Sendable {
        /// No WorkloadSpread applies.
        case unchanged
        /// The pod with its subset injected (booked unless dry run).
        case placed(Pod)
        /// The pod must be refused (the booking failed).
        case refused(AdmissionResponse)
    }

    /// Places a pod being created (in `namespace` when its own is empty) in a subset of the WorkloadSpread
    /// targeting its workload, booking the decision in the status unless `dryRun`.
    public func place(_ pod: Pod, namespace requestNamespace: String, dryRun: Bool) async -> Placement {
        let namespace = pod.metadata.namespace ?? requestNamespace
        guard pod.metadata.controllerReference != nil else { return .unchanged }
        let candidates = self.lookups.workloadSpreads(namespace)
        guard !candidates.isEmpty else { return .unchanged }
        let workloads = await self.lookups.workloads(of: pod, namespace: namespace)
        guard let (cached, workload) = WorkloadSpreadLookups.match(candidates, workloads: workloads) else { return .unchanged }
        let version = WorkloadSpreadVersion.of(pod)
        var workloadSpread = cached
        for attempt in 0..<Self.attempts {
            if attempt > 0 {
                do {
                    workloadSpread = try await self.lookups.fetch(namespace, cached.name)
                } catch {
                    return .refused(.deny("failed to get WorkloadSpread \(cached.name): \(error.message)", code: 500, reason: "InternalError"))
                }
                if workloadSpread.metadata.isBeingDeleted { return .unchanged }
            }
            let placement: WorkloadSpreadPodPlacement
            do {
                placement = try WorkloadSpreadAllocator.place(
                    pod, in: workloadSpread, podVersion: version, workloadReplicas: workload.replicas, now: self.now(),
                    generateUID: { UUID().uuidString.lowercased() })
            } catch {
                return .refused(.deny("WorkloadSpread \(workloadSpread.name): \(error)", code: 400, reason: "BadRequest"))
            }
            if let status = placement.status, !dryRun {
                var updated = workloadSpread
                updated.status = status
                do {
                    try await self.lookups.writeStatus(updated)
                } catch {
                    guard error.isConflict else {
                        return .refused(.deny(
                            "failed to update WorkloadSpread \(cached.name) status: \(error.message)", code: 500, reason: "InternalError"))
                    }
                    continue
                }
            }
            return .placed(placement.pod)
        }
        return .refused(.deny(
            "WorkloadSpread \(cached.name): status kept changing; gave up after \(Self.attempts) attempts", code: 409,
            reason: "Conflict"))
    }

    /// Pod DELETE and eviction: books the pod in its subset's `deletingPods`; never refuses.
    public func validate(_ request: AdmissionRequest) async -> AdmissionResponse {
        guard !request.dryRun else { return .allow() }
        let namespace = request.namespace
        let pod: Pod
        if request.operation == "DELETE", request.subResource.isEmpty, case .object(let object)? = request.oldObject {
            pod = Pod(object: object)
        } else if request.operation == "CREATE", request.subResource == "eviction",
            let found = await self.lookups.pod(namespace, request.name)
        {
            pod = found
        } else {
            return .allow()
        }
        guard let match = MatchedWorkloadSpread(annotations: pod.metadata.annotations),
            let cached = self.lookups.workloadSpreads(namespace).first(where: { $0.name == match.name })
        else { return .allow() }
        let workloads = await self.lookups.workloads(of: pod, namespace: namespace)
        let replicas = workloads.first(where: { $0.isTarget(of: cached) })?.replicas ?? 0
        let version = WorkloadSpreadVersion.of(pod)
        var workloadSpread = cached
        for attempt in 0..<Self.attempts {
            if attempt > 0 {
                guard let fresh = try? await self.lookups.fetch(namespace, cached.name) else { return .allow() }
                workloadSpread = fresh
            }
            guard
                let status = WorkloadSpreadAllocator.recordDeletion(
                    of: pod, in: workloadSpread, podVersion: version, workloadReplicas: replicas, now: self.now())
            else { return .allow() }
            var updated = workloadSpread
            updated.status = status
            do {
                try await self.lookups.writeStatus(updated)
                return .allow()
            } catch {
                guard error.isConflict else { return .allow() }
            }
        }
        return .allow()
    }
}
