import KubeJSON
public import KubeModel

/// Builds pods from a workload's template the way `controller.GetPodFromTemplate` does, keeping every field
/// of the template's JSON (unknown ones included).
public enum PodFactory {
    /// How a new pod is named.
    public enum Naming: Sendable, Hashable {
        /// A fixed name (StatefulSet ordinals).
        case name(String)
        /// A `generateName` prefix (ReplicaSet `<rs>-`, DaemonSet `<ds>-`, Job `<job>-`).
        case generateName(String)
    }

    /// A pod with the template's labels, annotations and finalizers, its spec, the namespace and a controller
    /// reference to `owner`.
    public static func pod<Owner: KubeObject>(
        from template: PodTemplateSpec, owner: Owner, naming: Naming
    ) -> Pod {
        var metadata = JSONObject()
        switch naming {
        case .name(let name): metadata.appendUnchecked(key: "name", value: .string(name))
        case .generateName(let prefix): metadata.appendUnchecked(key: "generateName", value: .string(prefix))
        }
        if !owner.namespace.isEmpty { metadata.appendUnchecked(key: "namespace", value: .string(owner.namespace)) }
        let templateMetadata = template.metadata.object
        for key in ["labels", "annotations", "finalizers"] {
            if let value = templateMetadata[key], !value.isNull { metadata.appendUnchecked(key: key, value: value) }
        }
        let reference = ControllerReferences.controllerReference(to: owner)
        metadata.appendUnchecked(key: "ownerReferences", value: .array([reference.json]))
        var object = JSONObject()
        object.appendUnchecked(key: "apiVersion", value: "v1")
        object.appendUnchecked(key: "kind", value: "Pod")
        object.appendUnchecked(key: "metadata", value: .object(metadata))
        object.appendUnchecked(key: "spec", value: template.object["spec"] ?? .emptyObject)
        return Pod(object: object)
    }
}
