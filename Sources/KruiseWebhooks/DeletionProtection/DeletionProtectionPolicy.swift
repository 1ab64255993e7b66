/// The values of the `policy.kruise.io/delete-protection` label (policy.kruise.io/v1alpha1).
public enum DeletionProtectionPolicy: String, Sendable, Hashable, CaseIterable {
    /// The object cannot be deleted until the label is removed.
    case always = "Always"
    /// The object cannot be deleted while it has active children (pods and Bound PVCs of a namespace,
    /// custom resources of a CRD, replicas of a workload).
    case cascading = "Cascading"

    /// The label key. Any other value than ``always`` and ``cascading`` protects nothing.
    public static let labelKey = "policy.kruise.io/delete-protection"
}
