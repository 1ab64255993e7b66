internal import KubeModel

/// The names kube-apiserver publishes in OpenAPI: schema names, operation id prefixes, tags, paths.
enum OpenAPINames {
    static let meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
    static let objectMeta = meta + "ObjectMeta"
    static let listMeta = meta + "ListMeta"
    static let time = meta + "Time"
    static let labelSelector = meta + "LabelSelector"
    static let condition = meta + "Condition"
    static let status = meta + "Status"
    static let deleteOptions = meta + "DeleteOptions"
    static let patch = meta + "Patch"
    static let apiResourceList = meta + "APIResourceList"
    static let quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity"
    static let intOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
    static let core = "io.k8s.api.core.v1."
    static let apps = "io.k8s.api.apps.v1."
    static let scale = "io.k8s.api.autoscaling.v1.Scale"

    /// The schema name of a kind: `io.k8s.api.apps.v1.Deployment` for built-ins (the group's first label),
    /// `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.…` for CustomResourceDefinitions, the
    /// reversed group for custom resources (`io.kruise.apps.v1alpha1.CloneSet`).
    static func schemaName(_ gvk: GroupVersionKind, custom: Bool) -> String {
        if custom {
            let reversed = gvk.group.split(separator: ".").reversed().joined(separator: ".")
            return "\(reversed).\(gvk.version).\(gvk.kind)"
        }
        switch gvk.group {
        case "": return "io.k8s.api.core.\(gvk.version).\(gvk.kind)"
        case "apiextensions.k8s.io": return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.\(gvk.version).\(gvk.kind)"
        default:
            let label = gvk.group.split(separator: ".").first.map(String.init) ?? gvk.group
            return "io.k8s.api.\(label).\(gvk.version).\(gvk.kind)"
        }
    }

    /// The operation id infix of a group version: `CoreV1`, `AppsV1`, `NetworkingV1` (`.k8s.io` dropped),
    /// `AppsKruiseIoV1alpha1`.
    static func operationPrefix(_ groupVersion: GroupVersion) -> String {
        Self.camelGroup(groupVersion.group, capitalized: true) + Self.capitalized(groupVersion.version)
    }

    /// The operation tag: `core_v1`, `apps_v1`, `appsKruiseIo_v1alpha1`.
    static func tag(_ groupVersion: GroupVersion) -> String {
        Self.camelGroup(groupVersion.group, capitalized: false) + "_" + groupVersion.version
    }

    /// The index key and path of a group version: `api/v1`, `apis/apps/v1`.
    static func path(_ groupVersion: GroupVersion) -> String {
        groupVersion.group.isEmpty ? "api/\(groupVersion.version)" : "apis/\(groupVersion.group)/\(groupVersion.version)"
    }

    private static func camelGroup(_ group: String, capitalized: Bool) -> String {
        var name = group.isEmpty ? "core" : group
        if name.hasSuffix(".k8s.io") { name.removeLast(".k8s.io".count) }
        let parts = name.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
        let joined = parts.enumerated().map { $0.offset == 0 && !capitalized ? $0.element : Self.capitalized($0.element) }
        return joined.joined()
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
