internal import KubeJSON
public import KubeModel

/// Every resource the server serves, built-in and custom, with the lookups request routing and discovery
/// need. A value: adding or removing a CustomResourceDefinition returns a new registry.
public struct ResourceRegistry: Sendable, Hashable {
    /// Every resource: built-ins first, in the order they were given, then custom resources by group and plural.
    public let resources: [APIResource]
    /// Where each served group, version and plural is in ``resources`` (the first one), and the group versions
    /// served: every request's path resolves through them, and scanning ``resources`` for each was a
    /// noticeable share of a cheap request.
    private let positions: [ResourceName: Int]
    private let servedGroupVersions: Set<GroupVersion>
    private let servedGroups: Set<String>

    private struct ResourceName: Hashable, Sendable {
        var group: String
        var version: String
        var plural: String
    }

    /// Creates a registry serving `resources`.
    public init(resources: [APIResource]) {
        self.resources = resources
        var positions: [ResourceName: Int] = [:]
        var served: Set<GroupVersion> = []
        for (position, resource) in resources.enumerated() {
            for version in resource.versions {
                let name = ResourceName(group: resource.group, version: version.name, plural: resource.plural)
                if positions[name] == nil { positions[name] = position }
                served.insert(GroupVersion(group: resource.group, version: version.name))
            }
        }
        self.positions = positions
        self.servedGroupVersions = served
        self.servedGroups = Set(served.map(\.group))
    }

