/// Where one object lives in the store: its resource (group and plural), namespace and name.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The plural resource name (`pods`, `clonesets`).
    public var resource: String
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String
    public var name: String

    public init(group: String, resource: String, namespace: String, name: String) {
        self.group = group
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    /// etcd-style path, `/<group>/<resource>/<namespace>/<name>` (core group written as `core`), which also
    /// gives the listing order kube-apiserver uses: by namespace, then name.
    public var path: String {
        let group = self.group.isEmpty ? "core" : self.group
        return self.namespace.isEmpty
            ? "/\(group)/\(self.resource)/\(self.name)"
            : "/\(group)/\(self.resource)/\(self.namespace)/\(self.name)"
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.group, lhs.resource, lhs.namespace, lhs.name) < (rhs.group, rhs.resource, rhs.namespace, rhs.name)
    }

    public var description: String { self.path }
}
