public import KubeModel

/// A request for a resource: a collection, one object, or one object's subresource, resolved against the
/// registry.
public struct ResourceRequest: Sendable, Hashable {
    /// The resource, as the registry serves it.
    public var resource: APIResource
    /// The version named in the path.
    public var version: String
    /// The namespace named in the path; `nil` for cluster-scoped resources and for namespaced collections
    /// across all namespaces (`/api/v1/pods`).
    public var namespace: String?
    /// The object name; `nil` for a collection.
    public var name: String?
    /// The subresource; `nil` for the object itself.
    public var subresource: APISubresource?

    public init(
        resource: APIResource,
        version: String,
        namespace: String? = nil,
        name: String? = nil,
        subresource: APISubresource? = nil
    ) {
        self.resource = resource
        self.version = version
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
    }

    /// The group version of the path.
    public var groupVersion: GroupVersion { GroupVersion(group: self.resource.group, version: self.version) }

    /// The resource in the path's version.
    public var groupVersionResource: GroupVersionResource { self.resource.groupVersionResource(version: self.version) }

    /// The kind of the resource in the path's version.
    public var groupVersionKind: GroupVersionKind { self.resource.groupVersionKind(version: self.version) }

    /// `true` for a collection (no object name).
    public var isCollection: Bool { self.name == nil }

    /// `true` for a namespaced collection across all namespaces (`/api/v1/pods`), which only lists and watches.
    public var isAllNamespaces: Bool { self.resource.namespaced && self.namespace == nil }

    /// The API verb an HTTP method means here; `nil` when kube-apiserver has no route for it (answer
    /// ``APIStatus/methodNotAllowed()``): collections take GET (`list`, or `watch` with `watch=true`), POST
    /// (`create`) and DELETE (`deletecollection`); objects take GET, PUT, PATCH, DELETE; subresources take
    /// the verbs discovery lists for them; across all namespaces only GET.
    public func verb(forMethod method: String, watch: Bool) -> APIVerb? {
        let verb: APIVerb?
        switch (method.uppercased(), self.name == nil, self.subresource == nil) {
        case ("GET", true, _): verb = watch ? .watch : .list
        case ("POST", true, _): verb = self.isAllNamespaces ? nil : .create
        case ("DELETE", true, _): verb = self.isAllNamespaces ? nil : .deletecollection
        case ("GET", false, _): verb = .get
        case ("PUT", false, _): verb = .update
        case ("PATCH", false, _): verb = .patch
        case ("DELETE", false, _): verb = .delete
        case ("POST", false, false): verb = .create
        default: verb = nil
        }
        guard let verb else { return nil }
        if let subresource = self.subresource { return subresource.allows(verb) ? verb : nil }
        return self.resource.allows(verb) ? verb : nil
    }
}
