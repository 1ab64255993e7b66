public import KubeModel

/// A resource the server serves: its names, scope, verbs and every served version.
///
/// Built-in resources come from ``ResourceRegistry/builtin``; custom resources are derived from their
/// CustomResourceDefinition by ``ResourceRegistry/adding(crd:)``.
public struct APIResource: Sendable, Hashable {
    /// The API group; empty for the core group.
    public var group: String
    /// The plural name used in paths (`deployments`).
    public var plural: String
    /// The singular name (`deployment`).
    public var singular: String
    /// The kind of one object (`Deployment`).
    public var kind: String
    /// The kind of a list of objects (`DeploymentList`).
    public var listKind: String
    /// `true` for namespaced resources, `false` for cluster-scoped ones.
    public var namespaced: Bool
    /// The verbs the resource itself supports, in the order discovery lists them.
    public var verbs: [APIVerb]
    /// Short names kubectl accepts (`deploy`).
    public var shortNames: [String]
    /// Categories (`all`: `kubectl get all` lists the resource).
    public var categories: [String]
    /// The served versions, most preferred first.
    public var versions: [APIResourceVersion]
    /// The version objects are stored in.
    public var storageVersion: String
    /// The name of the CustomResourceDefinition that defines the resource; `nil` for built-ins.
    public var customResourceDefinitionName: String?

    public init(
        group: String,
        plural: String,
        singular: String,
        kind: String,
        listKind: String? = nil,
        namespaced: Bool,
        verbs: [APIVerb] = APIVerb.all,
        shortNames: [String] = [],
        categories: [String] = [],
        versions: [APIResourceVersion],
        storageVersion: String? = nil,
        customResourceDefinitionName: String? = nil
    ) {
        self.group = group
        self.plural = plural
        self.singular = singular
        self.kind = kind
        self.listKind = listKind ?? kind + "List"
        self.namespaced = namespaced
        self.verbs = verbs
        self.shortNames = shortNames
        self.categories = categories
        self.versions = versions
        self.storageVersion = storageVersion ?? versions.first?.name ?? ""
        self.customResourceDefinitionName = customResourceDefinitionName
    }

    /// `true` for a resource defined by a CustomResourceDefinition.
    public var isCustomResource: Bool { self.customResourceDefinitionName != nil }

    /// The most preferred served version.
    public var preferredVersion: String { self.versions.first?.name ?? self.storageVersion }

    /// The served version called `name`.
    public func version(named name: String) -> APIResourceVersion? {
        self.versions.first { $0.name == name }
    }

    /// `true` when the resource itself supports `verb`.
    public func allows(_ verb: APIVerb) -> Bool { self.verbs.contains(verb) }

    /// The resource qualified by its group, as error messages name it: `pods`, `deployments.apps`.
    public var qualifiedResource: String { self.group.isEmpty ? self.plural : "\(self.plural).\(self.group)" }

    /// The kind qualified by its group, as `Invalid` messages name it: `Pod`, `Deployment.apps`.
    public var qualifiedKind: String { self.group.isEmpty ? self.kind : "\(self.kind).\(self.group)" }

    /// The kind in version `version`.
    public func groupVersionKind(version: String) -> GroupVersionKind {
        GroupVersionKind(group: self.group, version: version, kind: self.kind)
    }

    /// The resource in version `version`.
    public func groupVersionResource(version: String) -> GroupVersionResource {
        GroupVersionResource(group: self.group, version: version, resource: self.plural)
    }

    /// The kind objects are stored as.
    public var storageGroupVersionKind: GroupVersionKind { self.groupVersionKind(version: self.storageVersion) }

    /// The `storageVersionHash` discovery reports: base64 of the first 8 bytes of the SHA-256 of
    /// `group/version/kind` for the storage version, as kube-apiserver computes it.
    public var storageVersionHash: String {
        StorageVersionHash.hash(group: self.group, version: self.storageVersion, kind: self.kind)
    }
}
