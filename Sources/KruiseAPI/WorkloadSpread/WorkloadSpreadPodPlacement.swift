public import KubeModel

/// What the pod webhook does with a pod being created (see ``WorkloadSpreadAllocator``).
public struct WorkloadSpreadPodPlacement: Sendable, Hashable {
    /// The subset the pod is placed in; `nil` when no subset has room (the pod is admitted unchanged).
    public var subset: String?
    /// The WorkloadSpread status to write before admitting the pod (with optimistic locking; on a conflict, read
    /// the WorkloadSpread again and allocate again); `nil` when the status does not change.
    public var status: WorkloadSpreadStatus?
    /// The pod to admit: injected when ``subset`` is set, otherwise the pod as it came.
    public var pod: Pod
    /// The identity recorded in `creatingPods` for a pod that had no name yet (also written to the annotation's
    /// `uid`); `nil` when the pod's name was used or nothing was recorded.
    public var generatedUID: String?

    /// A placement.
    public init(subset: String?, status: WorkloadSpreadStatus?, pod: Pod, generatedUID: String? = nil) {
        self.subset = subset
        self.status = status
        self.pod = pod
        self.generatedUID = generatedUID
    }
}
