public import ControllerRuntime
public import KubeJSON
public import KubeModel

/// The webhooks Kruise registers, and the two configurations that carry them
/// (`kruise-mutating-webhook-configuration`, `kruise-validating-webhook-configuration`, the names the
/// manager's certificate upkeep patches the `caBundle` of).
public struct KruiseWebhookRegistrations: Sendable, Hashable {
    public var webhooks: [KruiseWebhookRegistration]
    public var mutatingConfigurationName: String
    public var validatingConfigurationName: String

    public init(
        webhooks: [KruiseWebhookRegistration],
        mutatingConfigurationName: String = "kruise-mutating-webhook-configuration",
        validatingConfigurationName: String = "kruise-validating-webhook-configuration"
    ) {
        self.webhooks = webhooks
        self.mutatingConfigurationName = mutatingConfigurationName
        self.validatingConfigurationName = validatingConfigurationName
    }

    /// Every webhook SwiftKruise serves today.
    public static var all: KruiseWebhookRegistrations {
        var all = Self.deletionProtection
        all.webhooks += Self.workloadSpread.webhooks
        all.webhooks += Self.imagePull.webhooks
        return all
    }

    /// ImagePullJob, ImageListPullJob and NodeImage defaulting and validation on CREATE and UPDATE, registered
    /// without a gate as upstream does (its validating handlers check `KruiseDaemon` and `ImagePullJobGate`).
    public static var imagePull: KruiseWebhookRegistrations {
        func pair(_ kind: String, _ resource: String) -> [KruiseWebhookRegistration] {
            let rules = [
                WebhookRule(apiGroups: ["apps.kruise.io"], apiVersions: ["v1alpha1"], operations: ["CREATE", "UPDATE"], resources: [resource])
            ]
            return [
                KruiseWebhookRegistration(
                    name: "m\(kind).kb.io", type: .mutating, path: "/mutate-apps-kruise-io-v1alpha1-\(kind)", rules: rules),
                KruiseWebhookRegistration(
                    name: "v\(kind).kb.io", type: .validating, path: "/validate-apps-kruise-io-v1alpha1-\(kind)", rules: rules),
            ]
        }
        return KruiseWebhookRegistrations(
            webhooks: pair("imagepulljob", "imagepulljobs") + pair("imagelistpulljob", "imagelistpulljobs")
                + pair("nodeimage", "nodeimages"))
    }

