public import KubeModel

/// Pod and workload versions for versioned subset statuses (kruise v1.6, #1197; kruise-features §4.2).
///
/// Each version fills the subsets independently, so that during a rolling update with surge the new version's
/// pods go to the first subsets although old pods still sit there. Pods of workloads whose kind is not versioned
/// share the single bucket ``ignored``.
///
/// SwiftKruise versions Deployment, ReplicaSet **and CloneSet** pods. Upstream's default set is only Deployment and
/// ReplicaSet (its `--ws-enabled-versioned-status` flag is read too late to change it), which leaves CloneSet
/// rolling updates with the distribution problem #1197 fixed for Deployments.
public enum WorkloadSpreadVersion {
    /// The version of pods (and workloads) that are not versioned: one bucket for all of them.
    public static let ignored = "versionIgnored"

    /// The lower-cased kinds whose pods are versioned.
    public static let versionedKinds: Set<String> = ["deployment", "replicaset", "cloneset"]

    /// Whether objects of `kind`, or owned by a controller of `ownerKind`, are versioned.
    public static func isVersioned(kind: String, controllerKind ownerKind: String?) -> Bool {
        if versionedKinds.contains(kind.lowercased()) { return true }
        if let ownerKind, versionedKinds.contains(ownerKind.lowercased()) { return true }
        return false
    }

    /// The version of `pod` (upstream `GetPodVersion`): when its controller is a versioned kind, the
    /// `pod-template-hash` label, else the short `controller-revision-hash` (the text after the last `-`); otherwise,
    /// or when it has neither label, ``ignored``.
    public static func of(_ pod: Pod) -> String {
        guard isVersioned(kind: "Pod", controllerKind: pod.metadata.controllerReference?.kind) else { return ignored }
        let labels = pod.metadata.labels
        if let hash = labels[KruiseKeys.podTemplateHash] { return hash }
        if let revision = labels[KruiseKeys.controllerRevisionHash] { return shortHash(revision) }
        return ignored
    }

    /// The latest version of a ReplicaSet: its `pod-template-hash` label (empty when absent, as upstream).
    public static func latest(of replicaSet: ReplicaSet) -> String {
        replicaSet.metadata.labels[KruiseKeys.podTemplateHash] ?? ""
    }

    /// The latest version of a CloneSet: the short hash of `status.updateRevision`; `nil` while the controller has
    /// not observed the current generation (upstream answers NotFound and retries).
    public static func latestOfCloneSet(generation: Int64, observedGeneration: Int64, updateRevision: String) -> String? {
        if generation > observedGeneration { return nil }
        return shortHash(updateRevision)
    }

    /// The latest version of `cloneSet` (see ``latestOfCloneSet(generation:observedGeneration:updateRevision:)``).
    public static func latest(of cloneSet: CloneSet) -> String? {
        latestOfCloneSet(
            generation: cloneSet.metadata.generation ?? 0, observedGeneration: cloneSet.status.observedGeneration,
            updateRevision: cloneSet.status.updateRevision ?? "")
    }

    /// The latest version of a Deployment: the `pod-template-hash` of the ReplicaSet it controls (by UID), not
    /// being deleted, whose template equals the Deployment's ignoring that label; `nil` while there is none.
    /// `replicaSets` may hold any ReplicaSets of the namespace.
    public static func latest(of deployment: Deployment, replicaSets: [ReplicaSet]) -> String? {
        let uid = deployment.metadata.uid ?? ""
        let template = templateIgnoringHash(deployment.spec.template)
        for replicaSet in replicaSets {
            guard let owner = replicaSet.metadata.controllerReference, owner.uid == uid,
                !replicaSet.metadata.isBeingDeleted
            else { continue }
            if CloneSetValidation.semanticallyEqual(templateIgnoringHash(replicaSet.spec.template).json, template.json) {
                return replicaSet.metadata.labels[KruiseKeys.podTemplateHash] ?? ""
            }
        }
        return nil
    }

    /// The text after the last `-` (upstream `GetShortHash`).
    public static func shortHash(_ revision: String) -> String {
        String(revision.split(separator: "-", omittingEmptySubsequences: false).last ?? Substring(revision))
    }

    private static func templateIgnoringHash(_ template: PodTemplateSpec) -> PodTemplateSpec {
        var copy = template
        var labels = copy.metadata.labels
        if labels.removeValue(forKey: KruiseKeys.podTemplateHash) != nil { copy.metadata.labels = labels }
        return copy
    }
}
