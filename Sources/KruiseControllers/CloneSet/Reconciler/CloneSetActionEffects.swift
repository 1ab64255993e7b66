import ControllerRuntime
import KubeJSON
import KruiseAPI
import KubeModel

/// The bookkeeping of CloneSet actions, as pure functions: which scale expectations an action raises before
/// its call, and which Event its outcome records (upstream `cloneset_scale.go` / `cloneset_update.go`).
public enum CloneSetActionEffects {
    /// The creations and deletions `action` will make the cache show (pods and PVCs only).
    public static func scaleExpectations(of action: CloneSetAction) -> [CloneSetScaleExpectation] {
        switch action {
        case .createPod(let pod): [CloneSetScaleExpectation(.create, CloneSetExpectations.podEntry(pod.name))]
        case .deletePod(let ref): [CloneSetScaleExpectation(.delete, CloneSetExpectations.podEntry(ref.name))]
        case .createPVC(let claim): [CloneSetScaleExpectation(.create, CloneSetExpectations.claimEntry(claim.name))]
        case .deletePVC(let ref): [CloneSetScaleExpectation(.delete, CloneSetExpectations.claimEntry(ref.name))]
        default: []
        }
    }

    /// The expectations to take back after `outcome`: everything the action raised unless it was applied
    /// (a failed or no-op call produces no informer event).
    public static func expectationsToLower(of action: CloneSetAction, outcome: CloneSetActionOutcome) -> [CloneSetScaleExpectation] {
        outcome == .applied ? [] : scaleExpectations(of: action)
    }

    /// The Event `outcome` of `action` records, if any. `updateRevision` names the revision pods move to.
    public static func event(
        for action: CloneSetAction, outcome: CloneSetActionOutcome, updateRevision: String
    ) -> CloneSetEvent? {
        switch (action, outcome) {
        case (.createPod(let pod), .applied):
            return CloneSetEvent(.normal, "SuccessfulCreate", "succeed to create pod \(pod.name)")
        case (.createPod(let pod), .failed(let error)):
            return CloneSetEvent(.warning, "FailedCreate", "failed to create pod: \(error), pod: \(dump(pod))")
        case (.createPVC(let claim), .failed(let error)):
            return CloneSetEvent(.warning, "FailedCreate", "failed to create pvc: \(error), pvc: \(dump(claim))")
        case (.deletePod(let ref), .applied):
            return CloneSetEvent(.normal, "SuccessfulDelete", "succeed to delete pod \(ref.name)")
        case (.deletePod(let ref), .failed(let error)):
            return CloneSetEvent(.warning, "FailedDelete", "failed to delete pod \(ref.name): \(error)")
        case (.deletePVC(let ref), .failed(let error)):
            return CloneSetEvent(.warning, "FailedDelete", "failed to delete pvc \(ref.name): \(error)")
        case (.inPlaceUpdate(let change), .applied):
            return CloneSetEvent(
                .normal, "SuccessfulUpdatePodInPlace",
                "successfully update pod \(change.pod.name) in-place(revision \(change.revision))")
        case (.inPlaceUpdate(let change), .failed(let error)):
            return CloneSetEvent(
                .warning, "FailedUpdatePodInPlace",
                "failed to update pod \(change.pod.name) in-place(revision \(change.revision)): \(error)")
        case (.updatePod(let change), .failed(let error)) where marksSpecifiedDelete(change):
            return CloneSetEvent(
                .warning, "FailedUpdatePodReCreate",
                "failed to patch pod specified-delete \(change.pod.name) for update(revision \(updateRevision)): \(error)")
        default:
            return nil
        }
    }

    /// `true` when the change labels the pod `apps.kruise.io/specified-delete` (a ReCreate update).
    public static func marksSpecifiedDelete(_ change: PodChange) -> Bool {
        change.patch["metadata"]?["labels"]?[KruiseKeys.specifiedDelete]?.stringValue != nil
    }

    private static func dump(_ object: some KubeObject) -> String {
        String(decoding: object.json.serialized(), as: UTF8.self)
    }
}
