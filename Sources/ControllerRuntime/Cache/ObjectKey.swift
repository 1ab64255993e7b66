public import KubeModel

/// A namespace and name: what a work queue holds and a reconciler is asked about.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Empty for cluster-scoped objects.
    public var namespace: String
    public var name: String

    public init(namespace: String = "", name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// The key of an object.
    public init(_ object: some KubeObject) {
        self.init(namespace: object.namespace, name: object.name)
    }

    /// `namespace/name`, or `name` for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).
    public var description: String { self.namespace.isEmpty ? self.name : "\(self.namespace)/\(self.name)" }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
