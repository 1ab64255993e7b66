/// The namespace, name and UID of an object a controller plan deletes or patches. Reconcilers send the UID as
/// a delete precondition, so a plan made from a stale cache never removes a newer object of the same name.
public struct ObjectIdentity: Sendable, Hashable, CustomStringConvertible {
    /// `metadata.namespace`; empty for cluster-scoped objects.
    public var namespace: String
    /// `metadata.name`.
    public var name: String
    /// `metadata.uid`; empty when the object had none (objects built in tests).
    public var uid: String

    /// An identity from its parts.
    public init(namespace: String, name: String, uid: String) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }

    /// The identity of `object`.
    public init(of object: some KubeObject) {
        self.init(namespace: object.namespace, name: object.name, uid: object.metadata.uid ?? "")
    }

    /// `namespace/name`.
    public var description: String { self.namespace.isEmpty ? self.name : "\(self.namespace)/\(self.name)" }
}
