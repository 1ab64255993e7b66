public import KubeModel

/// The namespace selectors of upstream's Helm chart (v1.6.0 onwards, charts #92).
public enum WebhookNamespaceSelectors {
    /// Leaves kube-system alone: `kubernetes.io/metadata.name NotIn [kube-system]` (the label the API server
    /// puts on every namespace). The chart puts it on the pod webhooks and on every deletion-protection
    /// webhook of built-in kinds.
    public static let excludingKubeSystem = LabelSelector(matchExpressions: [kubeSystem])

    /// The pod webhooks' selector: Kruise's own namespace (labelled `control-plane: openkruise`) and
    /// kube-system are left alone, so Kruise's pods never wait for Kruise.
    public static let excludingControlPlane = LabelSelector(matchExpressions: [
        LabelSelectorRequirement(key: "control-plane", operator: .notIn, values: ["openkruise"]),
        kubeSystem,
    ])

    private static var kubeSystem: LabelSelectorRequirement {
        LabelSelectorRequirement(key: "kubernetes.io/metadata.name", operator: .notIn, values: ["kube-system"])
    }
}
