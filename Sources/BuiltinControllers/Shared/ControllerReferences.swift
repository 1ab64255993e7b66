import KubeJSON
public import KubeModel

/// Owner-reference helpers shared by the planners.
public enum ControllerReferences {
    /// The controller reference a child of `owner` carries: `controller: true`, `blockOwnerDeletion: true`.
    public static func controllerReference<Owner: KubeObject>(to owner: Owner) -> OwnerReference {
        OwnerReference(to: owner, controller: true, blockOwnerDeletion: true)
    }

    /// `true` when `object`'s controller reference names `owner` (by UID when both have one, else by kind and name).
    public static func isControlled<Owner: KubeObject>(_ object: some KubeObject, by owner: Owner) -> Bool {
        guard let reference = object.metadata.controllerReference else { return false }
        if let uid = owner.metadata.uid, !uid.isEmpty, !reference.uid.isEmpty { return reference.uid == uid }
        return reference.kind == Owner.groupVersionKind.kind && reference.name == owner.name
    }

    /// The objects of `objects` that `owner` controls.
    public static func controlled<Owner: KubeObject, Child: KubeObject>(_ objects: [Child], by owner: Owner) -> [Child] {
        objects.filter { isControlled($0, by: owner) }
    }
}
