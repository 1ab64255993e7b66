public import KubeModel

/// Where a request goes: a resource, optionally a namespace, an object name and a subresource.
public struct ResourceLocation: Sendable, Hashable {
    public var descriptor: ResourceDescriptor
    public var namespace: String?
    public var name: String?
    public var subresource: String?

    public init(_ descriptor: ResourceDescriptor, namespace: String? = nil, name: String? = nil, subresource: String? = nil) {
        self.descriptor = descriptor
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
    }

    /// The request path: `/api/v1/namespaces/default/pods/web-0/status`, `/apis/apps/v1/deployments`, ...
    public var path: String {
        let gvk = self.descriptor.groupVersionKind
        var path = gvk.group.isEmpty ? "/api/\(gvk.version)" : "/apis/\(gvk.group)/\(gvk.version)"
        if self.descriptor.namespaced, let namespace = self.namespace, !namespace.isEmpty {
            path += "/namespaces/" + PercentEncoding.pathSegment(namespace)
        }
        path += "/" + self.descriptor.plural
        if let name = self.name {
            path += "/" + PercentEncoding.pathSegment(name)
            if let subresource = self.subresource { path += "/" + subresource }
        }
        return path
    }
}
