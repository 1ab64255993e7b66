public import ControllerRuntime
import KruiseAPI
import KubeJSON
public import KubeModel

/// Kruise's pod webhooks (`/mutate-pod` on CREATE, `/validate-pod` on DELETE and eviction), as upstream composes
/// them from per-feature handlers: the `KruisePodReady` readiness gate for pods Kruise workloads own (for every
/// pod when the `KruisePodReadinessGate` feature gate is on), then WorkloadSpread's placement (when its gate is
/// on); on deletion, WorkloadSpread's booking.
public struct KruisePodWebhook: Sendable {
    public static let mutatingPath = "/mutate-pod"
    public static let validatingPath = "/validate-pod"

    /// WorkloadSpread's part; `nil` when the `WorkloadSpread` gate is off.
    public let workloadSpread: WorkloadSpreadPodWebhook?
    /// `true` when every pod gets the readiness gate (the `KruisePodReadinessGate` feature gate), not only the
    /// pods Kruise workloads own.
    public let gatesEveryPod: Bool

    public init(workloadSpread: WorkloadSpreadPodWebhook?, gatesEveryPod: Bool = false) {
        self.workloadSpread = workloadSpread
        self.gatesEveryPod = gatesEveryPod
    }

    /// Path → handler, for an `AdmissionDispatcher`.
    public var handlers: [String: AdmissionHandler] {
        let webhook = self
        return [
            Self.mutatingPath: { await webhook.mutate($0) },
            Self.validatingPath: { await webhook.validate($0) },
        ]
    }

    /// Pod CREATE: the readiness gate, then the WorkloadSpread subset; one JSON patch for both.
    public func mutate(_ request: AdmissionRequest) async -> AdmissionResponse {
        guard request.operation == "CREATE", request.subResource.isEmpty,
            case .object(let object)? = request.newObject
        else { return .allow() }
        let original = Pod(object: object)
        var pod = original
        if self.gatesEveryPod || KruisePodReadiness.isOwnedByKruise(pod) { pod = KruisePodReadiness.injectingGate(into: pod) }
        if let workloadSpread = self.workloadSpread {
            switch await workloadSpread.place(pod, namespace: request.namespace, dryRun: request.dryRun) {
            case .unchanged: break
            case .placed(let placed): pod = placed
            case .refused(let response): return response
            }
        }
        if pod == original { return .allow() }
        return .patch(from: original.json, to: pod.json)
    }

    /// Pod DELETE and eviction: WorkloadSpread's booking; never refuses.
    public func validate(_ request: AdmissionRequest) async -> AdmissionResponse {
        guard let workloadSpread = self.workloadSpread else { return .allow() }
        return await workloadSpread.validate(request)
    }
}
