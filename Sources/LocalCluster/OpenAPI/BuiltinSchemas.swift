internal import KubeJSON
internal import KubeModel

/// The schemas published for built-in kinds and the `meta.k8s.io` types they share, by schema name.
///
/// Deliberately small: every kind KubeModel serves, with its top-level fields and the fields people explain
/// most (pods, deployments and the other workloads in depth, the rest shallower), each with a description.
/// Structures not detailed here are plain objects. A GV document carries only the schemas its kinds reach.
enum BuiltinSchemas {
    static let catalog: [String: JSONValue] = {
        var catalog: [String: JSONValue] = [:]
        for part in [Self.meta, Self.coreWorkload, Self.coreOther, Self.apps, Self.others] {
            catalog.merge(part) { first, _ in first }
        }
        return catalog
    }()

    typealias S = OpenAPISchema

    /// `apiVersion`, `kind` and `metadata` of a kind.
    static func typeMeta(_ kind: String) -> [(String, JSONValue)] {
        [
            ("apiVersion", S.string("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.")),
            ("kind", S.string("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. In CamelCase.")),
            ("metadata", S.ref(OpenAPINames.objectMeta, "Standard object's metadata.")),
        ]
    }

    /// A kind with `spec` and `status` of the given schemas.
    static func kind(
        _ gvk: GroupVersionKind,
        _ description: String,
        spec: (String, String)? = nil,
        status: (String, String)? = nil,
        extra: [(String, JSONValue)] = []
    ) -> (String, JSONValue) {
        var properties = Self.typeMeta(gvk.kind)
        if let spec { properties.append(("spec", S.ref(spec.0, spec.1))) }
        if let status { properties.append(("status", S.ref(status.0, status.1))) }
        properties += extra
        return (OpenAPINames.schemaName(gvk, custom: false), S.object(description, kinds: [gvk], properties))
    }

    /// The `<Kind>List` schema of a kind schema.
    static func list(of kindSchema: String, kind: String, listKind gvk: GroupVersionKind) -> JSONValue {
        S.object(
            "\(gvk.kind) is a list of \(kind).",
            required: ["items"],
            kinds: [gvk],
            [
                ("apiVersion", S.string("APIVersion defines the versioned schema of this representation of an object.")),
                ("items", S.array(of: kindSchema, "List of \(kind) objects.")),
                ("kind", S.string("Kind is a string value representing the REST resource this object represents.")),
                ("metadata", S.ref(OpenAPINames.listMeta, "Standard list metadata.")),
            ]
        )
    }

    // MARK: meta.k8s.io and friends

