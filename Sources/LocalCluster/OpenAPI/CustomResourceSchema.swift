internal import KubeJSON
internal import KubeModel

/// The published schema of a custom resource version: the CRD's `openAPIV3Schema` with `apiVersion`,
/// `kind` and `metadata` (a reference to `ObjectMeta`) set as kube-apiserver publishes them, and
/// `x-kubernetes-group-version-kind`, which `kubectl explain` looks the kind up by.
enum CustomResourceSchema {
    static func schema(of resource: APIResource, version: APIResourceVersion) -> JSONValue {
        var schema: JSONObject = version.schema?.objectValue ?? ["x-kubernetes-preserve-unknown-fields": true]
        schema["type"] = "object"
        var properties = schema["properties"]?.objectValue ?? JSONObject()
        properties["apiVersion"] = OpenAPISchema.string(
            "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values."
        )
        properties["kind"] = OpenAPISchema.string(
            "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. In CamelCase."
        )
        properties["metadata"] = OpenAPISchema.ref(OpenAPINames.objectMeta, "Standard object's metadata.")
        properties.sortKeys()
        schema["properties"] = .object(properties)
        schema["x-kubernetes-group-version-kind"] = OpenAPISchema.kinds([resource.groupVersionKind(version: version.name)])
        return .object(schema)
    }
}
