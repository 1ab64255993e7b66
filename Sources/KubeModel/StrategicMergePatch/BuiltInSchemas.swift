/// The compiled-in schema trees; built once, on first use.
enum BuiltInSchemas {
    struct Key: Hashable {
        var apiVersion: String
        var kind: String
    }

    static let objectMeta: StrategicMergeSchema = .object([
        "ownerReferences": .mergeList(key: "uid"),
        "finalizers": .primitiveMergeList,
    ])

    /// `Container` and the inlined `EphemeralContainerCommon` have the same tagged fields.
    static let container: [String: StrategicMergeSchema] = [
        "ports": .mergeList(key: "containerPort"),
        "env": .mergeList(key: "name"),
        "volumeMounts": .mergeList(key: "mountPath"),
        "volumeDevices": .mergeList(key: "devicePath"),
    ]

    static let podSpec: StrategicMergeSchema = .object([
        "volumes": .mergeList(key: "name", retainKeys: true),
        "initContainers": .mergeList(key: "name", element: container),
        "containers": .mergeList(key: "name", element: container),
        "ephemeralContainers": .mergeList(key: "name", element: container),
        "imagePullSecrets": .mergeList(key: "name"),
        "hostAliases": .mergeList(key: "ip"),
        "topologySpreadConstraints": .mergeList(key: "topologyKey"),
        "schedulingGates": .mergeList(key: "name"),
        "resourceClaims": .mergeList(key: "name", retainKeys: true),
        "evictionResponders": .mergeList(key: "name"),
    ])

    /// `containerStatuses`, `initContainerStatuses` and `ephemeralContainerStatuses` are untagged (replaced as a
    /// whole), so the tags inside `ContainerStatus` are never consulted and are left out.
    static let podStatus: StrategicMergeSchema = .object([
        "conditions": .mergeList(key: "type"),
        "hostIPs": .mergeList(key: "ip"),
        "podIPs": .mergeList(key: "ip"),
        "resourceClaimStatuses": .mergeList(key: "name", retainKeys: true),
        "nodeAllocatableResourceClaimStatuses": .mergeList(
            key: "resourceClaimName",
            element: [
                "mapping": .mergeList(key: "name"),
                "overhead": .mergeList(key: "name"),
            ]
        ),
    ])

    static let podTemplateSpec: StrategicMergeSchema = .object([
        "metadata": objectMeta,
        "spec": podSpec,
    ])

    static let persistentVolumeClaim: [String: StrategicMergeSchema] = [
        "metadata": objectMeta,
        "status": .object([
            "conditions": .mergeList(key: "type"),
            "healthStatus": .object(["healthConditions": .mergeList(key: "status")]),
        ]),
    ]

    /// The `status` of most kinds: only `conditions`, merged by `type`.
    static let conditionsStatus: StrategicMergeSchema = .object(["conditions": .mergeList(key: "type")])

    /// A kind whose only tagged fields are in its metadata.
    static let metadataOnly: StrategicMergeSchema = .object(["metadata": objectMeta])

    static let webhookConfiguration: StrategicMergeSchema = .object([
        "metadata": objectMeta,
        "webhooks": .mergeList(key: "name", element: ["matchConditions": .mergeList(key: "name")]),
    ])

    static func workload(spec: [String: StrategicMergeSchema]) -> StrategicMergeSchema {
        .object([
            "metadata": objectMeta,
            "spec": .object(spec.merging(["template": podTemplateSpec]) { current, _ in current }),
            "status": conditionsStatus,
        ])
    }

    static let byKind: [Key: StrategicMergeSchema] = {
        var table: [Key: StrategicMergeSchema] = [:]
        func add(_ apiVersion: String, _ kind: String, _ schema: StrategicMergeSchema) {
            table[Key(apiVersion: apiVersion, kind: kind)] = schema
        }

        add("v1", "Pod", .object(["metadata": objectMeta, "spec": podSpec, "status": podStatus]))
        add("v1", "PodTemplate", .object(["metadata": objectMeta, "template": podTemplateSpec]))
        add(
            "v1",
            "Node",
            .object([
                "metadata": objectMeta,
                "spec": .object(["podCIDRs": .primitiveMergeList]),
                "status": .object([
                    "conditions": .mergeList(key: "type"),
                    "addresses": .mergeList(key: "type"),
                ]),
            ])
        )
        add("v1", "Namespace", .object(["metadata": objectMeta, "status": conditionsStatus]))
        add(
            "v1",
            "Service",
            .object([
                "metadata": objectMeta,
                "spec": .object(["ports": .mergeList(key: "port")]),
                "status": conditionsStatus,
            ])
        )
        add("v1", "ConfigMap", metadataOnly)
        add("v1", "Secret", metadataOnly)
        add("v1", "ServiceAccount", .object(["metadata": objectMeta, "secrets": .mergeList(key: "name")]))
        add("v1", "PersistentVolumeClaim", .object(persistentVolumeClaim))
        add("v1", "Event", metadataOnly)
        add("events.k8s.io/v1", "Event", metadataOnly)
        add("networking.k8s.io/v1", "Ingress", metadataOnly)
        add("coordination.k8s.io/v1", "Lease", metadataOnly)
        add("apps/v1", "ControllerRevision", metadataOnly)
        add("apps/v1", "Deployment", workload(spec: ["strategy": .retainKeysObject()]))
        add("apps/v1", "ReplicaSet", workload(spec: [:]))
        add("apps/v1", "DaemonSet", workload(spec: [:]))
        add(
            "apps/v1",
            "StatefulSet",
            workload(spec: ["volumeClaimTemplates": .object(persistentVolumeClaim)])
        )
        add(
            "batch/v1",
            "Job",
            workload(spec: ["scheduling": .object(["resourceClaims": .mergeList(key: "name")])])
        )
        add("apiextensions.k8s.io/v1", "CustomResourceDefinition", metadataOnly)
        add("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", webhookConfiguration)
        add("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", webhookConfiguration)
        return table
    }()
}
