internal import KubeJSON
internal import KubeModel

extension BuiltinSchemas {
    private static func core(_ kind: String) -> GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: kind) }

    // MARK: Pods

    static let coreWorkload: [String: JSONValue] = {
        let c = OpenAPINames.core
        let pod = Self.kind(
            Self.core("Pod"),
            "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
            spec: (c + "PodSpec", "Specification of the desired behavior of the pod."),
            status: (c + "PodStatus", "Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only.")
        )
        return [
            pod.0: pod.1,
            c + "PodSpec": S.object(
                "PodSpec is a description of a pod.",
                required: ["containers"],
                [
                    ("activeDeadlineSeconds", S.integer("Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers.", format: "int64")),
                    ("affinity", S.opaque("If specified, the pod's scheduling constraints.")),
                    ("containers", S.array(of: c + "Container", "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.")),
                    ("dnsPolicy", S.string("Set DNS policy for the pod. Defaults to \"ClusterFirst\".", values: ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"])),
                    ("hostNetwork", S.boolean("Host networking requested for this pod. Use the host's network namespace. Default to false.")),
                    ("hostname", S.string("Specifies the hostname of the Pod. If not specified, the pod's hostname will be set to a system-defined value.")),
                    ("imagePullSecrets", S.opaque("ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.")),
                    ("initContainers", S.array(of: c + "Container", "List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started.")),
                    ("nodeName", S.string("NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.")),
                    ("nodeSelector", S.stringMap("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.")),
                    ("priorityClassName", S.string("If specified, indicates the pod's priority.")),
                    ("readinessGates", S.opaque("If specified, all readiness gates will be evaluated for pod readiness.")),
                    ("restartPolicy", S.string("Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.", values: ["Always", "Never", "OnFailure"])),
                    ("schedulerName", S.string("If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.")),
                    ("securityContext", S.opaque("SecurityContext holds pod-level security attributes and common container settings.")),
                    ("serviceAccountName", S.string("ServiceAccountName is the name of the ServiceAccount to use to run this pod.")),
                    ("terminationGracePeriodSeconds", S.integer("Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.", format: "int64")),
                    ("tolerations", S.array(of: c + "Toleration", "If specified, the pod's tolerations.")),
                    ("volumes", S.array(of: c + "Volume", "List of volumes that can be mounted by containers belonging to the pod.")),
                ]
            ),
            c + "Container": S.object(
                "A single application container that you want to run within a pod.",
                required: ["name"],
                [
                    ("args", S.strings("Arguments to the entrypoint. The container image's CMD is used if this is not provided.")),
                    ("command", S.strings("Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided.")),
                    ("env", S.array(of: c + "EnvVar", "List of environment variables to set in the container. Cannot be updated.")),
                    ("image", S.string("Container image name. This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.")),
                    ("imagePullPolicy", S.string("Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.", values: ["Always", "IfNotPresent", "Never"])),
                    ("livenessProbe", S.opaque("Periodic probe of container liveness. Container will be restarted if the probe fails.")),
                    ("name", S.string("Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.")),
                    ("ports", S.array(of: c + "ContainerPort", "List of ports to expose from the container.")),
                    ("readinessProbe", S.opaque("Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails.")),
                    ("resources", S.ref(c + "ResourceRequirements", "Compute Resources required by this container. Cannot be updated.")),
                    ("restartPolicy", S.string("RestartPolicy defines the restart behavior of individual containers in a pod. The only allowed value is \"Always\", for init containers.")),
                    ("securityContext", S.opaque("SecurityContext defines the security options the container should be run with.")),
                    ("startupProbe", S.opaque("StartupProbe indicates that the Pod has successfully initialized.")),
                    ("volumeMounts", S.array(of: c + "VolumeMount", "Pod volumes to mount into the container's filesystem. Cannot be updated.")),
                    ("workingDir", S.string("Container's working directory. If not specified, the container runtime's default will be used.")),
                ]
            ),
            c + "ContainerPort": S.object(
                "ContainerPort represents a network port in a single container.",
                required: ["containerPort"],
                [
                    ("containerPort", S.integer("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.")),
                    ("hostPort", S.integer("Number of port to expose on the host.")),
                    ("name", S.string("If specified, this must be an IANA_SVC_NAME and unique within the pod.")),
                    ("protocol", S.string("Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".", values: ["SCTP", "TCP", "UDP"])),
                ]
            ),
            c + "EnvVar": S.object(
                "EnvVar represents an environment variable present in a Container.",
                required: ["name"],
                [
                    ("name", S.string("Name of the environment variable. Must be a C_IDENTIFIER.")),
                    ("value", S.string("Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables.")),
                    ("valueFrom", S.opaque("Source for the environment variable's value. Cannot be used if value is not empty.")),
                ]
            ),
            c + "ResourceRequirements": S.object(
                "ResourceRequirements describes the compute resource requirements.",
                [
                    ("limits", S.map(of: OpenAPINames.quantity, "Limits describes the maximum amount of compute resources allowed.")),
                    ("requests", S.map(of: OpenAPINames.quantity, "Requests describes the minimum amount of compute resources required.")),
                ]
            ),
            c + "VolumeMount": S.object(
                "VolumeMount describes a mounting of a Volume within a container.",
                required: ["name", "mountPath"],
                [
                    ("mountPath", S.string("Path within the container at which the volume should be mounted. Must not contain ':'.")),
                    ("name", S.string("This must match the Name of a Volume.")),
                    ("readOnly", S.boolean("Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.")),
                    ("subPath", S.string("Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root).")),
                ]
            ),
            c + "Volume": S.object(
                "Volume represents a named volume in a pod that may be accessed by any container in the pod.",
                required: ["name"],
                [
                    ("configMap", S.opaque("configMap represents a configMap that should populate this volume")),
                    ("emptyDir", S.opaque("emptyDir represents a temporary directory that shares a pod's lifetime.")),
                    ("hostPath", S.opaque("hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container.")),
                    ("name", S.string("name of the volume. Must be a DNS_LABEL and unique within the pod.")),
                    ("persistentVolumeClaim", S.opaque("persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace.")),
                    ("secret", S.opaque("secret represents a secret that should populate this volume.")),
                ]
            ),
            c + "Toleration": S.object(
                "The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.",
                [
                    ("effect", S.string("Effect indicates the taint effect to match. Empty means match all taint effects.", values: ["NoExecute", "NoSchedule", "PreferNoSchedule"])),
                    ("key", S.string("Key is the taint key that the toleration applies to. Empty means match all taint keys.")),
                    ("operator", S.string("Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal.", values: ["Equal", "Exists"])),
                    ("tolerationSeconds", S.integer("TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute) tolerates the taint.", format: "int64")),
                    ("value", S.string("Value is the taint value the toleration matches to.")),
                ]
            ),
            c + "PodStatus": S.object(
                "PodStatus represents information about the status of a pod. Status may trail the actual state of a system.",
                [
                    ("conditions", S.array(of: c + "PodCondition", "Current service state of pod.")),
                    ("containerStatuses", S.array(of: c + "ContainerStatus", "The list has one entry per container in the manifest.")),
                    ("hostIP", S.string("hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet.")),
                    ("initContainerStatuses", S.array(of: c + "ContainerStatus", "The list has one entry per init container in the manifest.")),
                    ("message", S.string("A human readable message indicating details about why the pod is in this condition.")),
                    ("nominatedNodeName", S.string("nominatedNodeName is set only when this pod preempts other pods on the node.")),
                    ("phase", S.string("The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.", values: ["Failed", "Pending", "Running", "Succeeded", "Unknown"])),
                    ("podIP", S.string("podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.")),
                    ("qosClass", S.string("The Quality of Service (QOS) classification assigned to the pod based on resource requirements.", values: ["BestEffort", "Burstable", "Guaranteed"])),
                    ("reason", S.string("A brief CamelCase message indicating details about why the pod is in this state.")),
                    ("startTime", S.ref(OpenAPINames.time, "RFC 3339 date and time at which the object was acknowledged by the Kubelet.")),
                ]
            ),
            c + "PodCondition": S.object(
                "PodCondition contains details for the current condition of this pod.",
                required: ["type", "status"],
                [
                    ("lastProbeTime", S.ref(OpenAPINames.time, "Last time we probed the condition.")),
                    ("lastTransitionTime", S.ref(OpenAPINames.time, "Last time the condition transitioned from one status to another.")),
                    ("message", S.string("Human-readable message indicating details about last transition.")),
                    ("reason", S.string("Unique, one-word, CamelCase reason for the condition's last transition.")),
                    ("status", S.string("Status is the status of the condition. Can be True, False, Unknown.")),
                    ("type", S.string("Type is the type of the condition.")),
                ]
            ),
            c + "ContainerStatus": S.object(
                "ContainerStatus contains details for the current status of this container.",
                required: ["name", "ready", "restartCount", "image", "imageID"],
                [
                    ("containerID", S.string("ContainerID is the ID of the container in the format '<type>://<container_id>'.")),
                    ("image", S.string("Image is the name of container image that the container is running.")),
                    ("imageID", S.string("ImageID is the image ID of the container's image.")),
                    ("lastState", S.opaque("LastTerminationState holds the last termination state of the container.")),
                    ("name", S.string("Name is a DNS_LABEL representing the unique name of the container.")),
                    ("ready", S.boolean("Ready specifies whether the container is currently passing its readiness check.")),
                    ("restartCount", S.integer("RestartCount holds the number of times the container has been restarted.")),
                    ("started", S.boolean("Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.")),
                    ("state", S.opaque("State holds details about the container's current condition.")),
                ]
            ),
            c + "PodTemplateSpec": S.object(
                "PodTemplateSpec describes the data a pod should have when created from a template",
                [
                    ("metadata", S.ref(OpenAPINames.objectMeta, "Standard object's metadata.")),
                    ("spec", S.ref(c + "PodSpec", "Specification of the desired behavior of the pod.")),
                ]
            ),
        ]
    }()

    // MARK: Other core kinds

    static let coreOther: [String: JSONValue] = {
        let c = OpenAPINames.core
        let kinds = [
            Self.kind(
                Self.core("Service"),
                "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
                spec: (c + "ServiceSpec", "Spec defines the behavior of a service."),
                status: (c + "ServiceStatus", "Most recently observed status of the service. Populated by the system. Read-only.")
            ),
            Self.kind(
                Self.core("Node"),
                "Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).",
                spec: (c + "NodeSpec", "Spec defines the behavior of a node."),
                status: (c + "NodeStatus", "Most recently observed status of the node. Populated by the system. Read-only.")
            ),
            Self.kind(
                Self.core("Namespace"),
                "Namespace provides a scope for Names. Use of multiple namespaces is optional.",
                spec: (c + "NamespaceSpec", "Spec defines the behavior of the Namespace."),
                status: (c + "NamespaceStatus", "Status describes the current status of a Namespace.")
            ),
            Self.kind(
                Self.core("ConfigMap"),
                "ConfigMap holds configuration data for pods to consume.",
                extra: [
                    ("binaryData", ["description": "BinaryData contains the binary data.", "type": "object", "additionalProperties": ["type": "string", "format": "byte"]]),
                    ("data", S.stringMap("Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.")),
                    ("immutable", S.boolean("Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).")),
                ]
            ),
            Self.kind(
                Self.core("Secret"),
                "Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.",
                extra: [
                    ("data", ["description": "Data contains the secret data. The serialized form of the secret data is a base64 encoded string.", "type": "object", "additionalProperties": ["type": "string", "format": "byte"]]),
                    ("immutable", S.boolean("Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).")),
                    ("stringData", S.stringMap("stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience.")),
                    ("type", S.string("Used to facilitate programmatic handling of secret data.")),
                ]
            ),
            Self.kind(
                Self.core("PersistentVolumeClaim"),
                "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
                spec: (c + "PersistentVolumeClaimSpec", "spec defines the desired characteristics of a volume requested by a pod author."),
                status: (c + "PersistentVolumeClaimStatus", "status represents the current information/status of a persistent volume claim. Read-only.")
            ),
            Self.kind(
                Self.core("Event"),
                "Event is a report of an event somewhere in the cluster.",
                extra: [
                    ("count", S.integer("The number of times this event has occurred.")),
                    ("eventTime", S.ref(OpenAPINames.meta + "MicroTime", "Time when this Event was first observed.")),
                    ("firstTimestamp", S.ref(OpenAPINames.time, "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)")),
                    ("involvedObject", S.ref(c + "ObjectReference", "The object that this event is about.")),
                    ("lastTimestamp", S.ref(OpenAPINames.time, "The time at which the most recent occurrence of this event was recorded.")),
                    ("message", S.string("A human-readable description of the status of this operation.")),
                    ("reason", S.string("This should be a short, machine understandable string that gives the reason for the transition into the object's current status.")),
                    ("reportingComponent", S.string("Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.")),
                    ("reportingInstance", S.string("ID of the controller instance, e.g. `kubelet-xyzf`.")),
                    ("source", S.opaque("The component reporting this event. Should be a short machine understandable string.")),
                    ("type", S.string("Type of this event (Normal, Warning), new types could be added in the future")),
                ]
            ),
        ]
        var schemas = Dictionary(uniqueKeysWithValues: kinds)
        schemas[c + "ServiceSpec"] = S.object(
            "ServiceSpec describes the attributes that a user creates on a service.",
            [
                ("clusterIP", S.string("clusterIP is the IP address of the service and is usually assigned randomly.")),
                ("externalIPs", S.strings("externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.")),
                ("externalName", S.string("externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record).")),
                ("ports", S.array(of: c + "ServicePort", "The list of ports that are exposed by this service.")),
                ("selector", S.stringMap("Route service traffic to pods with label keys and values matching this selector.")),
                ("sessionAffinity", S.string("Supports \"ClientIP\" and \"None\". Used to maintain session affinity.", values: ["ClientIP", "None"])),
                ("type", S.string("type determines how the Service is exposed. Defaults to ClusterIP.", values: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"])),
            ]
        )
        schemas[c + "ServicePort"] = S.object(
            "ServicePort contains information on service's port.",
            required: ["port"],
            [
                ("name", S.string("The name of this port within the service. This must be a DNS_LABEL.")),
                ("nodePort", S.integer("The port on each node on which this service is exposed when type is NodePort or LoadBalancer.")),
                ("port", S.integer("The port that will be exposed by this service.")),
                ("protocol", S.string("The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP.", values: ["SCTP", "TCP", "UDP"])),
                ("targetPort", S.ref(OpenAPINames.intOrString, "Number or name of the port to access on the pods targeted by the service.")),
            ]
        )
        schemas[c + "ServiceStatus"] = S.object(
            "ServiceStatus represents the current status of a service.",
            [
                ("conditions", S.array(of: OpenAPINames.condition, "Current service state")),
                ("loadBalancer", S.opaque("LoadBalancer contains the current status of the load-balancer, if one is present.")),
            ]
        )
        schemas[c + "NodeSpec"] = S.object(
            "NodeSpec describes the attributes that a node is created with.",
            [
                ("podCIDR", S.string("PodCIDR represents the pod IP range assigned to the node.")),
                ("providerID", S.string("ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>")),
                ("taints", S.array(of: c + "Taint", "If specified, the node's taints.")),
                ("unschedulable", S.boolean("Unschedulable controls node schedulability of new pods. By default, node is schedulable.")),
            ]
        )
        schemas[c + "Taint"] = S.object(
            "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint.",
            required: ["key", "effect"],
            [
                ("effect", S.string("Required. The effect of the taint on pods that do not tolerate the taint.", values: ["NoExecute", "NoSchedule", "PreferNoSchedule"])),
                ("key", S.string("Required. The taint key to be applied to a node.")),
                ("timeAdded", S.ref(OpenAPINames.time, "TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints.")),
                ("value", S.string("The taint value corresponding to the taint key.")),
            ]
        )
        schemas[c + "NodeStatus"] = S.object(
            "NodeStatus is information about the current status of a node.",
            [
                ("addresses", S.opaque("List of addresses reachable to the node.")),
                ("allocatable", S.map(of: OpenAPINames.quantity, "Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.")),
                ("capacity", S.map(of: OpenAPINames.quantity, "Capacity represents the total resources of a node.")),
                ("conditions", S.opaque("Conditions is an array of current observed node conditions.")),
                ("nodeInfo", S.opaque("Set of ids/uuids to uniquely identify the node.")),
            ]
        )
        schemas[c + "NamespaceSpec"] = S.object(
            "NamespaceSpec describes the attributes on a Namespace.",
            [("finalizers", S.strings("Finalizers is an opaque list of values that must be empty to permanently remove object from storage."))]
        )
        schemas[c + "NamespaceStatus"] = S.object(
            "NamespaceStatus is information about the current status of a Namespace.",
            [
                ("conditions", S.opaque("Represents the latest available observations of a namespace's current state.")),
                ("phase", S.string("Phase is the current lifecycle phase of the namespace.", values: ["Active", "Terminating"])),
            ]
        )
        schemas[c + "PersistentVolumeClaimSpec"] = S.object(
            "PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes",
            [
                ("accessModes", S.strings("accessModes contains the desired access modes the volume should have.")),
                ("resources", S.opaque("resources represents the minimum resources the volume should have.")),
                ("selector", S.ref(OpenAPINames.labelSelector, "selector is a label query over volumes to consider for binding.")),
                ("storageClassName", S.string("storageClassName is the name of the StorageClass required by the claim.")),
                ("volumeMode", S.string("volumeMode defines what type of volume is required by the claim.", values: ["Block", "Filesystem"])),
                ("volumeName", S.string("volumeName is the binding reference to the PersistentVolume backing this claim.")),
            ]
        )
        schemas[c + "PersistentVolumeClaimStatus"] = S.object(
            "PersistentVolumeClaimStatus is the current status of a persistent volume claim.",
            [
                ("accessModes", S.strings("accessModes contains the actual access modes the volume backing the PVC has.")),
                ("capacity", S.map(of: OpenAPINames.quantity, "capacity represents the actual resources of the underlying volume.")),
                ("phase", S.string("phase represents the current phase of PersistentVolumeClaim.", values: ["Bound", "Lost", "Pending"])),
            ]
        )
        schemas[c + "ObjectReference"] = S.object(
            "ObjectReference contains enough information to let you inspect or modify the referred object.",
            [
                ("apiVersion", S.string("API version of the referent.")),
                ("fieldPath", S.string("If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.")),
                ("kind", S.string("Kind of the referent.")),
                ("name", S.string("Name of the referent.")),
                ("namespace", S.string("Namespace of the referent.")),
                ("resourceVersion", S.string("Specific resourceVersion to which this reference is made, if any.")),
                ("uid", S.string("UID of the referent.")),
            ]
        )
        return schemas
    }()
}
