import KubeJSON
import KubeModel

/// The `scale` subresource: an `autoscaling/v1 Scale` view of a workload's replicas, read from and written to
/// the paths its resource declares (`.spec.replicas` / `.status.replicas` for the built-ins; the CRD's
/// `specReplicasPath`, `statusReplicasPath` and `labelSelectorPath` for custom resources).
enum ScaleSubresource {
    static func paths(for target: ResourceRequest) -> ScaleSubresourcePaths {
        target.subresource?.scalePaths
            ?? ScaleSubresourcePaths(specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas")
    }

    /// The Scale object for `object`.
    static func scale(of object: JSONValue, request target: ResourceRequest) throws(APIStatus) -> JSONValue {
        let paths = Self.paths(for: target)
        let metadata = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
        var scaleMetadata = ObjectMeta(name: metadata.name ?? "", namespace: metadata.namespace)
        scaleMetadata.uid = metadata.uid
        scaleMetadata.resourceVersion = metadata.resourceVersion
        scaleMetadata.creationTimestamp = metadata.creationTimestamp
        var status: JSONObject = ["replicas": object.value(atFieldPath: paths.statusReplicasPath) ?? 0]
        if let selectorPath = paths.labelSelectorPath, let selector = object.value(atFieldPath: selectorPath) {
            status["selector"] = selector
        } else if target.resource.group == "apps", let selector = object["spec"]?["selector"] {
            status["selector"] = .string(Self.selectorString(selector))
        }
        return [
            "kind": "Scale",
            "apiVersion": "autoscaling/v1",
            "metadata": .object(scaleMetadata.object),
            "spec": ["replicas": object.value(atFieldPath: paths.specReplicasPath) ?? 0],
            "status": .object(status),
        ]
    }

    /// `object` with its spec replicas set from a Scale body.
    static func applying(scale: JSONValue, to object: JSONValue, target: ResourceRequest) throws(APIStatus) -> JSONValue {
        guard let replicas = scale["spec"]?["replicas"]?.int64Value, replicas >= 0, replicas <= Int64(Int32.max) else {
            throw APIStatus.invalid(
                group: "autoscaling",
                kind: "Scale",
                name: target.name ?? "",
                errors: [FieldError(field: "spec.replicas", message: "Invalid value: must be greater than or equal to 0")]
            )
        }
        return Self.setting(.int(replicas), at: Self.paths(for: target).specReplicasPath, in: object)
    }

    static func setting(_ value: JSONValue, at path: String, in object: JSONValue) -> JSONValue {
        let components = path.split(separator: ".").map(String.init)
        func set(_ node: JSONValue, _ index: Int) -> JSONValue {
            guard index < components.count else { return value }
            var copy = node
            copy[components[index]] = set(node[components[index]] ?? .emptyObject, index + 1)
            return copy
        }
        return set(object, 0)
    }

    /// A label selector object as the query string `kubectl` shows (`app=web,tier in (a,b)`).
    static func selectorString(_ selector: JSONValue) -> String {
        guard let labelSelector = try? LabelSelector(json: selector) else { return "" }
        return (try? labelSelector.asSelector().description) ?? ""
    }
}