    /// The pod webhooks and WorkloadSpread's, as upstream's chart (v1.6) registers them: `mpod.kb.io` on CREATE
    /// and `vpod.kb.io` on DELETE and eviction (kube-system excluded) behind the `PodWebhook` gate (they carry the
    /// `KruisePodReady` gate and WorkloadSpread's placement and booking), and the WorkloadSpread validation behind
    /// the `WorkloadSpread` gate.
    public static var workloadSpread: KruiseWebhookRegistrations {
        let gate = KruiseFeatures.workloadSpread
        let podGate = KruiseFeatures.podWebhook
        return KruiseWebhookRegistrations(webhooks: [
            KruiseWebhookRegistration(
                name: "mpod.kb.io", type: .mutating, path: "/mutate-pod",
                rules: [WebhookRule(apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"])],
                namespaceSelector: WebhookNamespaceSelectors.excludingKubeSystem, featureGate: podGate
            ),
            KruiseWebhookRegistration(
                name: "vpod.kb.io", type: .validating, path: "/validate-pod",
                rules: [
                    WebhookRule(apiGroups: [""], apiVersions: ["v1"], operations: ["DELETE"], resources: ["pods"]),
                    WebhookRule(apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods/eviction"]),
                ],
                namespaceSelector: WebhookNamespaceSelectors.excludingKubeSystem, featureGate: podGate
            ),
            KruiseWebhookRegistration(
                name: "vworkloadspread.kb.io", type: .validating, path: "/validate-apps-kruise-io-v1alpha1-workloadspread",
                rules: [
                    WebhookRule(apiGroups: ["apps.kruise.io"], apiVersions: ["v1alpha1"], operations: ["CREATE", "UPDATE"], resources: ["workloadspreads"])
                ],
                featureGate: gate
            ),
        ])
    }

    /// Deletion protection, as upstream's chart (v1.6) registers it: the built-in kinds with an objectSelector
    /// on the label and kube-system excluded; the Kruise workloads on their kinds' validating paths with no
    /// selector (upstream validates Kruise objects in every namespace). The Kruise workload webhooks list only
    /// DELETE until their create/update validation joins them.
    public static var deletionProtection: KruiseWebhookRegistrations {
        let labelled = LabelSelector(matchExpressions: [
            LabelSelectorRequirement(key: DeletionProtectionPolicy.labelKey, operator: .exists)
        ])
        let gate = KruiseFeatures.resourcesDeletionProtection
        func builtin(_ name: String, _ path: String, _ rule: WebhookRule) -> KruiseWebhookRegistration {
            KruiseWebhookRegistration(
                name: name, type: .validating, path: path, rules: [rule],
                namespaceSelector: WebhookNamespaceSelectors.excludingKubeSystem, objectSelector: labelled, featureGate: gate
            )
        }
        func kruise(_ name: String, _ path: String, _ rule: WebhookRule) -> KruiseWebhookRegistration {
            KruiseWebhookRegistration(name: name, type: .validating, path: path, rules: [rule])
        }
        return KruiseWebhookRegistrations(webhooks: [
            builtin("vbuiltindeployment.kb.io", "/validate-apps-deployment", .delete(group: "apps", versions: ["v1"], resources: ["deployments"])),
            builtin("vbuiltinreplicaset.kb.io", "/validate-apps-replicaset", .delete(group: "apps", versions: ["v1"], resources: ["replicasets"])),
            builtin("vbuiltinstatefulset.kb.io", "/validate-apps-statefulset", .delete(group: "apps", versions: ["v1"], resources: ["statefulsets"])),
            builtin(
                "vcustomresourcedefinition.kb.io", "/validate-customresourcedefinition",
                .delete(group: "apiextensions.k8s.io", versions: ["v1", "v1beta1"], resources: ["customresourcedefinitions"])
            ),
            builtin("vnamespace.kb.io", "/validate-namespace", .delete(group: "", versions: ["v1"], resources: ["namespaces"])),
            builtin("vingress.kb.io", "/validate-ingress", .delete(group: "networking.k8s.io", versions: ["v1", "v1beta1"], resources: ["ingresses"])),
            builtin("vservice.kb.io", "/validate-service", .delete(group: "", versions: ["v1"], resources: ["services"])),
            kruise(
                "vcloneset.kb.io", "/validate-apps-kruise-io-v1alpha1-cloneset",
                WebhookRule(
                    apiGroups: ["apps.kruise.io"], apiVersions: ["v1alpha1"], operations: ["CREATE", "UPDATE", "DELETE"],
                    resources: ["clonesets"]
                )
            ),
            KruiseWebhookRegistration(
                name: "mcloneset.kb.io", type: .mutating, path: "/mutate-apps-kruise-io-v1alpha1-cloneset",
                rules: [
                    WebhookRule(apiGroups: ["apps.kruise.io"], apiVersions: ["v1alpha1"], operations: ["CREATE", "UPDATE"], resources: ["clonesets"])
                ]
            ),
            kruise(
                "vstatefulset.kb.io", "/validate-apps-kruise-io-statefulset",
                .delete(group: "apps.kruise.io", versions: ["v1alpha1", "v1beta1"], resources: ["statefulsets"])
            ),
            kruise(
                "vuniteddeployment.kb.io", "/validate-apps-kruise-io-v1alpha1-uniteddeployment",
                .delete(group: "apps.kruise.io", versions: ["v1alpha1"], resources: ["uniteddeployments"])
            ),
        ])
    }

    /// The webhooks whose feature gate is on (those without a gate always stay).
    public func enabled(by gates: FeatureGates) -> KruiseWebhookRegistrations {
        var enabled = self
        enabled.webhooks = self.webhooks.filter { webhook in webhook.featureGate.map(gates.isEnabled) ?? true }
        return enabled
    }

    /// Every served path, sorted and without duplicates.
    public var paths: [String] { Set(self.webhooks.map(\.path)).sorted() }

    /// The `MutatingWebhookConfiguration` (its `webhooks` may be empty).
    public func mutatingConfiguration(clientConfig: WebhookClientConfig, caBundle: String = "") -> JSONValue {
        self.configuration(.mutating, clientConfig: clientConfig, caBundle: caBundle)
    }

    /// The `ValidatingWebhookConfiguration`.
    public func validatingConfiguration(clientConfig: WebhookClientConfig, caBundle: String = "") -> JSONValue {
        self.configuration(.validating, clientConfig: clientConfig, caBundle: caBundle)
    }

    private func configuration(_ type: WebhookType, clientConfig: WebhookClientConfig, caBundle: String) -> JSONValue {
        let kind = type == .mutating ? "MutatingWebhookConfiguration" : "ValidatingWebhookConfiguration"
        let name = type == .mutating ? self.mutatingConfigurationName : self.validatingConfigurationName
        return [
            "apiVersion": "admissionregistration.k8s.io/v1",
            "kind": .string(kind),
            "metadata": ["name": .string(name)],
            "webhooks": .array(self.webhooks.filter { $0.type == type }.map { $0.json(clientConfig: clientConfig, caBundle: caBundle) }),
        ]
    }
}
