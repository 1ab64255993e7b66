public import KruiseAPI
import KubeJSON
public import KubeModel

/// What the CloneSet's decisions read of a pod, read from the pod's JSON in one pass.
///
/// A sync walks every pod of the CloneSet several times (status, scale diffs, refresh, update diffs,
/// candidates, limits), and most pods do not change between syncs. For a pod from an informer's cache (the
/// root of a packed document) the facts are kept with the document (``KubeJSON/PackedJSON/memoized(_:_:)``),
/// so each pod version is read once however often it is planned over; any other pod (a test's, or one just
/// changed) is read each time.
///
/// A class, so that handing the kept facts to each predicate costs one reference count, not one per string.
public final class CloneSetPodFacts: Sendable, Equatable {
    /// `metadata.name`.
    public let name: String
    /// The `controller-revision-hash` label; empty when absent.
    public let revision: String
    /// ``CloneSetPods/shortHash(_:)`` of ``revision``.
    public let revisionShortHash: String
    /// The `lifecycle.apps.kruise.io/state` label; empty when absent.
    public let lifecycleState: String
    /// The pod has the `apps.kruise.io/specified-delete` label.
    public let hasSpecifiedDeleteLabel: Bool
    /// The pod has the `pod-template-hash` label.
    public let hasPodTemplateHash: Bool
    /// Not terminating, not Succeeded or Failed.
    public let isActive: Bool
    /// Phase Running and the Ready condition True.
    public let isRunningAndReady: Bool
    /// When Ready last turned True (set only while ``isRunningAndReady``).
    public let readySince: KubeTime?
    /// The `InPlaceUpdateReady` condition's truth; `nil` when the pod has no such condition.
    public let inPlaceUpdateReady: Bool?
    /// `InPlaceUpdateReady` is True with neither reason nor message: nothing for a refresh to set.
    public let inPlaceUpdateReadySettled: Bool
    /// The pod lists `InPlaceUpdateReady` among its readiness gates.
    public let hasInPlaceReadinessGate: Bool
    /// The pod has a non-empty `apps.kruise.io/inplace-update-grace` annotation.
    public let hasInPlaceUpdateGrace: Bool
    /// The controller reference's UID, kind and name.
    public let controllerUID: String?
    public let controllerKind: String?
    public let controllerName: String?
    /// `controller.kubernetes.io/pod-deletion-cost` (0 when absent or invalid).
    public let deletionCost: Int64

    /// Reads the facts of `pod`.
    public init(reading pod: Pod) {
        let metadata = pod.metadata
        let labels = metadata.object["labels"]?.objectValue
        let annotations = metadata.object["annotations"]?.objectValue
        self.name = metadata.name ?? ""
        self.revision = labels?[KruiseKeys.controllerRevisionHash]?.stringValue ?? ""
        self.revisionShortHash = CloneSetPods.shortHash(self.revision)
        self.lifecycleState = labels?[KruiseKeys.lifecycleState]?.stringValue ?? ""
        self.hasSpecifiedDeleteLabel = labels?[KruiseKeys.specifiedDelete]?.stringValue != nil
        self.hasPodTemplateHash = labels?[KruiseKeys.podTemplateHash]?.stringValue != nil
        self.isActive = !metadata.isBeingDeleted && !pod.isTerminated
        let status = pod.status
        if status.phase == "Running", let ready = status.condition("Ready"), ready.isTrue {
            self.isRunningAndReady = true
            self.readySince = ready.lastTransitionTime
        } else {
            self.isRunningAndReady = false
            self.readySince = nil
        }
        if let condition = status.condition(KruiseKeys.inPlaceUpdateReady) {
            self.inPlaceUpdateReady = condition.isTrue
            self.inPlaceUpdateReadySettled = condition.status == "True" && condition.reason == nil && condition.message == nil
        } else {
            self.inPlaceUpdateReady = nil
            self.inPlaceUpdateReadySettled = false
        }
        self.hasInPlaceReadinessGate = pod.spec.hasReadinessGate(KruiseKeys.inPlaceUpdateReady)
        self.hasInPlaceUpdateGrace = !(annotations?[KruiseKeys.inPlaceUpdateGrace]?.stringValue ?? "").isEmpty
        let controller = metadata.controllerReference
        self.controllerUID = controller?.uid
        self.controllerKind = controller?.kind
        self.controllerName = controller?.name
        if let text = annotations?[KruiseKeys.podDeletionCost]?.stringValue, let value = Int32(text) {
            self.deletionCost = Int64(value)
        } else {
            self.deletionCost = 0
        }
    }

    public static func == (lhs: CloneSetPodFacts, rhs: CloneSetPodFacts) -> Bool {
        lhs.name == rhs.name && lhs.revision == rhs.revision && lhs.revisionShortHash == rhs.revisionShortHash
            && lhs.lifecycleState == rhs.lifecycleState && lhs.hasSpecifiedDeleteLabel == rhs.hasSpecifiedDeleteLabel
            && lhs.hasPodTemplateHash == rhs.hasPodTemplateHash && lhs.isActive == rhs.isActive
            && lhs.isRunningAndReady == rhs.isRunningAndReady && lhs.readySince == rhs.readySince
            && lhs.inPlaceUpdateReady == rhs.inPlaceUpdateReady
            && lhs.inPlaceUpdateReadySettled == rhs.inPlaceUpdateReadySettled
            && lhs.hasInPlaceReadinessGate == rhs.hasInPlaceReadinessGate
            && lhs.hasInPlaceUpdateGrace == rhs.hasInPlaceUpdateGrace && lhs.controllerUID == rhs.controllerUID
            && lhs.controllerKind == rhs.controllerKind && lhs.controllerName == rhs.controllerName
            && lhs.deletionCost == rhs.deletionCost
    }

    /// The facts of `pod`: kept with its packed document when it is one, else read now.
    public static func of(_ pod: Pod) -> CloneSetPodFacts {
        guard let document = pod.object.packedDocument else { return CloneSetPodFacts(reading: pod) }
        return document.memoized(CloneSetPodFacts.self) { CloneSetPodFacts(reading: pod) }
    }
}
