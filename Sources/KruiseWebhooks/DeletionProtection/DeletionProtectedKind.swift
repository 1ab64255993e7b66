/// The kinds whose deletion the `policy.kruise.io/delete-protection` label guards, and what `Cascading`
/// means for each.
public enum DeletionProtectedKind: String, Sendable, Hashable, CaseIterable {
    case namespace = "Namespace"
    case customResourceDefinition = "CustomResourceDefinition"
    case deployment = "Deployment"
    case replicaSet = "ReplicaSet"
    case statefulSet = "StatefulSet"
    case cloneSet = "CloneSet"
    /// apps.kruise.io StatefulSet (v1alpha1 and v1beta1).
    case advancedStatefulSet = "AdvancedStatefulSet"
    case unitedDeployment = "UnitedDeployment"
    /// New in v1.6: `Always` only.
    case service = "Service"
    /// New in v1.6 (networking.k8s.io v1 and v1beta1): `Always` only.
    case ingress = "Ingress"

    /// The kind an admission request is about, or `nil` when deletion protection has nothing to say about it.
    /// CRDs and Ingresses are recognised at `v1` and `v1beta1` only, as upstream decodes no other version.
    public init?(group: String, version: String, kind: String) {
        switch (group, kind) {
        case ("", "Namespace"): self = .namespace
        case ("apiextensions.k8s.io", "CustomResourceDefinition") where version == "v1" || version == "v1beta1":
            self = .customResourceDefinition
        case ("apps", "Deployment"): self = .deployment
        case ("apps", "ReplicaSet"): self = .replicaSet
        case ("apps", "StatefulSet"): self = .statefulSet
        case ("apps.kruise.io", "CloneSet"): self = .cloneSet
        case ("apps.kruise.io", "StatefulSet"): self = .advancedStatefulSet
        case ("apps.kruise.io", "UnitedDeployment"): self = .unitedDeployment
        case ("", "Service"): self = .service
        case ("networking.k8s.io", "Ingress") where version == "v1" || version == "v1beta1": self = .ingress
        default: return nil
        }
    }

    /// Whether `Cascading` means anything (Service and Ingress honour `Always` only).
    public var honoursCascading: Bool {
        switch self {
        case .service, .ingress: false
        default: true
        }
    }

    /// Whether `Cascading` is about `spec.replicas`.
    public var isWorkload: Bool {
        switch self {
        case .deployment, .replicaSet, .statefulSet, .cloneSet, .advancedStatefulSet, .unitedDeployment: true
        default: false
        }
    }
}
