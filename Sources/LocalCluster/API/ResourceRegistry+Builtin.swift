public import KubeModel

extension ResourceRegistry {
    /// The built-in resources: every kind of KubeModel's ``BuiltinKinds``, with the verbs, categories and
    /// subresources kube-apiserver 1.32 gives them, in discovery order (core first, then by group priority).
    public static let builtin: ResourceRegistry = {
        let resources = BuiltinKinds.all.map(APIResource.init(builtin:))
        let order = [""] + ResourceRegistry(resources: resources).groups
        return ResourceRegistry(
            resources: order.flatMap { group in
                resources.filter { $0.group == group }.sorted { $0.plural < $1.plural }
            }
        )
    }()
}

extension APIResource {
    /// A built-in resource from its KubeModel descriptor, with kube-apiserver's verbs, categories and
    /// subresources for it.
    public init(builtin descriptor: ResourceDescriptor) {
        let gvk = descriptor.groupVersionKind
        let traits = BuiltinTraits.traits(group: gvk.group, plural: descriptor.plural, kind: gvk.kind)
        self.init(
            group: gvk.group,
            plural: descriptor.plural,
            singular: descriptor.singular,
            kind: gvk.kind,
            namespaced: descriptor.namespaced,
            verbs: traits.verbs,
            shortNames: descriptor.shortNames,
            categories: traits.categories,
            versions: [APIResourceVersion(name: gvk.version, subresources: traits.subresources)]
        )
    }
}

/// What kube-apiserver adds to a built-in resource beyond its names: verbs, categories, subresources.
private struct BuiltinTraits {
    var verbs: [APIVerb] = APIVerb.all
    var categories: [String] = []
    var subresources: [APISubresource] = []

    static func traits(group: String, plural: String, kind: String) -> BuiltinTraits {
        let status = APISubresource.status(kind: kind)
        switch (group, plural) {
        case ("", "pods"):
            return BuiltinTraits(
                categories: ["all"],
                subresources: [
                    APISubresource(name: "binding", responseKind: "Binding", verbs: [.create]),
                    APISubresource(
                        name: "eviction",
                        responseGroup: "policy",
                        responseVersion: "v1",
                        responseKind: "Eviction",
                        verbs: [.create]
                    ),
                    status,
                ]
            )
        case ("", "namespaces"):
            return BuiltinTraits(
                verbs: APIVerb.allButDeleteCollection,
                subresources: [APISubresource(name: "finalize", responseKind: kind, verbs: [.update]), status]
            )
        case ("", "services"):
            return BuiltinTraits(categories: ["all"], subresources: [status])
        case ("", "nodes"), ("", "persistentvolumeclaims"), ("networking.k8s.io", "ingresses"):
            return BuiltinTraits(subresources: [status])
        case ("apps", "deployments"), ("apps", "replicasets"), ("apps", "statefulsets"):
            return BuiltinTraits(categories: ["all"], subresources: [.scale(), status])
        case ("apps", "daemonsets"), ("batch", "jobs"):
            return BuiltinTraits(categories: ["all"], subresources: [status])
        case ("apiextensions.k8s.io", "customresourcedefinitions"):
            return BuiltinTraits(categories: ["api-extensions"], subresources: [status])
        case ("admissionregistration.k8s.io", _):
            return BuiltinTraits(categories: ["api-extensions"])
        default:
            return BuiltinTraits()
        }
    }
}
