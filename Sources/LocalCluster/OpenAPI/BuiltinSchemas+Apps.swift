internal import KubeJSON
internal import KubeModel

extension BuiltinSchemas {
    private static func apps(_ kind: String) -> GroupVersionKind { GroupVersionKind(group: "apps", version: "v1", kind: kind) }

    private static let template = S.ref(OpenAPINames.core + "PodTemplateSpec", "Template describes the pods that will be created.")
    private static func selector(_ description: String) -> JSONValue { S.ref(OpenAPINames.labelSelector, description) }
    private static let minReadySeconds = S.integer("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0.")
    private static let revisionHistoryLimit = S.integer("The number of old history to retain to allow rollback. Defaults to 10.")
    private static let observedGeneration = S.integer("The generation observed by the controller.", format: "int64")
    private static let collisionCount = S.integer("Count of hash collisions. The controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.")

    static let apps: [String: JSONValue] = {
        let a = OpenAPINames.apps
        let kinds = [
            Self.kind(
                Self.apps("Deployment"),
                "Deployment enables declarative updates for Pods and ReplicaSets.",
                spec: (a + "DeploymentSpec", "Specification of the desired behavior of the Deployment."),
                status: (a + "DeploymentStatus", "Most recently observed status of the Deployment.")
            ),
            Self.kind(
                Self.apps("ReplicaSet"),
                "ReplicaSet ensures that a specified number of pod replicas are running at any given time.",
                spec: (a + "ReplicaSetSpec", "Spec defines the specification of the desired behavior of the ReplicaSet."),
                status: (a + "ReplicaSetStatus", "Status is the most recently observed status of the ReplicaSet.")
            ),
            Self.kind(
                Self.apps("StatefulSet"),
                "StatefulSet represents a set of pods with consistent identities: network names and storage that persist across rescheduling.",
                spec: (a + "StatefulSetSpec", "Spec defines the desired identities of pods in this set."),
                status: (a + "StatefulSetStatus", "Status is the current status of Pods in this StatefulSet.")
            ),
            Self.kind(
                Self.apps("DaemonSet"),
                "DaemonSet represents the configuration of a daemon set.",
                spec: (a + "DaemonSetSpec", "The desired behavior of this daemon set."),
                status: (a + "DaemonSetStatus", "The current status of this daemon set.")
            ),
            Self.kind(
                Self.apps("ControllerRevision"),
                "ControllerRevision implements an immutable snapshot of state data. Clients are responsible for serializing and deserializing the objects that contain their internal state.",
                extra: [
                    ("data", S.opaque("Data is the serialized representation of the state.")),
                    ("revision", S.integer("Revision indicates the revision of the state represented by Data.", format: "int64")),
                ]
            ),
        ]
        var schemas = Dictionary(uniqueKeysWithValues: kinds)
        schemas[a + "DeploymentSpec"] = S.object(
            "DeploymentSpec is the specification of the desired behavior of the Deployment.",
            required: ["selector", "template"],
            [
                ("minReadySeconds", Self.minReadySeconds),
                ("paused", S.boolean("Indicates that the deployment is paused.")),
                ("progressDeadlineSeconds", S.integer("The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.")),
                ("replicas", S.integer("Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.")),
                ("revisionHistoryLimit", Self.revisionHistoryLimit),
                ("selector", Self.selector("Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.")),
                ("strategy", S.ref(a + "DeploymentStrategy", "The deployment strategy to use to replace existing pods with new ones.")),
                ("template", S.ref(OpenAPINames.core + "PodTemplateSpec", "Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\".")),
            ]
        )
        schemas[a + "DeploymentStrategy"] = S.object(
            "DeploymentStrategy describes how to replace existing pods with new ones.",
            [
                ("rollingUpdate", S.object(
                    "Spec to control the desired behavior of rolling update.",
                    [
                        ("maxSurge", S.ref(OpenAPINames.intOrString, "The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.")),
                        ("maxUnavailable", S.ref(OpenAPINames.intOrString, "The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.")),
                    ]
                )),
                ("type", S.string("Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.", values: ["Recreate", "RollingUpdate"])),
            ]
        )
        schemas[a + "DeploymentStatus"] = S.object(
            "DeploymentStatus is the most recently observed status of the Deployment.",
            [
                ("availableReplicas", S.integer("Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.")),
                ("collisionCount", Self.collisionCount),
                ("conditions", S.opaque("Represents the latest available observations of a deployment's current state.")),
                ("observedGeneration", Self.observedGeneration),
                ("readyReplicas", S.integer("readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.")),
                ("replicas", S.integer("Total number of non-terminated pods targeted by this deployment (their labels match the selector).")),
                ("unavailableReplicas", S.integer("Total number of unavailable pods targeted by this deployment.")),
                ("updatedReplicas", S.integer("Total number of non-terminated pods targeted by this deployment that have the desired template spec.")),
            ]
        )
        schemas[a + "ReplicaSetSpec"] = S.object(
            "ReplicaSetSpec is the specification of a ReplicaSet.",
            required: ["selector"],
            [
                ("minReadySeconds", Self.minReadySeconds),
                ("replicas", S.integer("Replicas is the number of desired pods. Defaults to 1.")),
                ("selector", Self.selector("Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set.")),
                ("template", Self.template),
            ]
        )
        schemas[a + "ReplicaSetStatus"] = S.object(
            "ReplicaSetStatus represents the current status of a ReplicaSet.",
            required: ["replicas"],
            [
                ("availableReplicas", S.integer("The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.")),
                ("fullyLabeledReplicas", S.integer("The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.")),
                ("observedGeneration", Self.observedGeneration),
                ("readyReplicas", S.integer("The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.")),
                ("replicas", S.integer("Replicas is the most recently observed number of non-terminating pods.")),
            ]
        )
        schemas[a + "StatefulSetSpec"] = S.object(
            "A StatefulSetSpec is the specification of a StatefulSet.",
            required: ["selector", "template"],
            [
                ("minReadySeconds", Self.minReadySeconds),
                ("podManagementPolicy", S.string("podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down.", values: ["OrderedReady", "Parallel"])),
                ("replicas", S.integer("replicas is the desired number of replicas of the given Template. Defaults to 1.")),
                ("revisionHistoryLimit", Self.revisionHistoryLimit),
                ("selector", Self.selector("selector is a label query over pods that should match the replica count. It must match the pod template's labels.")),
                ("serviceName", S.string("serviceName is the name of the service that governs this StatefulSet.")),
                ("template", Self.template),
                ("updateStrategy", S.opaque("updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.")),
                ("volumeClaimTemplates", S.opaque("volumeClaimTemplates is a list of claims that pods are allowed to reference.")),
            ]
        )
        schemas[a + "StatefulSetStatus"] = S.object(
            "StatefulSetStatus represents the current state of a StatefulSet.",
            required: ["replicas"],
            [
                ("availableReplicas", S.integer("Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.")),
                ("collisionCount", Self.collisionCount),
                ("currentReplicas", S.integer("currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.")),
                ("currentRevision", S.string("currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).")),
                ("observedGeneration", Self.observedGeneration),
                ("readyReplicas", S.integer("readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.")),
                ("replicas", S.integer("replicas is the number of Pods created by the StatefulSet controller.")),
                ("updateRevision", S.string("updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)")),
                ("updatedReplicas", S.integer("updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.")),
            ]
        )
        schemas[a + "DaemonSetSpec"] = S.object(
            "DaemonSetSpec is the specification of a daemon set.",
            required: ["selector", "template"],
            [
                ("minReadySeconds", Self.minReadySeconds),
                ("revisionHistoryLimit", Self.revisionHistoryLimit),
                ("selector", Self.selector("A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels.")),
                ("template", Self.template),
                ("updateStrategy", S.opaque("An update strategy to replace existing DaemonSet pods with new pods.")),
            ]
        )
        schemas[a + "DaemonSetStatus"] = S.object(
            "DaemonSetStatus represents the current status of a daemon set.",
            required: ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"],
            [
                ("currentNumberScheduled", S.integer("The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.")),
                ("desiredNumberScheduled", S.integer("The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).")),
                ("numberAvailable", S.integer("The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)")),
                ("numberMisscheduled", S.integer("The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod.")),
                ("numberReady", S.integer("numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.")),
                ("observedGeneration", Self.observedGeneration),
                ("updatedNumberScheduled", S.integer("The total number of nodes that are running updated daemon pod")),
            ]
        )
        return schemas
    }()

