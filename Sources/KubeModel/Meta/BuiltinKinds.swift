/// How a kind is served: its resource name, scope and short names, as discovery reports them.
public struct ResourceDescriptor: Sendable, Hashable {
    public var groupVersionKind: GroupVersionKind
    /// The plural resource name in request paths (`deployments`).
    public var plural: String
    /// The singular name (`deployment`).
    public var singular: String
    /// `true` for namespaced resources, `false` for cluster-scoped ones.
    public var namespaced: Bool
    /// Short names kubectl accepts (`deploy`).
    public var shortNames: [String]

    public init(
        _ groupVersionKind: GroupVersionKind,
        plural: String,
        namespaced: Bool,
        shortNames: [String] = []
    ) {
        self.groupVersionKind = groupVersionKind
        self.plural = plural
        self.singular = groupVersionKind.kind.lowercased()
        self.namespaced = namespaced
        self.shortNames = shortNames
    }

    public var groupVersionResource: GroupVersionResource {
        GroupVersionResource(group: self.groupVersionKind.group, version: self.groupVersionKind.version, resource: self.plural)
    }
}

/// The built-in kinds the model covers, with the resource names and scopes kube-apiserver uses for them.
public enum BuiltinKinds {
    /// Every built-in kind SwiftKruise models.
    public static let all: [ResourceDescriptor] = [
        ResourceDescriptor(Pod.groupVersionKind, plural: "pods", namespaced: true, shortNames: ["po"]),
        ResourceDescriptor(Node.groupVersionKind, plural: "nodes", namespaced: false, shortNames: ["no"]),
        ResourceDescriptor(Namespace.groupVersionKind, plural: "namespaces", namespaced: false, shortNames: ["ns"]),
        ResourceDescriptor(Service.groupVersionKind, plural: "services", namespaced: true, shortNames: ["svc"]),
        ResourceDescriptor(ConfigMap.groupVersionKind, plural: "configmaps", namespaced: true, shortNames: ["cm"]),
        ResourceDescriptor(Secret.groupVersionKind, plural: "secrets", namespaced: true),
        ResourceDescriptor(ServiceAccount.groupVersionKind, plural: "serviceaccounts", namespaced: true, shortNames: ["sa"]),
        ResourceDescriptor(
            PersistentVolumeClaim.groupVersionKind,
            plural: "persistentvolumeclaims",
            namespaced: true,
            shortNames: ["pvc"]
        ),
        ResourceDescriptor(Event.groupVersionKind, plural: "events", namespaced: true, shortNames: ["ev"]),
        ResourceDescriptor(Ingress.groupVersionKind, plural: "ingresses", namespaced: true, shortNames: ["ing"]),
        ResourceDescriptor(Lease.groupVersionKind, plural: "leases", namespaced: true),
        ResourceDescriptor(ControllerRevision.groupVersionKind, plural: "controllerrevisions", namespaced: true),
        ResourceDescriptor(Deployment.groupVersionKind, plural: "deployments", namespaced: true, shortNames: ["deploy"]),
        ResourceDescriptor(ReplicaSet.groupVersionKind, plural: "replicasets", namespaced: true, shortNames: ["rs"]),
        ResourceDescriptor(StatefulSet.groupVersionKind, plural: "statefulsets", namespaced: true, shortNames: ["sts"]),
        ResourceDescriptor(DaemonSet.groupVersionKind, plural: "daemonsets", namespaced: true, shortNames: ["ds"]),
        ResourceDescriptor(Job.groupVersionKind, plural: "jobs", namespaced: true),
        ResourceDescriptor(Role.groupVersionKind, plural: "roles", namespaced: true),
        ResourceDescriptor(ClusterRole.groupVersionKind, plural: "clusterroles", namespaced: false),
        ResourceDescriptor(RoleBinding.groupVersionKind, plural: "rolebindings", namespaced: true),
        ResourceDescriptor(ClusterRoleBinding.groupVersionKind, plural: "clusterrolebindings", namespaced: false),
        ResourceDescriptor(
            CustomResourceDefinition.groupVersionKind,
            plural: "customresourcedefinitions",
            namespaced: false,
            shortNames: ["crd", "crds"]
        ),
        ResourceDescriptor(
            MutatingWebhookConfiguration.groupVersionKind,
            plural: "mutatingwebhookconfigurations",
            namespaced: false
        ),
        ResourceDescriptor(
            ValidatingWebhookConfiguration.groupVersionKind,
            plural: "validatingwebhookconfigurations",
            namespaced: false
        ),
    ]

    /// The descriptor for a kind, if it is built in.
    public static func descriptor(for gvk: GroupVersionKind) -> ResourceDescriptor? {
        Self.byKind[gvk]
    }

    private static let byKind: [GroupVersionKind: ResourceDescriptor] = Dictionary(
        uniqueKeysWithValues: Self.all.map { ($0.groupVersionKind, $0) }
    )
}