    static let meta: [String: JSONValue] = {
        let m = OpenAPINames.meta
        let gvkStatus = GroupVersionKind(group: "", version: "v1", kind: "Status")
        return [
            OpenAPINames.objectMeta: S.object(
                "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
                [
                    ("annotations", S.stringMap("Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.")),
                    ("creationTimestamp", S.ref(OpenAPINames.time, "CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only.")),
                    ("deletionGracePeriodSeconds", S.integer("Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.", format: "int64")),
                    ("deletionTimestamp", S.ref(OpenAPINames.time, "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. Set by the server when a graceful deletion is requested by the user.")),
                    ("finalizers", S.strings("Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.")),
                    ("generateName", S.string("GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.")),
                    ("generation", S.integer("A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.", format: "int64")),
                    ("labels", S.stringMap("Map of string keys and values that can be used to organize and categorize (scope and select) objects.")),
                    ("managedFields", S.array(of: m + "ManagedFieldsEntry", "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.")),
                    ("name", S.string("Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of a name automatically. Cannot be updated.")),
                    ("namespace", S.string("Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the \"default\" namespace.")),
                    ("ownerReferences", S.array(of: m + "OwnerReference", "List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.")),
                    ("resourceVersion", S.string("An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.")),
                    ("uid", S.string("UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.")),
                ]
            ),
            m + "OwnerReference": S.object(
                "OwnerReference contains enough information to let you identify an owning object.",
                required: ["apiVersion", "kind", "name", "uid"],
                [
                    ("apiVersion", S.string("API version of the referent.")),
                    ("blockOwnerDeletion", S.boolean("If true, AND if the owner has the \"foregroundDeletion\" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.")),
                    ("controller", S.boolean("If true, this reference points to the managing controller.")),
                    ("kind", S.string("Kind of the referent.")),
                    ("name", S.string("Name of the referent.")),
                    ("uid", S.string("UID of the referent.")),
                ]
            ),
            m + "ManagedFieldsEntry": S.object(
                "ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.",
                [
                    ("apiVersion", S.string("APIVersion defines the version of this resource that this field set applies to.")),
                    ("fieldsType", S.string("FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: \"FieldsV1\"")),
                    ("fieldsV1", S.opaque("FieldsV1 holds the first JSON version format as described in the \"FieldsV1\" type.")),
                    ("manager", S.string("Manager is an identifier of the workflow managing these fields.")),
                    ("operation", S.string("Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'.")),
                    ("subresource", S.string("Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource.")),
                    ("time", S.ref(OpenAPINames.time, "Time is the timestamp of when the ManagedFields entry was added.")),
                ]
            ),
            OpenAPINames.time: S.string("Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.", format: "date-time"),
            m + "MicroTime": S.string("MicroTime is version of Time with microsecond level precision.", format: "date-time"),
            OpenAPINames.quantity: S.string("Quantity is a fixed-point representation of a number (`128974848`, `129e6`, `129M`, `123Mi`)."),
            OpenAPINames.intOrString: ["description": "IntOrString is a type that can hold an int32 or a string.", "type": "string", "format": "int-or-string"],
            OpenAPINames.listMeta: S.object(
                "ListMeta describes metadata that synthetic resources must have, including lists and various status objects.",
                [
                    ("continue", S.string("continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available.")),
                    ("remainingItemCount", S.integer("remainingItemCount is the number of subsequent items in the list which are not included in this list response.", format: "int64")),
                    ("resourceVersion", S.string("String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed.")),
                    ("selfLink", S.string("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.")),
                ]
            ),
            OpenAPINames.labelSelector: S.object(
                "A label selector is a label query over a set of resources. An empty label selector matches all objects. A null label selector matches no objects.",
                [
                    ("matchExpressions", S.array(of: m + "LabelSelectorRequirement", "matchExpressions is a list of label selector requirements. The requirements are ANDed.")),
                    ("matchLabels", S.stringMap("matchLabels is a map of {key,value} pairs. The requirements are ANDed.")),
                ]
            ),
            m + "LabelSelectorRequirement": S.object(
                "A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.",
                required: ["key", "operator"],
                [
                    ("key", S.string("key is the label key that the selector applies to.")),
                    ("operator", S.string("operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.")),
                    ("values", S.strings("values is an array of string values.")),
                ]
            ),
            OpenAPINames.condition: S.object(
                "Condition contains details for one aspect of the current state of this API Resource.",
                required: ["type", "status", "lastTransitionTime", "reason", "message"],
                [
                    ("lastTransitionTime", S.ref(OpenAPINames.time, "lastTransitionTime is the last time the condition transitioned from one status to another.")),
                    ("message", S.string("message is a human readable message indicating details about the transition.")),
                    ("observedGeneration", S.integer("observedGeneration represents the .metadata.generation that the condition was set based upon.", format: "int64")),
                    ("reason", S.string("reason contains a programmatic identifier indicating the reason for the condition's last transition.")),
                    ("status", S.string("status of the condition, one of True, False, Unknown.")),
                    ("type", S.string("type of condition in CamelCase or in foo.example.com/CamelCase.")),
                ]
            ),
            OpenAPINames.status: S.object(
                "Status is a return value for calls that don't return other objects.",
                kinds: [gvkStatus],
                [
                    ("apiVersion", S.string("APIVersion defines the versioned schema of this representation of an object.")),
                    ("code", S.integer("Suggested HTTP return code for this status, 0 if not set.")),
                    ("details", S.opaque("Extended data associated with the reason.")),
                    ("kind", S.string("Kind is a string value representing the REST resource this object represents.")),
                    ("message", S.string("A human-readable description of the status of this operation.")),
                    ("metadata", S.ref(OpenAPINames.listMeta, "Standard list metadata.")),
                    ("reason", S.string("A machine-readable description of why this operation is in the \"Failure\" status.")),
                    ("status", S.string("Status of the operation. One of: \"Success\" or \"Failure\".")),
                ]
            ),
            OpenAPINames.deleteOptions: S.object(
                "DeleteOptions may be provided when deleting an API object.",
                [
                    ("apiVersion", S.string("APIVersion defines the versioned schema of this representation of an object.")),
                    ("dryRun", S.strings("When present, indicates that modifications should not be persisted.")),
                    ("gracePeriodSeconds", S.integer("The duration in seconds before the object should be deleted.", format: "int64")),
                    ("kind", S.string("Kind is a string value representing the REST resource this object represents.")),
                    ("orphanDependents", S.boolean("Deprecated: please use the PropagationPolicy.")),
                    ("preconditions", S.opaque("Must be fulfilled before a deletion is carried out.")),
                    ("propagationPolicy", S.string("Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.")),
                ]
            ),
            OpenAPINames.patch: S.object("Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.", []),
            OpenAPINames.apiResourceList: S.object(
                "APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.",
                required: ["groupVersion", "resources"],
                [
                    ("apiVersion", S.string("APIVersion defines the versioned schema of this representation of an object.")),
                    ("groupVersion", S.string("groupVersion is the group and version this APIResourceList is for.")),
                    ("kind", S.string("Kind is a string value representing the REST resource this object represents.")),
                    ("resources", ["description": "resources contains the name of the resources and if they are namespaced.", "type": "array", "items": S.opaque("APIResource specifies the name of a resource and whether it is namespaced.")]),
                ]
            ),
            OpenAPINames.scale: S.object(
                "Scale represents a scaling request for a resource.",
                kinds: [GroupVersionKind(group: "autoscaling", version: "v1", kind: "Scale")],
                Self.typeMeta("Scale") + [
                    ("spec", S.object("ScaleSpec describes the attributes of a scale subresource.", [("replicas", S.integer("replicas is the desired number of instances for the scaled object."))])),
                    ("status", S.object(
                        "ScaleStatus represents the current status of a scale subresource.",
                        required: ["replicas"],
                        [
                            ("replicas", S.integer("replicas is the actual number of observed instances of the scaled object.")),
                            ("selector", S.string("selector is the label query over pods that should match the replicas count, in string form.")),
                        ]
                    )),
                ]
            ),
        ]
    }()
}