    static let others: [String: JSONValue] = {
        let batch = "io.k8s.api.batch.v1."
        let coordination = "io.k8s.api.coordination.v1."
        let networking = "io.k8s.api.networking.v1."
        let admission = "io.k8s.api.admissionregistration.v1."
        let extensions = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1."
        let webhooks = S.array(of: admission + "Webhook", "Webhooks is a list of webhooks and the affected resources and operations.")
        let kinds = [
            Self.kind(
                GroupVersionKind(group: "batch", version: "v1", kind: "Job"),
                "Job represents the configuration of a single job.",
                spec: (batch + "JobSpec", "Specification of the desired behavior of a job."),
                status: (batch + "JobStatus", "Current status of a job.")
            ),
            Self.kind(
                GroupVersionKind(group: "coordination.k8s.io", version: "v1", kind: "Lease"),
                "Lease defines a lease concept.",
                spec: (coordination + "LeaseSpec", "spec contains the specification of the Lease.")
            ),
            Self.kind(
                GroupVersionKind(group: "networking.k8s.io", version: "v1", kind: "Ingress"),
                "Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend.",
                spec: (networking + "IngressSpec", "spec is the desired state of the Ingress."),
                status: (networking + "IngressStatus", "status is the current state of the Ingress.")
            ),
            Self.kind(
                GroupVersionKind(group: "admissionregistration.k8s.io", version: "v1", kind: "MutatingWebhookConfiguration"),
                "MutatingWebhookConfiguration describes the configuration of and admission webhook that accept or reject and may change the object.",
                extra: [("webhooks", webhooks)]
            ),
            Self.kind(
                GroupVersionKind(group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingWebhookConfiguration"),
                "ValidatingWebhookConfiguration describes the configuration of and admission webhook that accept or reject and object without changing it.",
                extra: [("webhooks", webhooks)]
            ),
            Self.kind(
                GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role"),
                "Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.",
                extra: [("rules", S.opaque("Rules holds all the PolicyRules for this Role"))]
            ),
            Self.kind(
                GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole"),
                "ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.",
                extra: [
                    ("aggregationRule", S.opaque("AggregationRule is an optional field that describes how to build the Rules for this ClusterRole.")),
                    ("rules", S.opaque("Rules holds all the PolicyRules for this ClusterRole")),
                ]
            ),
            Self.kind(
                GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding"),
                "RoleBinding references a role, but does not contain it. It can reference a Role in the same namespace or a ClusterRole in the global namespace.",
                extra: [
                    ("roleRef", S.opaque("RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.")),
                    ("subjects", S.opaque("Subjects holds references to the objects the role applies to.")),
                ]
            ),
            Self.kind(
                GroupVersionKind(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding"),
                "ClusterRoleBinding references a ClusterRole, but not contain it.",
                extra: [
                    ("roleRef", S.opaque("RoleRef can only reference a ClusterRole in the global namespace.")),
                    ("subjects", S.opaque("Subjects holds references to the objects the role applies to.")),
                ]
            ),
            Self.kind(
                GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition"),
                "CustomResourceDefinition represents a resource that should be exposed on the API server. Its name MUST be in the format <.spec.name>.<.spec.group>.",
                spec: (extensions + "CustomResourceDefinitionSpec", "spec describes how the user wants the resources to appear"),
                status: (extensions + "CustomResourceDefinitionStatus", "status indicates the actual state of the CustomResourceDefinition")
            ),
        ]
        var schemas = Dictionary(uniqueKeysWithValues: kinds)
        schemas[batch + "JobSpec"] = S.object(
            "JobSpec describes how the job execution will look like.",
            required: ["template"],
            [
                ("activeDeadlineSeconds", S.integer("Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it.", format: "int64")),
                ("backoffLimit", S.integer("Specifies the number of retries before marking this job failed. Defaults to 6")),
                ("completions", S.integer("Specifies the desired number of successfully finished pods the job should be run with.")),
                ("parallelism", S.integer("Specifies the maximum desired number of pods the job should run at any given time.")),
                ("selector", S.ref(OpenAPINames.labelSelector, "A label query over pods that should match the pod count. Normally, the system sets this field for you.")),
                ("suspend", S.boolean("suspend specifies whether the Job controller should create Pods or not.")),
                ("template", S.ref(OpenAPINames.core + "PodTemplateSpec", "Describes the pod that will be created when executing a job. The only allowed template.spec.restartPolicy values are \"Never\" or \"OnFailure\".")),
                ("ttlSecondsAfterFinished", S.integer("ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed).")),
            ]
        )
        schemas[batch + "JobStatus"] = S.object(
            "JobStatus represents the current state of a Job.",
            [
                ("active", S.integer("The number of pending and running pods which are not terminating (without a deletionTimestamp).")),
                ("completionTime", S.ref(OpenAPINames.time, "Represents time when the job was completed.")),
                ("conditions", S.opaque("The latest available observations of an object's current state.")),
                ("failed", S.integer("The number of pods which reached phase Failed.")),
                ("startTime", S.ref(OpenAPINames.time, "Represents time when the job controller started processing a job.")),
                ("succeeded", S.integer("The number of pods which reached phase Succeeded.")),
            ]
        )
        schemas[coordination + "LeaseSpec"] = S.object(
            "LeaseSpec is a specification of a Lease.",
            [
                ("acquireTime", S.ref(OpenAPINames.meta + "MicroTime", "acquireTime is a time when the current lease was acquired.")),
                ("holderIdentity", S.string("holderIdentity contains the identity of the holder of a current lease.")),
                ("leaseDurationSeconds", S.integer("leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it.")),
                ("leaseTransitions", S.integer("leaseTransitions is the number of transitions of a lease between holders.")),
                ("renewTime", S.ref(OpenAPINames.meta + "MicroTime", "renewTime is a time when the current holder of a lease has last updated the lease.")),
            ]
        )
        schemas[networking + "IngressSpec"] = S.object(
            "IngressSpec describes the Ingress the user wishes to exist.",
            [
                ("defaultBackend", S.opaque("defaultBackend is the backend that should handle requests that don't match any rule.")),
                ("ingressClassName", S.string("ingressClassName is the name of an IngressClass cluster resource.")),
                ("rules", S.opaque("rules is a list of host rules used to configure the Ingress.")),
                ("tls", S.opaque("tls represents the TLS configuration.")),
            ]
        )
        schemas[networking + "IngressStatus"] = S.object(
            "IngressStatus describe the current state of the Ingress.",
            [("loadBalancer", S.opaque("loadBalancer contains the current status of the load-balancer."))]
        )
        schemas[admission + "Webhook"] = S.object(
            "A webhook an admission request is sent to.",
            required: ["name", "clientConfig", "sideEffects", "admissionReviewVersions"],
            [
                ("admissionReviewVersions", S.strings("AdmissionReviewVersions is an ordered list of preferred `AdmissionReview` versions the Webhook expects.")),
                ("clientConfig", S.opaque("ClientConfig defines how to communicate with the hook. Required")),
                ("failurePolicy", S.string("FailurePolicy defines how unrecognized errors from the admission endpoint are handled - allowed values are Ignore or Fail. Defaults to Fail.", values: ["Fail", "Ignore"])),
                ("name", S.string("The name of the admission webhook. Name should be fully qualified, e.g., imagepolicy.kubernetes.io.")),
                ("namespaceSelector", S.ref(OpenAPINames.labelSelector, "NamespaceSelector decides whether to run the webhook on an object based on whether the namespace for that object matches the selector.")),
                ("objectSelector", S.ref(OpenAPINames.labelSelector, "ObjectSelector decides whether to run the webhook based on if the object has matching labels.")),
                ("rules", S.opaque("Rules describes what operations on what resources/subresources the webhook cares about.")),
                ("sideEffects", S.string("SideEffects states whether this webhook has side effects. Acceptable values are: None, NoneOnDryRun.")),
                ("timeoutSeconds", S.integer("TimeoutSeconds specifies the timeout for this webhook. Default to 10 seconds.")),
            ]
        )
        schemas[extensions + "CustomResourceDefinitionSpec"] = S.object(
            "CustomResourceDefinitionSpec describes how a user wants their resource to appear",
            required: ["group", "names", "scope", "versions"],
            [
                ("conversion", S.opaque("conversion defines conversion settings for the CRD.")),
                ("group", S.string("group is the API group of the defined custom resource. Must match the name of the CustomResourceDefinition (in the form `<names.plural>.<group>`).")),
                ("names", S.opaque("names specify the resource and kind names for the custom resource.")),
                ("preserveUnknownFields", S.boolean("preserveUnknownFields indicates that object fields which are not specified in the OpenAPI schema should be preserved when persisting to storage.")),
                ("scope", S.string("scope indicates whether the defined custom resource is cluster- or namespace-scoped. Allowed values are `Cluster` and `Namespaced`.")),
                ("versions", S.opaque("versions is the list of all API versions of the defined custom resource.")),
            ]
        )
        schemas[extensions + "CustomResourceDefinitionStatus"] = S.object(
            "CustomResourceDefinitionStatus indicates the state of the CustomResourceDefinition",
            [
                ("acceptedNames", S.opaque("acceptedNames are the names that are actually being used to serve discovery.")),
                ("conditions", S.opaque("conditions indicate state for particular aspects of a CustomResourceDefinition")),
                ("storedVersions", S.strings("storedVersions lists all versions of CustomResources that were ever persisted.")),
            ]
        )
        return schemas
    }()
}
