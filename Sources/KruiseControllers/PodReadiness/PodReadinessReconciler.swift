public import ControllerRuntime
import KruiseAPI
public import KubeClient
public import KubeModel

/// The pod-readiness controller (`pkg/controller/podreadiness`): a pod that carries the `KruisePodReady`
/// readiness gate but no such condition gets the condition True (``KruisePodReadiness/initialized(_:now:)``), so
/// the gate Kruise injected does not keep it from becoming Ready.
public struct PodReadinessReconciler: Reconciler {
    /// Pods.
    public let pods: Informer<Pod>
    /// Writes the status.
    public let client: KubeClient

    /// A reconciler.
    public init(pods: Informer<Pod>, client: KubeClient) {
        self.pods = pods
        self.client = client
    }

    /// `true` for the pod events worth a reconcile: the gate without its condition.
    public static func needsCondition(_ pod: Pod) -> Bool {
        KruisePodReadiness.hasGate(pod) && pod.status.conditions[type: KruisePodReadiness.conditionType] == nil
    }

    /// Adds the condition to the pod `key` when it still lacks it; a conflict is retried by the queue.
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let pod = self.pods.store.get(key), let updated = KruisePodReadiness.initialized(pod, now: KubeTime.now()) else {
            return .done
        }
        do {
            _ = try await self.client.updateStatus(updated)
        } catch {
            // Gone meanwhile: nothing to do. Anything else (a conflict included) goes back to the queue.
            guard error.isNotFound else { throw error }
        }
        return .done
    }
}
