public import KubeModel

/// What the simulated kubelet does next for one pod.
public struct KubeletPlan: Sendable, Hashable {
    /// The status to write (`pods/<name>/status`); `nil` when it does not change.
    public var status: PodStatus?
    /// Pulls to start or finish before the next plan.
    public var imagePulls: [ImagePullAction]
    /// Delete the pod with this grace period (always 0, as the kubelet does once containers stopped).
    public var deleteGracePeriodSeconds: Int64?
    /// When to plan again if nothing else changes; `nil` to wait for the next change.
    public var recheckAt: KubeTime?

    public init(status: PodStatus? = nil, imagePulls: [ImagePullAction] = [], deleteGracePeriodSeconds: Int64? = nil, recheckAt: KubeTime? = nil) {
        self.status = status
        self.imagePulls = imagePulls
        self.deleteGracePeriodSeconds = deleteGracePeriodSeconds
        self.recheckAt = recheckAt
    }

    /// Nothing to do.
    public static let none = KubeletPlan()
}
