/// Upstream's denial texts (pkg/webhook/util/deletionprotection), word for word: kubectl users and scripts
/// match on them.
public enum DeletionProtectionMessages {
    private static let prefix = "forbidden by ResourcesProtectionDeletion for"

    /// `Always` on any kind.
    public static func always() -> String {
        "\(prefix) \(DeletionProtectionPolicy.labelKey)=\(DeletionProtectionPolicy.always.rawValue)"
    }

    /// `Cascading` on a workload with `spec.replicas > 0`.
    public static func replicas(_ replicas: Int64) -> String {
        "\(prefix) \(cascadingLabel) and replicas \(replicas)>0"
    }

    /// `Cascading` on a namespace with active pods.
    public static func activePods(_ count: Int) -> String {
        "\(prefix) \(cascadingLabel) and active pods \(count)>0"
    }

    /// `Cascading` on a namespace with Bound PVCs.
    public static func boundClaims(_ count: Int) -> String {
        "\(prefix) \(cascadingLabel) and \"Bound\" status pvc \(count)>0"
    }

    /// `Cascading` on a CRD with custom resources.
    public static func activeCustomResources(_ count: Int) -> String {
        "\(prefix) \(cascadingLabel) and active CRs \(count)>0"
    }

    /// `Cascading` on a CRD while DeletionProtectionForCRDCascadingGate is off.
    public static func crdCascadingGateDisabled(_ gate: String) -> String {
        "feature-gate \(gate) is not enabled"
    }

    /// The pods of the namespace could not be listed.
    public static func listPodsFailed(_ error: DeletionProtectionLookupError) -> String {
        "\(prefix) list pods error: \(error)"
    }

    /// The PVCs of the namespace could not be listed.
    public static func listClaimsFailed(_ error: DeletionProtectionLookupError) -> String {
        "\(prefix) list pvc error: \(error)"
    }

    /// The custom resources could not be listed; `group`/`version`/`listKind` printed as Go prints a
    /// GroupVersionKind (`apps.kruise.io/v1alpha1, Kind=CloneSetList`).
    public static func listCustomResourcesFailed(group: String, version: String, listKind: String, _ error: DeletionProtectionLookupError) -> String {
        "failed to list CRs of \(group)/\(version), Kind=\(listKind): \(error)"
    }

    private static var cascadingLabel: String {
        "\(DeletionProtectionPolicy.labelKey)=\(DeletionProtectionPolicy.cascading.rawValue)"
    }
}