    /// Registries are equal when they serve the same resources (the lookups follow from them).
    public static func == (lhs: ResourceRegistry, rhs: ResourceRegistry) -> Bool {
        lhs.resources == rhs.resources
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.resources)
    }

    // MARK: Groups and versions

    /// The non-core groups in the order `/apis` lists them: built-in groups by kube-apiserver's group priority,
    /// then the others alphabetically.
    public var groups: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for resource in self.resources where !resource.group.isEmpty && seen.insert(resource.group).inserted {
            names.append(resource.group)
        }
        return names.sorted { lhs, rhs in
            let l = Self.groupPriority[lhs] ?? 0
            let r = Self.groupPriority[rhs] ?? 0
            return l != r ? l > r : lhs < rhs
        }
    }

    /// The versions served for `group` (empty for the core group), most preferred first.
    public func versions(ofGroup group: String) -> [String] {
        var seen: Set<String> = []
        for resource in self.resources where resource.group == group {
            for version in resource.versions { seen.insert(version.name) }
        }
        return KubeVersionOrder.sorted(seen)
    }

    /// The preferred version of `group`; `nil` when the group is not served.
    public func preferredVersion(ofGroup group: String) -> String? {
        self.versions(ofGroup: group).first
    }

    /// `true` when some resource of `group` is served (in any version).
    public func serves(group: String) -> Bool {
        self.servedGroups.contains(group)
    }

    /// `true` when some resource is served in `groupVersion`.
    public func serves(_ groupVersion: GroupVersion) -> Bool {
        self.servedGroupVersions.contains(groupVersion)
    }

    /// Every group version served, core first, then in ``groups`` order with preferred versions first.
    public var groupVersions: [GroupVersion] {
        ([""] + self.groups).flatMap { group in
            self.versions(ofGroup: group).map { GroupVersion(group: group, version: $0) }
        }
    }

    /// The resources served in `groupVersion`, in registry order.
    public func resources(in groupVersion: GroupVersion) -> [APIResource] {
        self.resources.filter { $0.group == groupVersion.group && $0.version(named: groupVersion.version) != nil }
    }

    // MARK: Lookups

    /// The resource `plural` of `group`, if it is served in `version`.
    public func resource(group: String, version: String, plural: String) -> APIResource? {
        self.positions[ResourceName(group: group, version: version, plural: plural)].map { self.resources[$0] }
    }

    /// The resource `gvr` names, if it is served in that version.
    public func resource(for gvr: GroupVersionResource) -> APIResource? {
        self.resource(group: gvr.group, version: gvr.version, plural: gvr.resource)
    }

    /// The resource whose objects are of kind `gvk`, if it is served in that version.
    public func resource(for gvk: GroupVersionKind) -> APIResource? {
        self.resources.first { $0.group == gvk.group && $0.kind == gvk.kind && $0.version(named: gvk.version) != nil }
    }

    /// The first resource (in ``groups`` order, core first) with the short name `shortName`.
    public func resource(shortName: String) -> APIResource? {
        for group in [""] + self.groups {
            if let match = self.resources.first(where: { $0.group == group && $0.shortNames.contains(shortName) }) {
                return match
            }
        }
        return nil
    }

    /// The resources in `category` (`all`), core first, then in ``groups`` order.
    public func resources(inCategory category: String) -> [APIResource] {
        ([""] + self.groups).flatMap { group in
            self.resources.filter { $0.group == group && $0.categories.contains(category) }
        }
    }

    // MARK: Custom resources

    /// The registry with the resource `crd` defines added, or replaced if the same definition was added before.
    ///
    /// Every `served` version is served, most preferred first; the names, scope, short names, categories,
    /// `status`/`scale` subresources, printer columns and schema come from the definition's spec (kube-apiserver
    /// serves `status.acceptedNames`, which its naming controller copies from the spec when they do not
    /// conflict). A definition with no served version removes the resource. Whether to serve a definition that
    /// is not yet `Established` is the caller's decision. A definition whose `Terminating` condition is true
    /// keeps only the verbs kube-apiserver allows while its objects are being deleted.
    /// - Throws: ``ResourceRegistryError`` when the group, plural or kind is missing, or a name is taken by
    ///   another resource of the group.
    public func adding(crd: CustomResourceDefinition) throws(ResourceRegistryError) -> ResourceRegistry {
        let spec = crd.spec
        let names = spec.names
        let crdName = Self.name(of: crd)
        guard !spec.group.isEmpty else { throw .invalidDefinition(crd: crdName, reason: "spec.group is required") }
        guard !names.plural.isEmpty else { throw .invalidDefinition(crd: crdName, reason: "spec.names.plural is required") }
        guard !names.kind.isEmpty else { throw .invalidDefinition(crd: crdName, reason: "spec.names.kind is required") }

        var registry = self.removing(crdNamed: crdName)
        let served = spec.versions.filter(\.served)
        guard !served.isEmpty else { return registry }

        let versions = served.map { Self.version(of: $0, kind: names.kind) }.sorted { KubeVersionOrder.precedes($0.name, $1.name) }
        let terminating = crd.conditions[type: "Terminating"]?.isTrue ?? false
        let resource = APIResource(
            group: spec.group,
            plural: names.plural,
            singular: names.singular.flatMap { $0.isEmpty ? nil : $0 } ?? names.kind.lowercased(),
            kind: names.kind,
            listKind: names.listKind.flatMap { $0.isEmpty ? nil : $0 },
            namespaced: spec.scope == "Namespaced",
            verbs: terminating ? Self.terminatingCustomResourceVerbs : Self.customResourceVerbs,
            shortNames: names.shortNames,
            categories: names.categories,
            versions: versions,
            storageVersion: spec.versions.first(where: \.storage)?.name ?? versions[0].name,
            customResourceDefinitionName: crdName
        )
        try registry.checkNames(of: resource)
        let insertAt =
            registry.resources.firstIndex { other in
                other.isCustomResource && (other.group, other.plural) > (resource.group, resource.plural)
            } ?? registry.resources.endIndex
        var resources = registry.resources
        resources.insert(resource, at: insertAt)
        return ResourceRegistry(resources: resources)
    }

    /// The registry without the resource `crd` defines (unchanged if it was not there).
    public func removing(crd: CustomResourceDefinition) -> ResourceRegistry {
        self.removing(crdNamed: Self.name(of: crd))
    }

    /// The registry without the resource defined by the CustomResourceDefinition called `name`.
    public func removing(crdNamed name: String) -> ResourceRegistry {
        ResourceRegistry(resources: self.resources.filter { $0.customResourceDefinitionName != name })
    }

    /// The verbs of a custom resource, in the order kube-apiserver lists them.
    static let customResourceVerbs: [APIVerb] = [.delete, .deletecollection, .get, .list, .patch, .create, .update, .watch]

    /// The verbs of a custom resource whose definition is being deleted.
    static let terminatingCustomResourceVerbs: [APIVerb] = [.delete, .deletecollection, .get, .list, .watch]

    private static func name(of crd: CustomResourceDefinition) -> String {
        if let name = crd.metadata.name, !name.isEmpty { return name }
        return "\(crd.spec.names.plural).\(crd.spec.group)"
    }

    private static func version(of version: CustomResourceDefinitionVersion, kind: String) -> APIResourceVersion {
        var subresources: [APISubresource] = []
        if version.hasStatusSubresource {
            subresources.append(.status(kind: kind))
        }
        if let scale = version.scaleSubresource {
            subresources.append(
                .scale(
                    paths: ScaleSubresourcePaths(
                        specReplicasPath: scale["specReplicasPath"]?.stringValue ?? "",
                        statusReplicasPath: scale["statusReplicasPath"]?.stringValue ?? "",
                        labelSelectorPath: scale["labelSelectorPath"]?.stringValue
                    )
                )
            )
        }
        return APIResourceVersion(
            name: version.name,
            subresources: subresources,
            printerColumns: version.additionalPrinterColumns.compactMap(PrinterColumn.init(json:)),
            // Unpacked: the schema is consulted field by field on every write of the resource.
            schema: version.openAPIV3Schema?.unpacked()
        )
    }

    private func checkNames(of resource: APIResource) throws(ResourceRegistryError) {
        let crdName = resource.customResourceDefinitionName ?? resource.qualifiedResource
        for other in self.resources where other.group == resource.group {
            let otherNames = Set([other.plural, other.singular] + other.shortNames)
            for name in [resource.plural, resource.singular] + resource.shortNames where otherNames.contains(name) {
                throw .namesConflict(crd: crdName, reason: "\"\(name)\" is already in use")
            }
            if other.kind == resource.kind {
                throw .namesConflict(crd: crdName, reason: "\"\(resource.kind)\" is already in use")
            }
            if other.listKind == resource.listKind {
                throw .namesConflict(crd: crdName, reason: "\"\(resource.listKind)\" is already in use")
            }
        }
    }

    /// kube-apiserver's discovery priority of the built-in groups (higher first).
    static let groupPriority: [String: Int] = [
        "apiregistration.k8s.io": 18000,
        "apps": 17800,
        "events.k8s.io": 17750,
        "authentication.k8s.io": 17700,
        "authorization.k8s.io": 17600,
        "autoscaling": 17500,
        "batch": 17400,
        "certificates.k8s.io": 17300,
        "networking.k8s.io": 17200,
        "policy": 17100,
        "rbac.authorization.k8s.io": 17000,
        "storage.k8s.io": 16800,
        "admissionregistration.k8s.io": 16700,
        "scheduling.k8s.io": 16600,
        "coordination.k8s.io": 16500,
        "apiextensions.k8s.io": 16400,
        "node.k8s.io": 16300,
        "discovery.k8s.io": 16200,
        "flowcontrol.apiserver.k8s.io": 16100,
    ]
}
