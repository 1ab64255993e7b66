public import KubeJSON
public import KubeModel

/// Everything admission knows about one write (kube's `admission.Attributes`): what is written, where, by
/// which operation, and the object before and after.
public struct AdmissionAttributes: Sendable {
    /// The operation.
    public var operation: AdmissionOperation
    /// The resource in the request's version (`apps/v1 deployments`).
    public var resource: GroupVersionResource
    /// The subresource (`status`, `scale`, `eviction`), empty for the object itself.
    public var subresource: String
    /// The kind of ``object`` (`Eviction` for `pods/eviction`, `Scale` for `scale`).
    public var kind: GroupVersionKind
    /// The object name; may be empty on CREATE with `generateName` before a name is chosen.
    public var name: String
    /// The namespace; empty for cluster-scoped resources.
    public var namespace: String
    /// The new object (nil for DELETE).
    public var object: JSONValue?
    /// The object before the write (UPDATE and DELETE).
    public var oldObject: JSONValue?
    /// `true` for `dryRun=All`.
    public var isDryRun: Bool
    /// The `CreateOptions` / `UpdateOptions` / `PatchOptions` / `DeleteOptions` object sent as `options`.
    public var options: JSONValue?
    /// The other versions the same resource is served at, for `matchPolicy: Equivalent`.
    public var equivalentVersions: [String]

    public init(
        operation: AdmissionOperation,
        resource: GroupVersionResource,
        subresource: String = "",
        kind: GroupVersionKind,
        name: String,
        namespace: String,
        object: JSONValue?,
        oldObject: JSONValue?,
        isDryRun: Bool = false,
        options: JSONValue? = nil,
        equivalentVersions: [String] = []
    ) {
        self.operation = operation
        self.resource = resource
        self.subresource = subresource
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.object = object
        self.oldObject = oldObject
        self.isDryRun = isDryRun
        self.options = options
        self.equivalentVersions = equivalentVersions
    }

    /// `true` when the request is about a Namespace object (core `namespaces`), which is cluster-scoped but
    /// is matched by `namespaceSelector` with its own labels.
    public var isNamespaceObject: Bool {
        self.resource.group.isEmpty && self.resource.resource == "namespaces"
    }

    /// `true` for the objects kube never sends to webhooks: the webhook configurations and admission
    /// policies themselves, so that a broken webhook cannot lock itself in.
    public var isExemptFromWebhooks: Bool {
        guard self.resource.group == "admissionregistration.k8s.io" else { return false }
        switch self.resource.resource {
        case "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies",
            "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings":
            return true
        default:
            return false
        }
    }
}
