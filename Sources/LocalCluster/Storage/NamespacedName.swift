/// An object's place within its resource, ordered by namespace and then name as kube lists objects.
struct NamespacedName: Hashable, Comparable, Sendable {
    var namespace: String
    var name: String

    init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    init(_ key: ObjectKey) {
        self.namespace = key.namespace
        self.name = key.name
    }

    static func < (lhs: NamespacedName, rhs: NamespacedName) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
