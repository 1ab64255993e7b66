extension ProtobufSchema {
    /// Every `core/v1` message the decoder knows.
    static let coreV1Messages: [ProtobufMessage] = [
        Self.coreV1AWSElasticBlockStoreVolumeSource,
        Self.coreV1Affinity,
        Self.coreV1AppArmorProfile,
        Self.coreV1AzureDiskVolumeSource,
        Self.coreV1AzureFileVolumeSource,
        Self.coreV1CSIVolumeSource,
        Self.coreV1Capabilities,
        Self.coreV1CephFSVolumeSource,
        Self.coreV1CinderVolumeSource,
        Self.coreV1ClientIPConfig,
        Self.coreV1ClusterTrustBundleProjection,
        Self.coreV1ConfigMap,
        Self.coreV1ConfigMapEnvSource,
        Self.coreV1ConfigMapKeySelector,
        Self.coreV1ConfigMapProjection,
        Self.coreV1ConfigMapVolumeSource,
        Self.coreV1Container,
        Self.coreV1ContainerExtendedResourceRequest,
        Self.coreV1ContainerPort,
        Self.coreV1ContainerResizePolicy,
        Self.coreV1ContainerRestartRule,
        Self.coreV1ContainerRestartRuleOnExitCodes,
        Self.coreV1ContainerState,
        Self.coreV1ContainerStateRunning,
        Self.coreV1ContainerStateTerminated,
        Self.coreV1ContainerStateWaiting,
        Self.coreV1ContainerStatus,
        Self.coreV1ContainerUser,
        Self.coreV1DownwardAPIProjection,
        Self.coreV1DownwardAPIVolumeFile,
        Self.coreV1DownwardAPIVolumeSource,
        Self.coreV1EmptyDirVolumeSource,
        Self.coreV1EndpointAddress,
        Self.coreV1EndpointPort,
        Self.coreV1EndpointSubset,
        Self.coreV1Endpoints,
        Self.coreV1EnvFromSource,
        Self.coreV1EnvVar,
        Self.coreV1EnvVarSource,
        Self.coreV1EphemeralContainer,
        Self.coreV1EphemeralContainerCommon,
        Self.coreV1EphemeralVolumeSource,
        Self.coreV1Event,
        Self.coreV1EventSeries,
        Self.coreV1EventSource,
        Self.coreV1ExecAction,
        Self.coreV1FCVolumeSource,
        Self.coreV1FileKeySelector,
        Self.coreV1FlexVolumeSource,
        Self.coreV1FlockerVolumeSource,
        Self.coreV1GCEPersistentDiskVolumeSource,
        Self.coreV1GRPCAction,
        Self.coreV1GitRepoVolumeSource,
        Self.coreV1GlusterfsVolumeSource,
        Self.coreV1HTTPGetAction,
        Self.coreV1HTTPHeader,
        Self.coreV1HostAlias,
        Self.coreV1HostIP,
        Self.coreV1HostPathVolumeSource,
        Self.coreV1ISCSIVolumeSource,
        Self.coreV1ImageVolumeSource,
        Self.coreV1ImageVolumeStatus,
        Self.coreV1KeyToPath,
        Self.coreV1Lifecycle,
        Self.coreV1LifecycleHandler,
        Self.coreV1LinuxContainerUser,
        Self.coreV1LoadBalancerIngress,
        Self.coreV1LoadBalancerStatus,
        Self.coreV1LocalObjectReference,
        Self.coreV1ModifyVolumeStatus,
        Self.coreV1NFSVolumeSource,
        Self.coreV1Namespace,
        Self.coreV1NamespaceCondition,
        Self.coreV1NamespaceSpec,
        Self.coreV1NamespaceStatus,
        Self.coreV1NodeAffinity,
        Self.coreV1NodeAllocatableResourceClaimStatus,
        Self.coreV1NodeSelector,
        Self.coreV1NodeSelectorRequirement,
        Self.coreV1NodeSelectorTerm,
        Self.coreV1ObjectFieldSelector,
        Self.coreV1ObjectReference,
        Self.coreV1PersistentVolumeClaim,
        Self.coreV1PersistentVolumeClaimCondition,
        Self.coreV1PersistentVolumeClaimSpec,
        Self.coreV1PersistentVolumeClaimStatus,
        Self.coreV1PersistentVolumeClaimTemplate,
        Self.coreV1PersistentVolumeClaimVolumeSource,
        Self.coreV1PhotonPersistentDiskVolumeSource,
        Self.coreV1Pod,
        Self.coreV1PodAffinity,
        Self.coreV1PodAffinityTerm,
        Self.coreV1PodAntiAffinity,
        Self.coreV1PodCertificateProjection,
        Self.coreV1PodCondition,
        Self.coreV1PodDNSConfig,
        Self.coreV1PodDNSConfigOption,
        Self.coreV1PodExtendedResourceClaimStatus,
        Self.coreV1PodIP,
        Self.coreV1PodOS,
        Self.coreV1PodReadinessGate,
        Self.coreV1PodResourceClaim,
        Self.coreV1PodResourceClaimStatus,
        Self.coreV1PodSchedulingGate,
        Self.coreV1PodSchedulingGroup,
        Self.coreV1PodSecurityContext,
        Self.coreV1PodSpec,
        Self.coreV1PodStatus,
        Self.coreV1PodTemplate,
        Self.coreV1PodTemplateSpec,
        Self.coreV1PortStatus,
        Self.coreV1PortworxVolumeSource,
        Self.coreV1PreferredSchedulingTerm,
        Self.coreV1Probe,
        Self.coreV1ProbeHandler,
        Self.coreV1ProjectedVolumeSource,
        Self.coreV1QuobyteVolumeSource,
        Self.coreV1RBDVolumeSource,
        Self.coreV1ResourceClaim,
        Self.coreV1ResourceFieldSelector,
        Self.coreV1ResourceHealth,
        Self.coreV1ResourceRequirements,
        Self.coreV1ResourceStatus,
        Self.coreV1SELinuxOptions,
        Self.coreV1ScaleIOVolumeSource,
        Self.coreV1SeccompProfile,
        Self.coreV1Secret,
        Self.coreV1SecretEnvSource,
        Self.coreV1SecretKeySelector,
        Self.coreV1SecretProjection,
        Self.coreV1SecretVolumeSource,
        Self.coreV1SecurityContext,
        Self.coreV1Service,
        Self.coreV1ServiceAccount,
        Self.coreV1ServiceAccountTokenProjection,
        Self.coreV1ServicePort,
        Self.coreV1ServiceSpec,
        Self.coreV1ServiceStatus,
        Self.coreV1SessionAffinityConfig,
        Self.coreV1SleepAction,
        Self.coreV1StorageOSVolumeSource,
        Self.coreV1Sysctl,
        Self.coreV1TCPSocketAction,
        Self.coreV1Toleration,
        Self.coreV1TopologySpreadConstraint,
        Self.coreV1TypedLocalObjectReference,
        Self.coreV1TypedObjectReference,
        Self.coreV1Volume,
        Self.coreV1VolumeDevice,
        Self.coreV1VolumeMount,
        Self.coreV1VolumeMountStatus,
        Self.coreV1VolumeProjection,
        Self.coreV1VolumeResourceRequirements,
        Self.coreV1VolumeSource,
        Self.coreV1VolumeStatus,
        Self.coreV1VsphereVirtualDiskVolumeSource,
        Self.coreV1WeightedPodAffinityTerm,
        Self.coreV1WindowsSecurityContextOptions,
    ]

    /// `AWSElasticBlockStoreVolumeSource` (`k8s.io.api.core.v1.AWSElasticBlockStoreVolumeSource`).
    static let coreV1AWSElasticBlockStoreVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.AWSElasticBlockStoreVolumeSource",
        fields: [
            ProtobufField(1, "volumeID", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "partition", .int32, .single, .omitEmpty),
            ProtobufField(4, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `Affinity` (`k8s.io.api.core.v1.Affinity`).
    static let coreV1Affinity = ProtobufMessage(
        "k8s.io.api.core.v1.Affinity",
        fields: [
            ProtobufField(1, "nodeAffinity", .message("k8s.io.api.core.v1.NodeAffinity"), .single, .optional),
            ProtobufField(2, "podAffinity", .message("k8s.io.api.core.v1.PodAffinity"), .single, .optional),
            ProtobufField(3, "podAntiAffinity", .message("k8s.io.api.core.v1.PodAntiAffinity"), .single, .optional),
        ]
    )

    /// `AppArmorProfile` (`k8s.io.api.core.v1.AppArmorProfile`).
    static let coreV1AppArmorProfile = ProtobufMessage(
        "k8s.io.api.core.v1.AppArmorProfile",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "localhostProfile", .string, .single, .optional),
        ]
    )

    /// `AzureDiskVolumeSource` (`k8s.io.api.core.v1.AzureDiskVolumeSource`).
    static let coreV1AzureDiskVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.AzureDiskVolumeSource",
        fields: [
            ProtobufField(1, "diskName", .string, .single, .always),
            ProtobufField(2, "diskURI", .string, .single, .always),
            ProtobufField(3, "cachingMode", .string, .single, .optional),
            ProtobufField(4, "fsType", .string, .single, .optional),
            ProtobufField(5, "readOnly", .bool, .single, .optional),
            ProtobufField(6, "kind", .string, .single, .optional),
        ]
    )

    /// `AzureFileVolumeSource` (`k8s.io.api.core.v1.AzureFileVolumeSource`).
    static let coreV1AzureFileVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.AzureFileVolumeSource",
        fields: [
            ProtobufField(1, "secretName", .string, .single, .always),
            ProtobufField(2, "shareName", .string, .single, .always),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `CSIVolumeSource` (`k8s.io.api.core.v1.CSIVolumeSource`).
    static let coreV1CSIVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.CSIVolumeSource",
        fields: [
            ProtobufField(1, "driver", .string, .single, .always),
            ProtobufField(2, "readOnly", .bool, .single, .optional),
            ProtobufField(3, "fsType", .string, .single, .optional),
            ProtobufField(4, "volumeAttributes", .string, .map, .omitEmpty),
            ProtobufField(
                5, "nodePublishSecretRef", .message("k8s.io.api.core.v1.LocalObjectReference"),
                .single, .optional
            ),
        ]
    )

    /// `Capabilities` (`k8s.io.api.core.v1.Capabilities`).
    static let coreV1Capabilities = ProtobufMessage(
        "k8s.io.api.core.v1.Capabilities",
        fields: [
            ProtobufField(1, "add", .string, .repeated, .omitEmpty),
            ProtobufField(2, "drop", .string, .repeated, .omitEmpty),
        ]
    )

    /// `CephFSVolumeSource` (`k8s.io.api.core.v1.CephFSVolumeSource`).
    static let coreV1CephFSVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.CephFSVolumeSource",
        fields: [
            ProtobufField(1, "monitors", .string, .repeated, .always),
            ProtobufField(2, "path", .string, .single, .omitEmpty),
            ProtobufField(3, "user", .string, .single, .omitEmpty),
            ProtobufField(4, "secretFile", .string, .single, .omitEmpty),
            ProtobufField(5, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
            ProtobufField(6, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `CinderVolumeSource` (`k8s.io.api.core.v1.CinderVolumeSource`).
    static let coreV1CinderVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.CinderVolumeSource",
        fields: [
            ProtobufField(1, "volumeID", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(4, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
        ]
    )

    /// `ClientIPConfig` (`k8s.io.api.core.v1.ClientIPConfig`).
    static let coreV1ClientIPConfig = ProtobufMessage(
        "k8s.io.api.core.v1.ClientIPConfig",
        fields: [
            ProtobufField(1, "timeoutSeconds", .int32, .single, .optional),
        ]
    )

    /// `ClusterTrustBundleProjection` (`k8s.io.api.core.v1.ClusterTrustBundleProjection`).
    static let coreV1ClusterTrustBundleProjection = ProtobufMessage(
        "k8s.io.api.core.v1.ClusterTrustBundleProjection",
        fields: [
            ProtobufField(1, "name", .string, .single, .optional),
            ProtobufField(2, "signerName", .string, .single, .optional),
            ProtobufField(
                3, "labelSelector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(5, "optional", .bool, .single, .optional),
            ProtobufField(4, "path", .string, .single, .always),
        ]
    )

    /// `ConfigMap` (`k8s.io.api.core.v1.ConfigMap`).
    static let coreV1ConfigMap = ProtobufMessage(
        "k8s.io.api.core.v1.ConfigMap",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(4, "immutable", .bool, .single, .optional),
            ProtobufField(2, "data", .string, .map, .omitEmpty),
            ProtobufField(3, "binaryData", .bytes, .map, .omitEmpty),
        ]
    )

    /// `ConfigMapEnvSource` (`k8s.io.api.core.v1.ConfigMapEnvSource`).
    static let coreV1ConfigMapEnvSource = ProtobufMessage(
        "k8s.io.api.core.v1.ConfigMapEnvSource",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "optional", .bool, .single, .optional),
        ]
    )

    /// `ConfigMapKeySelector` (`k8s.io.api.core.v1.ConfigMapKeySelector`).
    static let coreV1ConfigMapKeySelector = ProtobufMessage(
        "k8s.io.api.core.v1.ConfigMapKeySelector",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "key", .string, .single, .always),
            ProtobufField(3, "optional", .bool, .single, .optional),
        ]
    )

    /// `ConfigMapProjection` (`k8s.io.api.core.v1.ConfigMapProjection`).
    static let coreV1ConfigMapProjection = ProtobufMessage(
        "k8s.io.api.core.v1.ConfigMapProjection",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "items", .message("k8s.io.api.core.v1.KeyToPath"), .repeated, .omitEmpty),
            ProtobufField(4, "optional", .bool, .single, .optional),
        ]
    )

    /// `ConfigMapVolumeSource` (`k8s.io.api.core.v1.ConfigMapVolumeSource`).
    static let coreV1ConfigMapVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.ConfigMapVolumeSource",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "items", .message("k8s.io.api.core.v1.KeyToPath"), .repeated, .omitEmpty),
            ProtobufField(3, "defaultMode", .int32, .single, .optional),
            ProtobufField(4, "optional", .bool, .single, .optional),
        ]
    )

    /// `Container` (`k8s.io.api.core.v1.Container`).
    static let coreV1Container = ProtobufMessage(
        "k8s.io.api.core.v1.Container",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "image", .string, .single, .omitEmpty),
            ProtobufField(3, "command", .string, .repeated, .omitEmpty),
            ProtobufField(4, "args", .string, .repeated, .omitEmpty),
            ProtobufField(5, "workingDir", .string, .single, .omitEmpty),
            ProtobufField(6, "ports", .message("k8s.io.api.core.v1.ContainerPort"), .repeated, .omitEmpty),
            ProtobufField(19, "envFrom", .message("k8s.io.api.core.v1.EnvFromSource"), .repeated, .omitEmpty),
            ProtobufField(7, "env", .message("k8s.io.api.core.v1.EnvVar"), .repeated, .omitEmpty),
            ProtobufField(8, "resources", .message("k8s.io.api.core.v1.ResourceRequirements"), .single, .omitEmpty),
            ProtobufField(
                23, "resizePolicy", .message("k8s.io.api.core.v1.ContainerResizePolicy"),
                .repeated, .omitEmpty
            ),
            ProtobufField(24, "restartPolicy", .string, .single, .optional),
            ProtobufField(
                25, "restartPolicyRules", .message("k8s.io.api.core.v1.ContainerRestartRule"),
                .repeated, .omitEmpty
            ),
            ProtobufField(9, "volumeMounts", .message("k8s.io.api.core.v1.VolumeMount"), .repeated, .omitEmpty),
            ProtobufField(21, "volumeDevices", .message("k8s.io.api.core.v1.VolumeDevice"), .repeated, .omitEmpty),
            ProtobufField(10, "livenessProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(11, "readinessProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(22, "startupProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(12, "lifecycle", .message("k8s.io.api.core.v1.Lifecycle"), .single, .optional),
            ProtobufField(13, "terminationMessagePath", .string, .single, .omitEmpty),
            ProtobufField(20, "terminationMessagePolicy", .string, .single, .omitEmpty),
            ProtobufField(14, "imagePullPolicy", .string, .single, .omitEmpty),
            ProtobufField(15, "securityContext", .message("k8s.io.api.core.v1.SecurityContext"), .single, .optional),
            ProtobufField(16, "stdin", .bool, .single, .omitEmpty),
            ProtobufField(17, "stdinOnce", .bool, .single, .omitEmpty),
            ProtobufField(18, "tty", .bool, .single, .omitEmpty),
        ]
    )

    /// `ContainerExtendedResourceRequest` (`k8s.io.api.core.v1.ContainerExtendedResourceRequest`).
    static let coreV1ContainerExtendedResourceRequest = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerExtendedResourceRequest",
        fields: [
            ProtobufField(1, "containerName", .string, .single, .always),
            ProtobufField(2, "resourceName", .string, .single, .always),
            ProtobufField(3, "requestName", .string, .single, .always),
        ]
    )

    /// `ContainerPort` (`k8s.io.api.core.v1.ContainerPort`).
    static let coreV1ContainerPort = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerPort",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
            ProtobufField(2, "hostPort", .int32, .single, .omitEmpty),
            ProtobufField(3, "containerPort", .int32, .single, .always),
            ProtobufField(4, "protocol", .string, .single, .omitEmpty),
            ProtobufField(5, "hostIP", .string, .single, .omitEmpty),
        ]
    )

    /// `ContainerResizePolicy` (`k8s.io.api.core.v1.ContainerResizePolicy`).
    static let coreV1ContainerResizePolicy = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerResizePolicy",
        fields: [
            ProtobufField(1, "resourceName", .string, .single, .always),
            ProtobufField(2, "restartPolicy", .string, .single, .always),
        ]
    )

    /// `ContainerRestartRule` (`k8s.io.api.core.v1.ContainerRestartRule`).
    static let coreV1ContainerRestartRule = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerRestartRule",
        fields: [
            ProtobufField(1, "action", .string, .single, .omitEmpty),
            ProtobufField(
                2, "exitCodes", .message("k8s.io.api.core.v1.ContainerRestartRuleOnExitCodes"),
                .single, .optional
            ),
        ]
    )

    /// `ContainerRestartRuleOnExitCodes` (`k8s.io.api.core.v1.ContainerRestartRuleOnExitCodes`).
    static let coreV1ContainerRestartRuleOnExitCodes = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerRestartRuleOnExitCodes",
        fields: [
            ProtobufField(1, "operator", .string, .single, .omitEmpty),
            ProtobufField(2, "values", .int32, .repeated, .omitEmpty),
        ]
    )

    /// `ContainerState` (`k8s.io.api.core.v1.ContainerState`).
    static let coreV1ContainerState = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerState",
        fields: [
            ProtobufField(1, "waiting", .message("k8s.io.api.core.v1.ContainerStateWaiting"), .single, .optional),
            ProtobufField(2, "running", .message("k8s.io.api.core.v1.ContainerStateRunning"), .single, .optional),
            ProtobufField(3, "terminated", .message("k8s.io.api.core.v1.ContainerStateTerminated"), .single, .optional),
        ]
    )

    /// `ContainerStateRunning` (`k8s.io.api.core.v1.ContainerStateRunning`).
    static let coreV1ContainerStateRunning = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerStateRunning",
        fields: [
            ProtobufField(1, "startedAt", .time, .single, .omitEmpty),
        ]
    )

    /// `ContainerStateTerminated` (`k8s.io.api.core.v1.ContainerStateTerminated`).
    static let coreV1ContainerStateTerminated = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerStateTerminated",
        fields: [
            ProtobufField(1, "exitCode", .int32, .single, .always),
            ProtobufField(2, "signal", .int32, .single, .omitEmpty),
            ProtobufField(3, "reason", .string, .single, .omitEmpty),
            ProtobufField(4, "message", .string, .single, .omitEmpty),
            ProtobufField(5, "startedAt", .time, .single, .omitEmpty),
            ProtobufField(6, "finishedAt", .time, .single, .omitEmpty),
            ProtobufField(7, "containerID", .string, .single, .omitEmpty),
        ]
    )

    /// `ContainerStateWaiting` (`k8s.io.api.core.v1.ContainerStateWaiting`).
    static let coreV1ContainerStateWaiting = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerStateWaiting",
        fields: [
            ProtobufField(1, "reason", .string, .single, .omitEmpty),
            ProtobufField(2, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `ContainerStatus` (`k8s.io.api.core.v1.ContainerStatus`).
    static let coreV1ContainerStatus = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerStatus",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "state", .message("k8s.io.api.core.v1.ContainerState"), .single, .omitEmpty),
            ProtobufField(3, "lastState", .message("k8s.io.api.core.v1.ContainerState"), .single, .omitEmpty),
            ProtobufField(4, "ready", .bool, .single, .always),
            ProtobufField(5, "restartCount", .int32, .single, .always),
            ProtobufField(6, "image", .string, .single, .always),
            ProtobufField(7, "imageID", .string, .single, .always),
            ProtobufField(8, "containerID", .string, .single, .omitEmpty),
            ProtobufField(9, "started", .bool, .single, .optional),
            ProtobufField(10, "allocatedResources", .quantity, .map, .omitEmpty),
            ProtobufField(11, "resources", .message("k8s.io.api.core.v1.ResourceRequirements"), .single, .optional),
            ProtobufField(12, "volumeMounts", .message("k8s.io.api.core.v1.VolumeMountStatus"), .repeated, .omitEmpty),
            ProtobufField(13, "user", .message("k8s.io.api.core.v1.ContainerUser"), .single, .optional),
            ProtobufField(
                14, "allocatedResourcesStatus", .message("k8s.io.api.core.v1.ResourceStatus"),
                .repeated, .omitEmpty
            ),
            ProtobufField(15, "stopSignal", .string, .single, .optional),
        ]
    )

    /// `ContainerUser` (`k8s.io.api.core.v1.ContainerUser`).
    static let coreV1ContainerUser = ProtobufMessage(
        "k8s.io.api.core.v1.ContainerUser",
        fields: [
            ProtobufField(1, "linux", .message("k8s.io.api.core.v1.LinuxContainerUser"), .single, .optional),
        ]
    )

    /// `DownwardAPIProjection` (`k8s.io.api.core.v1.DownwardAPIProjection`).
    static let coreV1DownwardAPIProjection = ProtobufMessage(
        "k8s.io.api.core.v1.DownwardAPIProjection",
        fields: [
            ProtobufField(1, "items", .message("k8s.io.api.core.v1.DownwardAPIVolumeFile"), .repeated, .omitEmpty),
        ]
    )

    /// `DownwardAPIVolumeFile` (`k8s.io.api.core.v1.DownwardAPIVolumeFile`).
    static let coreV1DownwardAPIVolumeFile = ProtobufMessage(
        "k8s.io.api.core.v1.DownwardAPIVolumeFile",
        fields: [
            ProtobufField(1, "path", .string, .single, .always),
            ProtobufField(2, "fieldRef", .message("k8s.io.api.core.v1.ObjectFieldSelector"), .single, .optional),
            ProtobufField(
                3, "resourceFieldRef", .message("k8s.io.api.core.v1.ResourceFieldSelector"),
                .single, .optional
            ),
            ProtobufField(4, "mode", .int32, .single, .optional),
        ]
    )

    /// `DownwardAPIVolumeSource` (`k8s.io.api.core.v1.DownwardAPIVolumeSource`).
    static let coreV1DownwardAPIVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.DownwardAPIVolumeSource",
        fields: [
            ProtobufField(1, "items", .message("k8s.io.api.core.v1.DownwardAPIVolumeFile"), .repeated, .omitEmpty),
            ProtobufField(2, "defaultMode", .int32, .single, .optional),
        ]
    )

    /// `EmptyDirVolumeSource` (`k8s.io.api.core.v1.EmptyDirVolumeSource`).
    static let coreV1EmptyDirVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.EmptyDirVolumeSource",
        fields: [
            ProtobufField(1, "medium", .string, .single, .omitEmpty),
            ProtobufField(2, "sizeLimit", .quantity, .single, .optional),
        ]
    )

    /// `EndpointAddress` (`k8s.io.api.core.v1.EndpointAddress`).
    static let coreV1EndpointAddress = ProtobufMessage(
        "k8s.io.api.core.v1.EndpointAddress",
        fields: [
            ProtobufField(1, "ip", .string, .single, .always),
            ProtobufField(3, "hostname", .string, .single, .omitEmpty),
            ProtobufField(4, "nodeName", .string, .single, .optional),
            ProtobufField(2, "targetRef", .message("k8s.io.api.core.v1.ObjectReference"), .single, .optional),
        ]
    )

    /// `EndpointPort` (`k8s.io.api.core.v1.EndpointPort`).
    static let coreV1EndpointPort = ProtobufMessage(
        "k8s.io.api.core.v1.EndpointPort",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
            ProtobufField(2, "port", .int32, .single, .always),
            ProtobufField(3, "protocol", .string, .single, .omitEmpty),
            ProtobufField(4, "appProtocol", .string, .single, .optional),
        ]
    )

    /// `EndpointSubset` (`k8s.io.api.core.v1.EndpointSubset`).
    static let coreV1EndpointSubset = ProtobufMessage(
        "k8s.io.api.core.v1.EndpointSubset",
        fields: [
            ProtobufField(1, "addresses", .message("k8s.io.api.core.v1.EndpointAddress"), .repeated, .omitEmpty),
            ProtobufField(
                2, "notReadyAddresses", .message("k8s.io.api.core.v1.EndpointAddress"),
                .repeated, .omitEmpty
            ),
            ProtobufField(3, "ports", .message("k8s.io.api.core.v1.EndpointPort"), .repeated, .omitEmpty),
        ]
    )

    /// `Endpoints` (`k8s.io.api.core.v1.Endpoints`).
    static let coreV1Endpoints = ProtobufMessage(
        "k8s.io.api.core.v1.Endpoints",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "subsets", .message("k8s.io.api.core.v1.EndpointSubset"), .repeated, .omitEmpty),
        ]
    )

    /// `EnvFromSource` (`k8s.io.api.core.v1.EnvFromSource`).
    static let coreV1EnvFromSource = ProtobufMessage(
        "k8s.io.api.core.v1.EnvFromSource",
        fields: [
            ProtobufField(1, "prefix", .string, .single, .omitEmpty),
            ProtobufField(2, "configMapRef", .message("k8s.io.api.core.v1.ConfigMapEnvSource"), .single, .optional),
            ProtobufField(3, "secretRef", .message("k8s.io.api.core.v1.SecretEnvSource"), .single, .optional),
        ]
    )

    /// `EnvVar` (`k8s.io.api.core.v1.EnvVar`).
    static let coreV1EnvVar = ProtobufMessage(
        "k8s.io.api.core.v1.EnvVar",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "value", .string, .single, .omitEmpty),
            ProtobufField(3, "valueFrom", .message("k8s.io.api.core.v1.EnvVarSource"), .single, .optional),
        ]
    )

    /// `EnvVarSource` (`k8s.io.api.core.v1.EnvVarSource`).
    static let coreV1EnvVarSource = ProtobufMessage(
        "k8s.io.api.core.v1.EnvVarSource",
        fields: [
            ProtobufField(1, "fieldRef", .message("k8s.io.api.core.v1.ObjectFieldSelector"), .single, .optional),
            ProtobufField(
                2, "resourceFieldRef", .message("k8s.io.api.core.v1.ResourceFieldSelector"),
                .single, .optional
            ),
            ProtobufField(
                3, "configMapKeyRef", .message("k8s.io.api.core.v1.ConfigMapKeySelector"),
                .single, .optional
            ),
            ProtobufField(4, "secretKeyRef", .message("k8s.io.api.core.v1.SecretKeySelector"), .single, .optional),
            ProtobufField(5, "fileKeyRef", .message("k8s.io.api.core.v1.FileKeySelector"), .single, .optional),
        ]
    )

    /// `EphemeralContainer` (`k8s.io.api.core.v1.EphemeralContainer`).
    static let coreV1EphemeralContainer = ProtobufMessage(
        "k8s.io.api.core.v1.EphemeralContainer",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.EphemeralContainerCommon"), .single, .inline),
            ProtobufField(2, "targetContainerName", .string, .single, .omitEmpty),
        ]
    )

    /// `EphemeralContainerCommon` (`k8s.io.api.core.v1.EphemeralContainerCommon`).
    static let coreV1EphemeralContainerCommon = ProtobufMessage(
        "k8s.io.api.core.v1.EphemeralContainerCommon",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "image", .string, .single, .omitEmpty),
            ProtobufField(3, "command", .string, .repeated, .omitEmpty),
            ProtobufField(4, "args", .string, .repeated, .omitEmpty),
            ProtobufField(5, "workingDir", .string, .single, .omitEmpty),
            ProtobufField(6, "ports", .message("k8s.io.api.core.v1.ContainerPort"), .repeated, .omitEmpty),
            ProtobufField(19, "envFrom", .message("k8s.io.api.core.v1.EnvFromSource"), .repeated, .omitEmpty),
            ProtobufField(7, "env", .message("k8s.io.api.core.v1.EnvVar"), .repeated, .omitEmpty),
            ProtobufField(8, "resources", .message("k8s.io.api.core.v1.ResourceRequirements"), .single, .omitEmpty),
            ProtobufField(
                23, "resizePolicy", .message("k8s.io.api.core.v1.ContainerResizePolicy"),
                .repeated, .omitEmpty
            ),
            ProtobufField(24, "restartPolicy", .string, .single, .optional),
            ProtobufField(
                25, "restartPolicyRules", .message("k8s.io.api.core.v1.ContainerRestartRule"),
                .repeated, .omitEmpty
            ),
            ProtobufField(9, "volumeMounts", .message("k8s.io.api.core.v1.VolumeMount"), .repeated, .omitEmpty),
            ProtobufField(21, "volumeDevices", .message("k8s.io.api.core.v1.VolumeDevice"), .repeated, .omitEmpty),
            ProtobufField(10, "livenessProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(11, "readinessProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(22, "startupProbe", .message("k8s.io.api.core.v1.Probe"), .single, .optional),
            ProtobufField(12, "lifecycle", .message("k8s.io.api.core.v1.Lifecycle"), .single, .optional),
            ProtobufField(13, "terminationMessagePath", .string, .single, .omitEmpty),
            ProtobufField(20, "terminationMessagePolicy", .string, .single, .omitEmpty),
            ProtobufField(14, "imagePullPolicy", .string, .single, .omitEmpty),
            ProtobufField(15, "securityContext", .message("k8s.io.api.core.v1.SecurityContext"), .single, .optional),
            ProtobufField(16, "stdin", .bool, .single, .omitEmpty),
            ProtobufField(17, "stdinOnce", .bool, .single, .omitEmpty),
            ProtobufField(18, "tty", .bool, .single, .omitEmpty),
        ]
    )

    /// `EphemeralVolumeSource` (`k8s.io.api.core.v1.EphemeralVolumeSource`).
    static let coreV1EphemeralVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.EphemeralVolumeSource",
        fields: [
            ProtobufField(
                1, "volumeClaimTemplate", .message("k8s.io.api.core.v1.PersistentVolumeClaimTemplate"),
                .single, .optional
            ),
        ]
    )

    /// `Event` (`k8s.io.api.core.v1.Event`).
    static let coreV1Event = ProtobufMessage(
        "k8s.io.api.core.v1.Event",
        fields: [
            ProtobufField(1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"), .single, .always),
            ProtobufField(2, "involvedObject", .message("k8s.io.api.core.v1.ObjectReference"), .single, .always),
            ProtobufField(3, "reason", .string, .single, .omitEmpty),
            ProtobufField(4, "message", .string, .single, .omitEmpty),
            ProtobufField(5, "source", .message("k8s.io.api.core.v1.EventSource"), .single, .omitEmpty),
            ProtobufField(6, "firstTimestamp", .time, .single, .omitEmpty),
            ProtobufField(7, "lastTimestamp", .time, .single, .omitEmpty),
            ProtobufField(8, "count", .int32, .single, .omitEmpty),
            ProtobufField(9, "type", .string, .single, .omitEmpty),
            ProtobufField(10, "eventTime", .microTime, .single, .omitEmpty),
            ProtobufField(11, "series", .message("k8s.io.api.core.v1.EventSeries"), .single, .optional),
            ProtobufField(12, "action", .string, .single, .omitEmpty),
            ProtobufField(13, "related", .message("k8s.io.api.core.v1.ObjectReference"), .single, .optional),
            ProtobufField(14, "reportingComponent", .string, .single, .always),
            ProtobufField(15, "reportingInstance", .string, .single, .always),
        ]
    )

    /// `EventSeries` (`k8s.io.api.core.v1.EventSeries`).
    static let coreV1EventSeries = ProtobufMessage(
        "k8s.io.api.core.v1.EventSeries",
        fields: [
            ProtobufField(1, "count", .int32, .single, .omitEmpty),
            ProtobufField(2, "lastObservedTime", .microTime, .single, .omitEmpty),
        ]
    )

    /// `EventSource` (`k8s.io.api.core.v1.EventSource`).
    static let coreV1EventSource = ProtobufMessage(
        "k8s.io.api.core.v1.EventSource",
        fields: [
            ProtobufField(1, "component", .string, .single, .omitEmpty),
            ProtobufField(2, "host", .string, .single, .omitEmpty),
        ]
    )

    /// `ExecAction` (`k8s.io.api.core.v1.ExecAction`).
    static let coreV1ExecAction = ProtobufMessage(
        "k8s.io.api.core.v1.ExecAction",
        fields: [
            ProtobufField(1, "command", .string, .repeated, .omitEmpty),
        ]
    )

    /// `FCVolumeSource` (`k8s.io.api.core.v1.FCVolumeSource`).
    static let coreV1FCVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.FCVolumeSource",
        fields: [
            ProtobufField(1, "targetWWNs", .string, .repeated, .omitEmpty),
            ProtobufField(2, "lun", .int32, .single, .optional),
            ProtobufField(3, "fsType", .string, .single, .omitEmpty),
            ProtobufField(4, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(5, "wwids", .string, .repeated, .omitEmpty),
        ]
    )

    /// `FileKeySelector` (`k8s.io.api.core.v1.FileKeySelector`).
    static let coreV1FileKeySelector = ProtobufMessage(
        "k8s.io.api.core.v1.FileKeySelector",
        fields: [
            ProtobufField(1, "volumeName", .string, .single, .always),
            ProtobufField(2, "path", .string, .single, .always),
            ProtobufField(3, "key", .string, .single, .always),
            ProtobufField(4, "optional", .bool, .single, .optional),
        ]
    )

    /// `FlexVolumeSource` (`k8s.io.api.core.v1.FlexVolumeSource`).
    static let coreV1FlexVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.FlexVolumeSource",
        fields: [
            ProtobufField(1, "driver", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
            ProtobufField(4, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(5, "options", .string, .map, .omitEmpty),
        ]
    )

    /// `FlockerVolumeSource` (`k8s.io.api.core.v1.FlockerVolumeSource`).
    static let coreV1FlockerVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.FlockerVolumeSource",
        fields: [
            ProtobufField(1, "datasetName", .string, .single, .omitEmpty),
            ProtobufField(2, "datasetUUID", .string, .single, .omitEmpty),
        ]
    )

    /// `GCEPersistentDiskVolumeSource` (`k8s.io.api.core.v1.GCEPersistentDiskVolumeSource`).
    static let coreV1GCEPersistentDiskVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.GCEPersistentDiskVolumeSource",
        fields: [
            ProtobufField(1, "pdName", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "partition", .int32, .single, .omitEmpty),
            ProtobufField(4, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `GRPCAction` (`k8s.io.api.core.v1.GRPCAction`).
    static let coreV1GRPCAction = ProtobufMessage(
        "k8s.io.api.core.v1.GRPCAction",
        fields: [
            ProtobufField(1, "port", .int32, .single, .always),
            ProtobufField(2, "service", .string, .single, .nullable),
        ]
    )

    /// `GitRepoVolumeSource` (`k8s.io.api.core.v1.GitRepoVolumeSource`).
    static let coreV1GitRepoVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.GitRepoVolumeSource",
        fields: [
            ProtobufField(1, "repository", .string, .single, .always),
            ProtobufField(2, "revision", .string, .single, .omitEmpty),
            ProtobufField(3, "directory", .string, .single, .omitEmpty),
        ]
    )

    /// `GlusterfsVolumeSource` (`k8s.io.api.core.v1.GlusterfsVolumeSource`).
    static let coreV1GlusterfsVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.GlusterfsVolumeSource",
        fields: [
            ProtobufField(1, "endpoints", .string, .single, .always),
            ProtobufField(2, "path", .string, .single, .always),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `HTTPGetAction` (`k8s.io.api.core.v1.HTTPGetAction`).
    static let coreV1HTTPGetAction = ProtobufMessage(
        "k8s.io.api.core.v1.HTTPGetAction",
        fields: [
            ProtobufField(1, "path", .string, .single, .omitEmpty),
            ProtobufField(2, "port", .intOrString, .single, .always),
            ProtobufField(3, "host", .string, .single, .omitEmpty),
            ProtobufField(4, "scheme", .string, .single, .omitEmpty),
            ProtobufField(5, "httpHeaders", .message("k8s.io.api.core.v1.HTTPHeader"), .repeated, .omitEmpty),
        ]
    )

    /// `HTTPHeader` (`k8s.io.api.core.v1.HTTPHeader`).
    static let coreV1HTTPHeader = ProtobufMessage(
        "k8s.io.api.core.v1.HTTPHeader",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "value", .string, .single, .always),
        ]
    )

    /// `HostAlias` (`k8s.io.api.core.v1.HostAlias`).
    static let coreV1HostAlias = ProtobufMessage(
        "k8s.io.api.core.v1.HostAlias",
        fields: [
            ProtobufField(1, "ip", .string, .single, .always),
            ProtobufField(2, "hostnames", .string, .repeated, .omitEmpty),
        ]
    )

    /// `HostIP` (`k8s.io.api.core.v1.HostIP`).
    static let coreV1HostIP = ProtobufMessage(
        "k8s.io.api.core.v1.HostIP",
        fields: [
            ProtobufField(1, "ip", .string, .single, .always),
        ]
    )

    /// `HostPathVolumeSource` (`k8s.io.api.core.v1.HostPathVolumeSource`).
    static let coreV1HostPathVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.HostPathVolumeSource",
        fields: [
            ProtobufField(1, "path", .string, .single, .always),
            ProtobufField(2, "type", .string, .single, .optional),
        ]
    )

    /// `ISCSIVolumeSource` (`k8s.io.api.core.v1.ISCSIVolumeSource`).
    static let coreV1ISCSIVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.ISCSIVolumeSource",
        fields: [
            ProtobufField(1, "targetPortal", .string, .single, .always),
            ProtobufField(2, "iqn", .string, .single, .always),
            ProtobufField(3, "lun", .int32, .single, .always),
            ProtobufField(4, "iscsiInterface", .string, .single, .omitEmpty),
            ProtobufField(5, "fsType", .string, .single, .omitEmpty),
            ProtobufField(6, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(7, "portals", .string, .repeated, .omitEmpty),
            ProtobufField(8, "chapAuthDiscovery", .bool, .single, .omitEmpty),
            ProtobufField(11, "chapAuthSession", .bool, .single, .omitEmpty),
            ProtobufField(10, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
            ProtobufField(12, "initiatorName", .string, .single, .optional),
        ]
    )

    /// `ImageVolumeSource` (`k8s.io.api.core.v1.ImageVolumeSource`).
    static let coreV1ImageVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.ImageVolumeSource",
        fields: [
            ProtobufField(1, "reference", .string, .single, .omitEmpty),
            ProtobufField(2, "pullPolicy", .string, .single, .omitEmpty),
        ]
    )

    /// `ImageVolumeStatus` (`k8s.io.api.core.v1.ImageVolumeStatus`).
    static let coreV1ImageVolumeStatus = ProtobufMessage(
        "k8s.io.api.core.v1.ImageVolumeStatus",
        fields: [
            ProtobufField(1, "imageRef", .string, .single, .omitEmpty),
        ]
    )

    /// `KeyToPath` (`k8s.io.api.core.v1.KeyToPath`).
    static let coreV1KeyToPath = ProtobufMessage(
        "k8s.io.api.core.v1.KeyToPath",
        fields: [
            ProtobufField(1, "key", .string, .single, .always),
            ProtobufField(2, "path", .string, .single, .always),
            ProtobufField(3, "mode", .int32, .single, .optional),
        ]
    )

    /// `Lifecycle` (`k8s.io.api.core.v1.Lifecycle`).
    static let coreV1Lifecycle = ProtobufMessage(
        "k8s.io.api.core.v1.Lifecycle",
        fields: [
            ProtobufField(1, "postStart", .message("k8s.io.api.core.v1.LifecycleHandler"), .single, .optional),
            ProtobufField(2, "preStop", .message("k8s.io.api.core.v1.LifecycleHandler"), .single, .optional),
            ProtobufField(3, "stopSignal", .string, .single, .optional),
        ]
    )

    /// `LifecycleHandler` (`k8s.io.api.core.v1.LifecycleHandler`).
    static let coreV1LifecycleHandler = ProtobufMessage(
        "k8s.io.api.core.v1.LifecycleHandler",
        fields: [
            ProtobufField(1, "exec", .message("k8s.io.api.core.v1.ExecAction"), .single, .optional),
            ProtobufField(2, "httpGet", .message("k8s.io.api.core.v1.HTTPGetAction"), .single, .optional),
            ProtobufField(3, "tcpSocket", .message("k8s.io.api.core.v1.TCPSocketAction"), .single, .optional),
            ProtobufField(4, "sleep", .message("k8s.io.api.core.v1.SleepAction"), .single, .optional),
        ]
    )

    /// `LinuxContainerUser` (`k8s.io.api.core.v1.LinuxContainerUser`).
    static let coreV1LinuxContainerUser = ProtobufMessage(
        "k8s.io.api.core.v1.LinuxContainerUser",
        fields: [
            ProtobufField(1, "uid", .int64, .single, .always),
            ProtobufField(2, "gid", .int64, .single, .always),
            ProtobufField(3, "supplementalGroups", .int64, .repeated, .omitEmpty),
        ]
    )

    /// `LoadBalancerIngress` (`k8s.io.api.core.v1.LoadBalancerIngress`).
    static let coreV1LoadBalancerIngress = ProtobufMessage(
        "k8s.io.api.core.v1.LoadBalancerIngress",
        fields: [
            ProtobufField(1, "ip", .string, .single, .omitEmpty),
            ProtobufField(2, "hostname", .string, .single, .omitEmpty),
            ProtobufField(3, "ipMode", .string, .single, .optional),
            ProtobufField(4, "ports", .message("k8s.io.api.core.v1.PortStatus"), .repeated, .omitEmpty),
        ]
    )

    /// `LoadBalancerStatus` (`k8s.io.api.core.v1.LoadBalancerStatus`).
    static let coreV1LoadBalancerStatus = ProtobufMessage(
        "k8s.io.api.core.v1.LoadBalancerStatus",
        fields: [
            ProtobufField(1, "ingress", .message("k8s.io.api.core.v1.LoadBalancerIngress"), .repeated, .omitEmpty),
        ]
    )

    /// `LocalObjectReference` (`k8s.io.api.core.v1.LocalObjectReference`).
    static let coreV1LocalObjectReference = ProtobufMessage(
        "k8s.io.api.core.v1.LocalObjectReference",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
        ]
    )

    /// `ModifyVolumeStatus` (`k8s.io.api.core.v1.ModifyVolumeStatus`).
    static let coreV1ModifyVolumeStatus = ProtobufMessage(
        "k8s.io.api.core.v1.ModifyVolumeStatus",
        fields: [
            ProtobufField(1, "targetVolumeAttributesClassName", .string, .single, .omitEmpty),
            ProtobufField(2, "status", .string, .single, .always),
        ]
    )

    /// `NFSVolumeSource` (`k8s.io.api.core.v1.NFSVolumeSource`).
    static let coreV1NFSVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.NFSVolumeSource",
        fields: [
            ProtobufField(1, "server", .string, .single, .always),
            ProtobufField(2, "path", .string, .single, .always),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `Namespace` (`k8s.io.api.core.v1.Namespace`).
    static let coreV1Namespace = ProtobufMessage(
        "k8s.io.api.core.v1.Namespace",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.NamespaceSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.core.v1.NamespaceStatus"), .single, .omitEmpty),
        ]
    )

    /// `NamespaceCondition` (`k8s.io.api.core.v1.NamespaceCondition`).
    static let coreV1NamespaceCondition = ProtobufMessage(
        "k8s.io.api.core.v1.NamespaceCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(4, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(5, "reason", .string, .single, .omitEmpty),
            ProtobufField(6, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `NamespaceSpec` (`k8s.io.api.core.v1.NamespaceSpec`).
    static let coreV1NamespaceSpec = ProtobufMessage(
        "k8s.io.api.core.v1.NamespaceSpec",
        fields: [
            ProtobufField(1, "finalizers", .string, .repeated, .omitEmpty),
        ]
    )

    /// `NamespaceStatus` (`k8s.io.api.core.v1.NamespaceStatus`).
    static let coreV1NamespaceStatus = ProtobufMessage(
        "k8s.io.api.core.v1.NamespaceStatus",
        fields: [
            ProtobufField(1, "phase", .string, .single, .omitEmpty),
            ProtobufField(2, "conditions", .message("k8s.io.api.core.v1.NamespaceCondition"), .repeated, .omitEmpty),
        ]
    )

    /// `NodeAffinity` (`k8s.io.api.core.v1.NodeAffinity`).
    static let coreV1NodeAffinity = ProtobufMessage(
        "k8s.io.api.core.v1.NodeAffinity",
        fields: [
            ProtobufField(
                1, "requiredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.NodeSelector"),
                .single, .optional
            ),
            ProtobufField(
                2, "preferredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.PreferredSchedulingTerm"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `NodeAllocatableResourceClaimStatus` (`k8s.io.api.core.v1.NodeAllocatableResourceClaimStatus`).
    static let coreV1NodeAllocatableResourceClaimStatus = ProtobufMessage(
        "k8s.io.api.core.v1.NodeAllocatableResourceClaimStatus",
        fields: [
            ProtobufField(1, "resourceClaimName", .string, .single, .always),
            ProtobufField(2, "containers", .string, .repeated, .omitEmpty),
            ProtobufField(3, "resources", .quantity, .map, .always),
        ]
    )

    /// `NodeSelector` (`k8s.io.api.core.v1.NodeSelector`).
    static let coreV1NodeSelector = ProtobufMessage(
        "k8s.io.api.core.v1.NodeSelector",
        fields: [
            ProtobufField(1, "nodeSelectorTerms", .message("k8s.io.api.core.v1.NodeSelectorTerm"), .repeated, .always),
        ]
    )

    /// `NodeSelectorRequirement` (`k8s.io.api.core.v1.NodeSelectorRequirement`).
    static let coreV1NodeSelectorRequirement = ProtobufMessage(
        "k8s.io.api.core.v1.NodeSelectorRequirement",
        fields: [
            ProtobufField(1, "key", .string, .single, .always),
            ProtobufField(2, "operator", .string, .single, .always),
            ProtobufField(3, "values", .string, .repeated, .omitEmpty),
        ]
    )

    /// `NodeSelectorTerm` (`k8s.io.api.core.v1.NodeSelectorTerm`).
    static let coreV1NodeSelectorTerm = ProtobufMessage(
        "k8s.io.api.core.v1.NodeSelectorTerm",
        fields: [
            ProtobufField(
                1, "matchExpressions", .message("k8s.io.api.core.v1.NodeSelectorRequirement"),
                .repeated, .omitEmpty
            ),
            ProtobufField(
                2, "matchFields", .message("k8s.io.api.core.v1.NodeSelectorRequirement"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `ObjectFieldSelector` (`k8s.io.api.core.v1.ObjectFieldSelector`).
    static let coreV1ObjectFieldSelector = ProtobufMessage(
        "k8s.io.api.core.v1.ObjectFieldSelector",
        fields: [
            ProtobufField(1, "apiVersion", .string, .single, .omitEmpty),
            ProtobufField(2, "fieldPath", .string, .single, .always),
        ]
    )

    /// `ObjectReference` (`k8s.io.api.core.v1.ObjectReference`).
    static let coreV1ObjectReference = ProtobufMessage(
        "k8s.io.api.core.v1.ObjectReference",
        fields: [
            ProtobufField(1, "kind", .string, .single, .omitEmpty),
            ProtobufField(2, "namespace", .string, .single, .omitEmpty),
            ProtobufField(3, "name", .string, .single, .omitEmpty),
            ProtobufField(4, "uid", .string, .single, .omitEmpty),
            ProtobufField(5, "apiVersion", .string, .single, .omitEmpty),
            ProtobufField(6, "resourceVersion", .string, .single, .omitEmpty),
            ProtobufField(7, "fieldPath", .string, .single, .omitEmpty),
        ]
    )

    /// `PersistentVolumeClaim` (`k8s.io.api.core.v1.PersistentVolumeClaim`).
    static let coreV1PersistentVolumeClaim = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaim",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.PersistentVolumeClaimSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.core.v1.PersistentVolumeClaimStatus"), .single, .omitEmpty),
        ]
    )

    /// `PersistentVolumeClaimCondition` (`k8s.io.api.core.v1.PersistentVolumeClaimCondition`).
    static let coreV1PersistentVolumeClaimCondition = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaimCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastProbeTime", .time, .single, .omitEmpty),
            ProtobufField(4, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(5, "reason", .string, .single, .omitEmpty),
            ProtobufField(6, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `PersistentVolumeClaimSpec` (`k8s.io.api.core.v1.PersistentVolumeClaimSpec`).
    static let coreV1PersistentVolumeClaimSpec = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaimSpec",
        fields: [
            ProtobufField(1, "accessModes", .string, .repeated, .omitEmpty),
            ProtobufField(
                4, "selector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(
                2, "resources", .message("k8s.io.api.core.v1.VolumeResourceRequirements"),
                .single, .omitEmpty
            ),
            ProtobufField(3, "volumeName", .string, .single, .omitEmpty),
            ProtobufField(5, "storageClassName", .string, .single, .optional),
            ProtobufField(6, "volumeMode", .string, .single, .optional),
            ProtobufField(
                7, "dataSource", .message("k8s.io.api.core.v1.TypedLocalObjectReference"),
                .single, .optional
            ),
            ProtobufField(8, "dataSourceRef", .message("k8s.io.api.core.v1.TypedObjectReference"), .single, .optional),
            ProtobufField(9, "volumeAttributesClassName", .string, .single, .optional),
        ]
    )

    /// `PersistentVolumeClaimStatus` (`k8s.io.api.core.v1.PersistentVolumeClaimStatus`).
    static let coreV1PersistentVolumeClaimStatus = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaimStatus",
        fields: [
            ProtobufField(1, "phase", .string, .single, .omitEmpty),
            ProtobufField(2, "accessModes", .string, .repeated, .omitEmpty),
            ProtobufField(3, "capacity", .quantity, .map, .omitEmpty),
            ProtobufField(
                4, "conditions", .message("k8s.io.api.core.v1.PersistentVolumeClaimCondition"),
                .repeated, .omitEmpty
            ),
            ProtobufField(5, "allocatedResources", .quantity, .map, .omitEmpty),
            ProtobufField(7, "allocatedResourceStatuses", .string, .map, .omitEmpty),
            ProtobufField(8, "currentVolumeAttributesClassName", .string, .single, .optional),
            ProtobufField(
                9, "modifyVolumeStatus", .message("k8s.io.api.core.v1.ModifyVolumeStatus"),
                .single, .optional
            ),
        ]
    )

    /// `PersistentVolumeClaimTemplate` (`k8s.io.api.core.v1.PersistentVolumeClaimTemplate`).
    static let coreV1PersistentVolumeClaimTemplate = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaimTemplate",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.PersistentVolumeClaimSpec"), .single, .always),
        ]
    )

    /// `PersistentVolumeClaimVolumeSource` (`k8s.io.api.core.v1.PersistentVolumeClaimVolumeSource`).
    static let coreV1PersistentVolumeClaimVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.PersistentVolumeClaimVolumeSource",
        fields: [
            ProtobufField(1, "claimName", .string, .single, .always),
            ProtobufField(2, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `PhotonPersistentDiskVolumeSource` (`k8s.io.api.core.v1.PhotonPersistentDiskVolumeSource`).
    static let coreV1PhotonPersistentDiskVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.PhotonPersistentDiskVolumeSource",
        fields: [
            ProtobufField(1, "pdID", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
        ]
    )

    /// `Pod` (`k8s.io.api.core.v1.Pod`).
    static let coreV1Pod = ProtobufMessage(
        "k8s.io.api.core.v1.Pod",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.PodSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.core.v1.PodStatus"), .single, .omitEmpty),
        ]
    )

    /// `PodAffinity` (`k8s.io.api.core.v1.PodAffinity`).
    static let coreV1PodAffinity = ProtobufMessage(
        "k8s.io.api.core.v1.PodAffinity",
        fields: [
            ProtobufField(
                1, "requiredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.PodAffinityTerm"),
                .repeated, .omitEmpty
            ),
            ProtobufField(
                2, "preferredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.WeightedPodAffinityTerm"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `PodAffinityTerm` (`k8s.io.api.core.v1.PodAffinityTerm`).
    static let coreV1PodAffinityTerm = ProtobufMessage(
        "k8s.io.api.core.v1.PodAffinityTerm",
        fields: [
            ProtobufField(
                1, "labelSelector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(2, "namespaces", .string, .repeated, .omitEmpty),
            ProtobufField(3, "topologyKey", .string, .single, .always),
            ProtobufField(
                4, "namespaceSelector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(5, "matchLabelKeys", .string, .repeated, .omitEmpty),
            ProtobufField(6, "mismatchLabelKeys", .string, .repeated, .omitEmpty),
        ]
    )

    /// `PodAntiAffinity` (`k8s.io.api.core.v1.PodAntiAffinity`).
    static let coreV1PodAntiAffinity = ProtobufMessage(
        "k8s.io.api.core.v1.PodAntiAffinity",
        fields: [
            ProtobufField(
                1, "requiredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.PodAffinityTerm"),
                .repeated, .omitEmpty
            ),
            ProtobufField(
                2, "preferredDuringSchedulingIgnoredDuringExecution", .message("k8s.io.api.core.v1.WeightedPodAffinityTerm"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `PodCertificateProjection` (`k8s.io.api.core.v1.PodCertificateProjection`).
    static let coreV1PodCertificateProjection = ProtobufMessage(
        "k8s.io.api.core.v1.PodCertificateProjection",
        fields: [
            ProtobufField(1, "signerName", .string, .single, .omitEmpty),
            ProtobufField(2, "keyType", .string, .single, .omitEmpty),
            ProtobufField(3, "maxExpirationSeconds", .int32, .single, .optional),
            ProtobufField(4, "credentialBundlePath", .string, .single, .omitEmpty),
            ProtobufField(5, "keyPath", .string, .single, .omitEmpty),
            ProtobufField(6, "certificateChainPath", .string, .single, .omitEmpty),
            ProtobufField(7, "userAnnotations", .string, .map, .omitEmpty),
        ]
    )

    /// `PodCondition` (`k8s.io.api.core.v1.PodCondition`).
    static let coreV1PodCondition = ProtobufMessage(
        "k8s.io.api.core.v1.PodCondition",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(7, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(2, "status", .string, .single, .always),
            ProtobufField(3, "lastProbeTime", .time, .single, .omitEmpty),
            ProtobufField(4, "lastTransitionTime", .time, .single, .omitEmpty),
            ProtobufField(5, "reason", .string, .single, .omitEmpty),
            ProtobufField(6, "message", .string, .single, .omitEmpty),
        ]
    )

    /// `PodDNSConfig` (`k8s.io.api.core.v1.PodDNSConfig`).
    static let coreV1PodDNSConfig = ProtobufMessage(
        "k8s.io.api.core.v1.PodDNSConfig",
        fields: [
            ProtobufField(1, "nameservers", .string, .repeated, .omitEmpty),
            ProtobufField(2, "searches", .string, .repeated, .omitEmpty),
            ProtobufField(3, "options", .message("k8s.io.api.core.v1.PodDNSConfigOption"), .repeated, .omitEmpty),
        ]
    )

    /// `PodDNSConfigOption` (`k8s.io.api.core.v1.PodDNSConfigOption`).
    static let coreV1PodDNSConfigOption = ProtobufMessage(
        "k8s.io.api.core.v1.PodDNSConfigOption",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
            ProtobufField(2, "value", .string, .single, .optional),
        ]
    )

    /// `PodExtendedResourceClaimStatus` (`k8s.io.api.core.v1.PodExtendedResourceClaimStatus`).
    static let coreV1PodExtendedResourceClaimStatus = ProtobufMessage(
        "k8s.io.api.core.v1.PodExtendedResourceClaimStatus",
        fields: [
            ProtobufField(
                1, "requestMappings", .message("k8s.io.api.core.v1.ContainerExtendedResourceRequest"),
                .repeated, .always
            ),
            ProtobufField(2, "resourceClaimName", .string, .single, .always),
        ]
    )

    /// `PodIP` (`k8s.io.api.core.v1.PodIP`).
    static let coreV1PodIP = ProtobufMessage(
        "k8s.io.api.core.v1.PodIP",
        fields: [
            ProtobufField(1, "ip", .string, .single, .always),
        ]
    )

    /// `PodOS` (`k8s.io.api.core.v1.PodOS`).
    static let coreV1PodOS = ProtobufMessage(
        "k8s.io.api.core.v1.PodOS",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
        ]
    )

    /// `PodReadinessGate` (`k8s.io.api.core.v1.PodReadinessGate`).
    static let coreV1PodReadinessGate = ProtobufMessage(
        "k8s.io.api.core.v1.PodReadinessGate",
        fields: [
            ProtobufField(1, "conditionType", .string, .single, .always),
        ]
    )

    /// `PodResourceClaim` (`k8s.io.api.core.v1.PodResourceClaim`).
    static let coreV1PodResourceClaim = ProtobufMessage(
        "k8s.io.api.core.v1.PodResourceClaim",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(3, "resourceClaimName", .string, .single, .optional),
            ProtobufField(4, "resourceClaimTemplateName", .string, .single, .optional),
        ]
    )

    /// `PodResourceClaimStatus` (`k8s.io.api.core.v1.PodResourceClaimStatus`).
    static let coreV1PodResourceClaimStatus = ProtobufMessage(
        "k8s.io.api.core.v1.PodResourceClaimStatus",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "resourceClaimName", .string, .single, .optional),
        ]
    )

    /// `PodSchedulingGate` (`k8s.io.api.core.v1.PodSchedulingGate`).
    static let coreV1PodSchedulingGate = ProtobufMessage(
        "k8s.io.api.core.v1.PodSchedulingGate",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
        ]
    )

    /// `PodSchedulingGroup` (`k8s.io.api.core.v1.PodSchedulingGroup`).
    static let coreV1PodSchedulingGroup = ProtobufMessage(
        "k8s.io.api.core.v1.PodSchedulingGroup",
        fields: [
            ProtobufField(1, "podGroupName", .string, .single, .optional),
        ]
    )

    /// `PodSecurityContext` (`k8s.io.api.core.v1.PodSecurityContext`).
    static let coreV1PodSecurityContext = ProtobufMessage(
        "k8s.io.api.core.v1.PodSecurityContext",
        fields: [
            ProtobufField(1, "seLinuxOptions", .message("k8s.io.api.core.v1.SELinuxOptions"), .single, .optional),
            ProtobufField(
                8, "windowsOptions", .message("k8s.io.api.core.v1.WindowsSecurityContextOptions"),
                .single, .optional
            ),
            ProtobufField(2, "runAsUser", .int64, .single, .optional),
            ProtobufField(6, "runAsGroup", .int64, .single, .optional),
            ProtobufField(3, "runAsNonRoot", .bool, .single, .optional),
            ProtobufField(4, "supplementalGroups", .int64, .repeated, .omitEmpty),
            ProtobufField(12, "supplementalGroupsPolicy", .string, .single, .optional),
            ProtobufField(5, "fsGroup", .int64, .single, .optional),
            ProtobufField(7, "sysctls", .message("k8s.io.api.core.v1.Sysctl"), .repeated, .omitEmpty),
            ProtobufField(9, "fsGroupChangePolicy", .string, .single, .optional),
            ProtobufField(10, "seccompProfile", .message("k8s.io.api.core.v1.SeccompProfile"), .single, .optional),
            ProtobufField(11, "appArmorProfile", .message("k8s.io.api.core.v1.AppArmorProfile"), .single, .optional),
            ProtobufField(13, "seLinuxChangePolicy", .string, .single, .optional),
        ]
    )

    /// `PodSpec` (`k8s.io.api.core.v1.PodSpec`).
    static let coreV1PodSpec = ProtobufMessage(
        "k8s.io.api.core.v1.PodSpec",
        fields: [
            ProtobufField(1, "volumes", .message("k8s.io.api.core.v1.Volume"), .repeated, .omitEmpty),
            ProtobufField(20, "initContainers", .message("k8s.io.api.core.v1.Container"), .repeated, .omitEmpty),
            ProtobufField(2, "containers", .message("k8s.io.api.core.v1.Container"), .repeated, .always),
            ProtobufField(
                34, "ephemeralContainers", .message("k8s.io.api.core.v1.EphemeralContainer"),
                .repeated, .omitEmpty
            ),
            ProtobufField(3, "restartPolicy", .string, .single, .omitEmpty),
            ProtobufField(4, "terminationGracePeriodSeconds", .int64, .single, .optional),
            ProtobufField(5, "activeDeadlineSeconds", .int64, .single, .optional),
            ProtobufField(6, "dnsPolicy", .string, .single, .omitEmpty),
            ProtobufField(7, "nodeSelector", .string, .map, .omitEmpty),
            ProtobufField(8, "serviceAccountName", .string, .single, .omitEmpty),
            ProtobufField(9, "serviceAccount", .string, .single, .omitEmpty),
            ProtobufField(21, "automountServiceAccountToken", .bool, .single, .optional),
            ProtobufField(10, "nodeName", .string, .single, .omitEmpty),
            ProtobufField(11, "hostNetwork", .bool, .single, .omitEmpty),
            ProtobufField(12, "hostPID", .bool, .single, .omitEmpty),
            ProtobufField(13, "hostIPC", .bool, .single, .omitEmpty),
            ProtobufField(27, "shareProcessNamespace", .bool, .single, .optional),
            ProtobufField(14, "securityContext", .message("k8s.io.api.core.v1.PodSecurityContext"), .single, .optional),
            ProtobufField(
                15, "imagePullSecrets", .message("k8s.io.api.core.v1.LocalObjectReference"),
                .repeated, .omitEmpty
            ),
            ProtobufField(16, "hostname", .string, .single, .omitEmpty),
            ProtobufField(17, "subdomain", .string, .single, .omitEmpty),
            ProtobufField(18, "affinity", .message("k8s.io.api.core.v1.Affinity"), .single, .optional),
            ProtobufField(19, "schedulerName", .string, .single, .omitEmpty),
            ProtobufField(22, "tolerations", .message("k8s.io.api.core.v1.Toleration"), .repeated, .omitEmpty),
            ProtobufField(23, "hostAliases", .message("k8s.io.api.core.v1.HostAlias"), .repeated, .omitEmpty),
            ProtobufField(24, "priorityClassName", .string, .single, .omitEmpty),
            ProtobufField(25, "priority", .int32, .single, .optional),
            ProtobufField(26, "dnsConfig", .message("k8s.io.api.core.v1.PodDNSConfig"), .single, .optional),
            ProtobufField(28, "readinessGates", .message("k8s.io.api.core.v1.PodReadinessGate"), .repeated, .omitEmpty),
            ProtobufField(29, "runtimeClassName", .string, .single, .optional),
            ProtobufField(30, "enableServiceLinks", .bool, .single, .optional),
            ProtobufField(31, "preemptionPolicy", .string, .single, .optional),
            ProtobufField(32, "overhead", .quantity, .map, .omitEmpty),
            ProtobufField(
                33, "topologySpreadConstraints", .message("k8s.io.api.core.v1.TopologySpreadConstraint"),
                .repeated, .omitEmpty
            ),
            ProtobufField(35, "setHostnameAsFQDN", .bool, .single, .optional),
            ProtobufField(36, "os", .message("k8s.io.api.core.v1.PodOS"), .single, .optional),
            ProtobufField(37, "hostUsers", .bool, .single, .optional),
            ProtobufField(
                38, "schedulingGates", .message("k8s.io.api.core.v1.PodSchedulingGate"),
                .repeated, .omitEmpty
            ),
            ProtobufField(39, "resourceClaims", .message("k8s.io.api.core.v1.PodResourceClaim"), .repeated, .omitEmpty),
            ProtobufField(40, "resources", .message("k8s.io.api.core.v1.ResourceRequirements"), .single, .optional),
            ProtobufField(41, "hostnameOverride", .string, .single, .optional),
            ProtobufField(43, "schedulingGroup", .message("k8s.io.api.core.v1.PodSchedulingGroup"), .single, .optional),
        ]
    )

    /// `PodStatus` (`k8s.io.api.core.v1.PodStatus`).
    static let coreV1PodStatus = ProtobufMessage(
        "k8s.io.api.core.v1.PodStatus",
        fields: [
            ProtobufField(17, "observedGeneration", .int64, .single, .omitEmpty),
            ProtobufField(1, "phase", .string, .single, .omitEmpty),
            ProtobufField(2, "conditions", .message("k8s.io.api.core.v1.PodCondition"), .repeated, .omitEmpty),
            ProtobufField(3, "message", .string, .single, .omitEmpty),
            ProtobufField(4, "reason", .string, .single, .omitEmpty),
            ProtobufField(11, "nominatedNodeName", .string, .single, .omitEmpty),
            ProtobufField(5, "hostIP", .string, .single, .omitEmpty),
            ProtobufField(16, "hostIPs", .message("k8s.io.api.core.v1.HostIP"), .repeated, .omitEmpty),
            ProtobufField(6, "podIP", .string, .single, .omitEmpty),
            ProtobufField(12, "podIPs", .message("k8s.io.api.core.v1.PodIP"), .repeated, .omitEmpty),
            ProtobufField(7, "startTime", .time, .single, .optional),
            ProtobufField(
                10, "initContainerStatuses", .message("k8s.io.api.core.v1.ContainerStatus"),
                .repeated, .omitEmpty
            ),
            ProtobufField(
                8, "containerStatuses", .message("k8s.io.api.core.v1.ContainerStatus"),
                .repeated, .omitEmpty
            ),
            ProtobufField(9, "qosClass", .string, .single, .omitEmpty),
            ProtobufField(
                13, "ephemeralContainerStatuses", .message("k8s.io.api.core.v1.ContainerStatus"),
                .repeated, .omitEmpty
            ),
            ProtobufField(14, "resize", .string, .single, .omitEmpty),
            ProtobufField(
                15, "resourceClaimStatuses", .message("k8s.io.api.core.v1.PodResourceClaimStatus"),
                .repeated, .omitEmpty
            ),
            ProtobufField(
                18, "extendedResourceClaimStatus", .message("k8s.io.api.core.v1.PodExtendedResourceClaimStatus"),
                .single, .optional
            ),
            ProtobufField(19, "allocatedResources", .quantity, .map, .omitEmpty),
            ProtobufField(20, "resources", .message("k8s.io.api.core.v1.ResourceRequirements"), .single, .optional),
            ProtobufField(
                21, "nodeAllocatableResourceClaimStatuses", .message("k8s.io.api.core.v1.NodeAllocatableResourceClaimStatus"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `PodTemplate` (`k8s.io.api.core.v1.PodTemplate`).
    static let coreV1PodTemplate = ProtobufMessage(
        "k8s.io.api.core.v1.PodTemplate",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "template", .message("k8s.io.api.core.v1.PodTemplateSpec"), .single, .omitEmpty),
        ]
    )

    /// `PodTemplateSpec` (`k8s.io.api.core.v1.PodTemplateSpec`).
    static let coreV1PodTemplateSpec = ProtobufMessage(
        "k8s.io.api.core.v1.PodTemplateSpec",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.PodSpec"), .single, .omitEmpty),
        ]
    )

    /// `PortStatus` (`k8s.io.api.core.v1.PortStatus`).
    static let coreV1PortStatus = ProtobufMessage(
        "k8s.io.api.core.v1.PortStatus",
        fields: [
            ProtobufField(1, "port", .int32, .single, .always),
            ProtobufField(2, "protocol", .string, .single, .always),
            ProtobufField(3, "error", .string, .single, .optional),
        ]
    )

    /// `PortworxVolumeSource` (`k8s.io.api.core.v1.PortworxVolumeSource`).
    static let coreV1PortworxVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.PortworxVolumeSource",
        fields: [
            ProtobufField(1, "volumeID", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `PreferredSchedulingTerm` (`k8s.io.api.core.v1.PreferredSchedulingTerm`).
    static let coreV1PreferredSchedulingTerm = ProtobufMessage(
        "k8s.io.api.core.v1.PreferredSchedulingTerm",
        fields: [
            ProtobufField(1, "weight", .int32, .single, .always),
            ProtobufField(2, "preference", .message("k8s.io.api.core.v1.NodeSelectorTerm"), .single, .always),
        ]
    )

    /// `Probe` (`k8s.io.api.core.v1.Probe`).
    static let coreV1Probe = ProtobufMessage(
        "k8s.io.api.core.v1.Probe",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.ProbeHandler"), .single, .inline),
            ProtobufField(2, "initialDelaySeconds", .int32, .single, .omitEmpty),
            ProtobufField(3, "timeoutSeconds", .int32, .single, .omitEmpty),
            ProtobufField(4, "periodSeconds", .int32, .single, .omitEmpty),
            ProtobufField(5, "successThreshold", .int32, .single, .omitEmpty),
            ProtobufField(6, "failureThreshold", .int32, .single, .omitEmpty),
            ProtobufField(7, "terminationGracePeriodSeconds", .int64, .single, .optional),
        ]
    )

    /// `ProbeHandler` (`k8s.io.api.core.v1.ProbeHandler`).
    static let coreV1ProbeHandler = ProtobufMessage(
        "k8s.io.api.core.v1.ProbeHandler",
        fields: [
            ProtobufField(1, "exec", .message("k8s.io.api.core.v1.ExecAction"), .single, .optional),
            ProtobufField(2, "httpGet", .message("k8s.io.api.core.v1.HTTPGetAction"), .single, .optional),
            ProtobufField(3, "tcpSocket", .message("k8s.io.api.core.v1.TCPSocketAction"), .single, .optional),
            ProtobufField(4, "grpc", .message("k8s.io.api.core.v1.GRPCAction"), .single, .optional),
        ]
    )

    /// `ProjectedVolumeSource` (`k8s.io.api.core.v1.ProjectedVolumeSource`).
    static let coreV1ProjectedVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.ProjectedVolumeSource",
        fields: [
            ProtobufField(1, "sources", .message("k8s.io.api.core.v1.VolumeProjection"), .repeated, .always),
            ProtobufField(2, "defaultMode", .int32, .single, .optional),
        ]
    )

    /// `QuobyteVolumeSource` (`k8s.io.api.core.v1.QuobyteVolumeSource`).
    static let coreV1QuobyteVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.QuobyteVolumeSource",
        fields: [
            ProtobufField(1, "registry", .string, .single, .always),
            ProtobufField(2, "volume", .string, .single, .always),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(4, "user", .string, .single, .omitEmpty),
            ProtobufField(5, "group", .string, .single, .omitEmpty),
            ProtobufField(6, "tenant", .string, .single, .omitEmpty),
        ]
    )

    /// `RBDVolumeSource` (`k8s.io.api.core.v1.RBDVolumeSource`).
    static let coreV1RBDVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.RBDVolumeSource",
        fields: [
            ProtobufField(1, "monitors", .string, .repeated, .always),
            ProtobufField(2, "image", .string, .single, .always),
            ProtobufField(3, "fsType", .string, .single, .omitEmpty),
            ProtobufField(4, "pool", .string, .single, .omitEmpty),
            ProtobufField(5, "user", .string, .single, .omitEmpty),
            ProtobufField(6, "keyring", .string, .single, .omitEmpty),
            ProtobufField(7, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
            ProtobufField(8, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `ResourceClaim` (`k8s.io.api.core.v1.ResourceClaim`).
    static let coreV1ResourceClaim = ProtobufMessage(
        "k8s.io.api.core.v1.ResourceClaim",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "request", .string, .single, .omitEmpty),
        ]
    )

    /// `ResourceFieldSelector` (`k8s.io.api.core.v1.ResourceFieldSelector`).
    static let coreV1ResourceFieldSelector = ProtobufMessage(
        "k8s.io.api.core.v1.ResourceFieldSelector",
        fields: [
            ProtobufField(1, "containerName", .string, .single, .omitEmpty),
            ProtobufField(2, "resource", .string, .single, .always),
            ProtobufField(3, "divisor", .quantity, .single, .omitEmpty),
        ]
    )

    /// `ResourceHealth` (`k8s.io.api.core.v1.ResourceHealth`).
    static let coreV1ResourceHealth = ProtobufMessage(
        "k8s.io.api.core.v1.ResourceHealth",
        fields: [
            ProtobufField(1, "resourceID", .string, .single, .always),
            ProtobufField(2, "health", .string, .single, .omitEmpty),
            ProtobufField(6, "message", .string, .single, .optional),
        ]
    )

    /// `ResourceRequirements` (`k8s.io.api.core.v1.ResourceRequirements`).
    static let coreV1ResourceRequirements = ProtobufMessage(
        "k8s.io.api.core.v1.ResourceRequirements",
        fields: [
            ProtobufField(1, "limits", .quantity, .map, .omitEmpty),
            ProtobufField(2, "requests", .quantity, .map, .omitEmpty),
            ProtobufField(3, "claims", .message("k8s.io.api.core.v1.ResourceClaim"), .repeated, .omitEmpty),
        ]
    )

    /// `ResourceStatus` (`k8s.io.api.core.v1.ResourceStatus`).
    static let coreV1ResourceStatus = ProtobufMessage(
        "k8s.io.api.core.v1.ResourceStatus",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "resources", .message("k8s.io.api.core.v1.ResourceHealth"), .repeated, .omitEmpty),
        ]
    )

    /// `SELinuxOptions` (`k8s.io.api.core.v1.SELinuxOptions`).
    static let coreV1SELinuxOptions = ProtobufMessage(
        "k8s.io.api.core.v1.SELinuxOptions",
        fields: [
            ProtobufField(1, "user", .string, .single, .omitEmpty),
            ProtobufField(2, "role", .string, .single, .omitEmpty),
            ProtobufField(3, "type", .string, .single, .omitEmpty),
            ProtobufField(4, "level", .string, .single, .omitEmpty),
        ]
    )

    /// `ScaleIOVolumeSource` (`k8s.io.api.core.v1.ScaleIOVolumeSource`).
    static let coreV1ScaleIOVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.ScaleIOVolumeSource",
        fields: [
            ProtobufField(1, "gateway", .string, .single, .always),
            ProtobufField(2, "system", .string, .single, .always),
            ProtobufField(3, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .nullable),
            ProtobufField(4, "sslEnabled", .bool, .single, .omitEmpty),
            ProtobufField(5, "protectionDomain", .string, .single, .omitEmpty),
            ProtobufField(6, "storagePool", .string, .single, .omitEmpty),
            ProtobufField(7, "storageMode", .string, .single, .omitEmpty),
            ProtobufField(8, "volumeName", .string, .single, .omitEmpty),
            ProtobufField(9, "fsType", .string, .single, .omitEmpty),
            ProtobufField(10, "readOnly", .bool, .single, .omitEmpty),
        ]
    )

    /// `SeccompProfile` (`k8s.io.api.core.v1.SeccompProfile`).
    static let coreV1SeccompProfile = ProtobufMessage(
        "k8s.io.api.core.v1.SeccompProfile",
        fields: [
            ProtobufField(1, "type", .string, .single, .always),
            ProtobufField(2, "localhostProfile", .string, .single, .optional),
        ]
    )

    /// `Secret` (`k8s.io.api.core.v1.Secret`).
    static let coreV1Secret = ProtobufMessage(
        "k8s.io.api.core.v1.Secret",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(5, "immutable", .bool, .single, .optional),
            ProtobufField(2, "data", .bytes, .map, .omitEmpty),
            ProtobufField(4, "stringData", .string, .map, .omitEmpty),
            ProtobufField(3, "type", .string, .single, .omitEmpty),
        ]
    )

    /// `SecretEnvSource` (`k8s.io.api.core.v1.SecretEnvSource`).
    static let coreV1SecretEnvSource = ProtobufMessage(
        "k8s.io.api.core.v1.SecretEnvSource",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "optional", .bool, .single, .optional),
        ]
    )

    /// `SecretKeySelector` (`k8s.io.api.core.v1.SecretKeySelector`).
    static let coreV1SecretKeySelector = ProtobufMessage(
        "k8s.io.api.core.v1.SecretKeySelector",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "key", .string, .single, .always),
            ProtobufField(3, "optional", .bool, .single, .optional),
        ]
    )

    /// `SecretProjection` (`k8s.io.api.core.v1.SecretProjection`).
    static let coreV1SecretProjection = ProtobufMessage(
        "k8s.io.api.core.v1.SecretProjection",
        fields: [
            ProtobufField(1, "", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .inline),
            ProtobufField(2, "items", .message("k8s.io.api.core.v1.KeyToPath"), .repeated, .omitEmpty),
            ProtobufField(4, "optional", .bool, .single, .optional),
        ]
    )

    /// `SecretVolumeSource` (`k8s.io.api.core.v1.SecretVolumeSource`).
    static let coreV1SecretVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.SecretVolumeSource",
        fields: [
            ProtobufField(1, "secretName", .string, .single, .omitEmpty),
            ProtobufField(2, "items", .message("k8s.io.api.core.v1.KeyToPath"), .repeated, .omitEmpty),
            ProtobufField(3, "defaultMode", .int32, .single, .optional),
            ProtobufField(4, "optional", .bool, .single, .optional),
        ]
    )

    /// `SecurityContext` (`k8s.io.api.core.v1.SecurityContext`).
    static let coreV1SecurityContext = ProtobufMessage(
        "k8s.io.api.core.v1.SecurityContext",
        fields: [
            ProtobufField(1, "capabilities", .message("k8s.io.api.core.v1.Capabilities"), .single, .optional),
            ProtobufField(2, "privileged", .bool, .single, .optional),
            ProtobufField(3, "seLinuxOptions", .message("k8s.io.api.core.v1.SELinuxOptions"), .single, .optional),
            ProtobufField(
                10, "windowsOptions", .message("k8s.io.api.core.v1.WindowsSecurityContextOptions"),
                .single, .optional
            ),
            ProtobufField(4, "runAsUser", .int64, .single, .optional),
            ProtobufField(8, "runAsGroup", .int64, .single, .optional),
            ProtobufField(5, "runAsNonRoot", .bool, .single, .optional),
            ProtobufField(6, "readOnlyRootFilesystem", .bool, .single, .optional),
            ProtobufField(7, "allowPrivilegeEscalation", .bool, .single, .optional),
            ProtobufField(9, "procMount", .string, .single, .optional),
            ProtobufField(11, "seccompProfile", .message("k8s.io.api.core.v1.SeccompProfile"), .single, .optional),
            ProtobufField(12, "appArmorProfile", .message("k8s.io.api.core.v1.AppArmorProfile"), .single, .optional),
        ]
    )

    /// `Service` (`k8s.io.api.core.v1.Service`).
    static let coreV1Service = ProtobufMessage(
        "k8s.io.api.core.v1.Service",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "spec", .message("k8s.io.api.core.v1.ServiceSpec"), .single, .omitEmpty),
            ProtobufField(3, "status", .message("k8s.io.api.core.v1.ServiceStatus"), .single, .omitEmpty),
        ]
    )

    /// `ServiceAccount` (`k8s.io.api.core.v1.ServiceAccount`).
    static let coreV1ServiceAccount = ProtobufMessage(
        "k8s.io.api.core.v1.ServiceAccount",
        fields: [
            ProtobufField(
                1, "metadata", .message("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                .single, .omitEmpty
            ),
            ProtobufField(2, "secrets", .message("k8s.io.api.core.v1.ObjectReference"), .repeated, .omitEmpty),
            ProtobufField(
                3, "imagePullSecrets", .message("k8s.io.api.core.v1.LocalObjectReference"),
                .repeated, .omitEmpty
            ),
            ProtobufField(4, "automountServiceAccountToken", .bool, .single, .optional),
        ]
    )

    /// `ServiceAccountTokenProjection` (`k8s.io.api.core.v1.ServiceAccountTokenProjection`).
    static let coreV1ServiceAccountTokenProjection = ProtobufMessage(
        "k8s.io.api.core.v1.ServiceAccountTokenProjection",
        fields: [
            ProtobufField(1, "audience", .string, .single, .omitEmpty),
            ProtobufField(2, "expirationSeconds", .int64, .single, .optional),
            ProtobufField(3, "path", .string, .single, .always),
        ]
    )

    /// `ServicePort` (`k8s.io.api.core.v1.ServicePort`).
    static let coreV1ServicePort = ProtobufMessage(
        "k8s.io.api.core.v1.ServicePort",
        fields: [
            ProtobufField(1, "name", .string, .single, .omitEmpty),
            ProtobufField(2, "protocol", .string, .single, .omitEmpty),
            ProtobufField(6, "appProtocol", .string, .single, .optional),
            ProtobufField(3, "port", .int32, .single, .always),
            ProtobufField(4, "targetPort", .intOrString, .single, .omitEmpty),
            ProtobufField(5, "nodePort", .int32, .single, .omitEmpty),
        ]
    )

    /// `ServiceSpec` (`k8s.io.api.core.v1.ServiceSpec`).
    static let coreV1ServiceSpec = ProtobufMessage(
        "k8s.io.api.core.v1.ServiceSpec",
        fields: [
            ProtobufField(1, "ports", .message("k8s.io.api.core.v1.ServicePort"), .repeated, .omitEmpty),
            ProtobufField(2, "selector", .string, .map, .omitEmpty),
            ProtobufField(3, "clusterIP", .string, .single, .omitEmpty),
            ProtobufField(18, "clusterIPs", .string, .repeated, .omitEmpty),
            ProtobufField(4, "type", .string, .single, .omitEmpty),
            ProtobufField(5, "externalIPs", .string, .repeated, .omitEmpty),
            ProtobufField(7, "sessionAffinity", .string, .single, .omitEmpty),
            ProtobufField(8, "loadBalancerIP", .string, .single, .omitEmpty),
            ProtobufField(9, "loadBalancerSourceRanges", .string, .repeated, .omitEmpty),
            ProtobufField(10, "externalName", .string, .single, .omitEmpty),
            ProtobufField(11, "externalTrafficPolicy", .string, .single, .omitEmpty),
            ProtobufField(12, "healthCheckNodePort", .int32, .single, .omitEmpty),
            ProtobufField(13, "publishNotReadyAddresses", .bool, .single, .omitEmpty),
            ProtobufField(
                14, "sessionAffinityConfig", .message("k8s.io.api.core.v1.SessionAffinityConfig"),
                .single, .optional
            ),
            ProtobufField(19, "ipFamilies", .string, .repeated, .omitEmpty),
            ProtobufField(17, "ipFamilyPolicy", .string, .single, .optional),
            ProtobufField(20, "allocateLoadBalancerNodePorts", .bool, .single, .optional),
            ProtobufField(21, "loadBalancerClass", .string, .single, .optional),
            ProtobufField(22, "internalTrafficPolicy", .string, .single, .optional),
            ProtobufField(23, "trafficDistribution", .string, .single, .optional),
        ]
    )

    /// `ServiceStatus` (`k8s.io.api.core.v1.ServiceStatus`).
    static let coreV1ServiceStatus = ProtobufMessage(
        "k8s.io.api.core.v1.ServiceStatus",
        fields: [
            ProtobufField(1, "loadBalancer", .message("k8s.io.api.core.v1.LoadBalancerStatus"), .single, .omitEmpty),
            ProtobufField(
                2, "conditions", .message("k8s.io.apimachinery.pkg.apis.meta.v1.Condition"),
                .repeated, .omitEmpty
            ),
        ]
    )

    /// `SessionAffinityConfig` (`k8s.io.api.core.v1.SessionAffinityConfig`).
    static let coreV1SessionAffinityConfig = ProtobufMessage(
        "k8s.io.api.core.v1.SessionAffinityConfig",
        fields: [
            ProtobufField(1, "clientIP", .message("k8s.io.api.core.v1.ClientIPConfig"), .single, .optional),
        ]
    )

    /// `SleepAction` (`k8s.io.api.core.v1.SleepAction`).
    static let coreV1SleepAction = ProtobufMessage(
        "k8s.io.api.core.v1.SleepAction",
        fields: [
            ProtobufField(1, "seconds", .int64, .single, .always),
        ]
    )

    /// `StorageOSVolumeSource` (`k8s.io.api.core.v1.StorageOSVolumeSource`).
    static let coreV1StorageOSVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.StorageOSVolumeSource",
        fields: [
            ProtobufField(1, "volumeName", .string, .single, .omitEmpty),
            ProtobufField(2, "volumeNamespace", .string, .single, .omitEmpty),
            ProtobufField(3, "fsType", .string, .single, .omitEmpty),
            ProtobufField(4, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(5, "secretRef", .message("k8s.io.api.core.v1.LocalObjectReference"), .single, .optional),
        ]
    )

    /// `Sysctl` (`k8s.io.api.core.v1.Sysctl`).
    static let coreV1Sysctl = ProtobufMessage(
        "k8s.io.api.core.v1.Sysctl",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "value", .string, .single, .always),
        ]
    )

    /// `TCPSocketAction` (`k8s.io.api.core.v1.TCPSocketAction`).
    static let coreV1TCPSocketAction = ProtobufMessage(
        "k8s.io.api.core.v1.TCPSocketAction",
        fields: [
            ProtobufField(1, "port", .intOrString, .single, .always),
            ProtobufField(2, "host", .string, .single, .omitEmpty),
        ]
    )

    /// `Toleration` (`k8s.io.api.core.v1.Toleration`).
    static let coreV1Toleration = ProtobufMessage(
        "k8s.io.api.core.v1.Toleration",
        fields: [
            ProtobufField(1, "key", .string, .single, .omitEmpty),
            ProtobufField(2, "operator", .string, .single, .omitEmpty),
            ProtobufField(3, "value", .string, .single, .omitEmpty),
            ProtobufField(4, "effect", .string, .single, .omitEmpty),
            ProtobufField(5, "tolerationSeconds", .int64, .single, .optional),
        ]
    )

    /// `TopologySpreadConstraint` (`k8s.io.api.core.v1.TopologySpreadConstraint`).
    static let coreV1TopologySpreadConstraint = ProtobufMessage(
        "k8s.io.api.core.v1.TopologySpreadConstraint",
        fields: [
            ProtobufField(1, "maxSkew", .int32, .single, .always),
            ProtobufField(2, "topologyKey", .string, .single, .always),
            ProtobufField(3, "whenUnsatisfiable", .string, .single, .always),
            ProtobufField(
                4, "labelSelector", .message("k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector"),
                .single, .optional
            ),
            ProtobufField(5, "minDomains", .int32, .single, .optional),
            ProtobufField(6, "nodeAffinityPolicy", .string, .single, .optional),
            ProtobufField(7, "nodeTaintsPolicy", .string, .single, .optional),
            ProtobufField(8, "matchLabelKeys", .string, .repeated, .omitEmpty),
        ]
    )

    /// `TypedLocalObjectReference` (`k8s.io.api.core.v1.TypedLocalObjectReference`).
    static let coreV1TypedLocalObjectReference = ProtobufMessage(
        "k8s.io.api.core.v1.TypedLocalObjectReference",
        fields: [
            ProtobufField(1, "apiGroup", .string, .single, .nullable),
            ProtobufField(2, "kind", .string, .single, .always),
            ProtobufField(3, "name", .string, .single, .always),
        ]
    )

    /// `TypedObjectReference` (`k8s.io.api.core.v1.TypedObjectReference`).
    static let coreV1TypedObjectReference = ProtobufMessage(
        "k8s.io.api.core.v1.TypedObjectReference",
        fields: [
            ProtobufField(1, "apiGroup", .string, .single, .nullable),
            ProtobufField(2, "kind", .string, .single, .always),
            ProtobufField(3, "name", .string, .single, .always),
            ProtobufField(4, "namespace", .string, .single, .optional),
        ]
    )

    /// `Volume` (`k8s.io.api.core.v1.Volume`).
    static let coreV1Volume = ProtobufMessage(
        "k8s.io.api.core.v1.Volume",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "", .message("k8s.io.api.core.v1.VolumeSource"), .single, .inline),
        ]
    )

    /// `VolumeDevice` (`k8s.io.api.core.v1.VolumeDevice`).
    static let coreV1VolumeDevice = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeDevice",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "devicePath", .string, .single, .always),
        ]
    )

    /// `VolumeMount` (`k8s.io.api.core.v1.VolumeMount`).
    static let coreV1VolumeMount = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeMount",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(7, "recursiveReadOnly", .string, .single, .optional),
            ProtobufField(3, "mountPath", .string, .single, .always),
            ProtobufField(4, "subPath", .string, .single, .omitEmpty),
            ProtobufField(5, "mountPropagation", .string, .single, .optional),
            ProtobufField(6, "subPathExpr", .string, .single, .omitEmpty),
        ]
    )

    /// `VolumeMountStatus` (`k8s.io.api.core.v1.VolumeMountStatus`).
    static let coreV1VolumeMountStatus = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeMountStatus",
        fields: [
            ProtobufField(1, "name", .string, .single, .always),
            ProtobufField(2, "mountPath", .string, .single, .always),
            ProtobufField(3, "readOnly", .bool, .single, .omitEmpty),
            ProtobufField(4, "recursiveReadOnly", .string, .single, .optional),
            ProtobufField(5, "volumeStatus", .message("k8s.io.api.core.v1.VolumeStatus"), .single, .optional),
        ]
    )

    /// `VolumeProjection` (`k8s.io.api.core.v1.VolumeProjection`).
    static let coreV1VolumeProjection = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeProjection",
        fields: [
            ProtobufField(1, "secret", .message("k8s.io.api.core.v1.SecretProjection"), .single, .optional),
            ProtobufField(2, "downwardAPI", .message("k8s.io.api.core.v1.DownwardAPIProjection"), .single, .optional),
            ProtobufField(3, "configMap", .message("k8s.io.api.core.v1.ConfigMapProjection"), .single, .optional),
            ProtobufField(
                4, "serviceAccountToken", .message("k8s.io.api.core.v1.ServiceAccountTokenProjection"),
                .single, .optional
            ),
            ProtobufField(
                5, "clusterTrustBundle", .message("k8s.io.api.core.v1.ClusterTrustBundleProjection"),
                .single, .optional
            ),
            ProtobufField(
                6, "podCertificate", .message("k8s.io.api.core.v1.PodCertificateProjection"),
                .single, .optional
            ),
        ]
    )

    /// `VolumeResourceRequirements` (`k8s.io.api.core.v1.VolumeResourceRequirements`).
    static let coreV1VolumeResourceRequirements = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeResourceRequirements",
        fields: [
            ProtobufField(1, "limits", .quantity, .map, .omitEmpty),
            ProtobufField(2, "requests", .quantity, .map, .omitEmpty),
        ]
    )

    /// `VolumeSource` (`k8s.io.api.core.v1.VolumeSource`).
    static let coreV1VolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeSource",
        fields: [
            ProtobufField(1, "hostPath", .message("k8s.io.api.core.v1.HostPathVolumeSource"), .single, .optional),
            ProtobufField(2, "emptyDir", .message("k8s.io.api.core.v1.EmptyDirVolumeSource"), .single, .optional),
            ProtobufField(
                3, "gcePersistentDisk", .message("k8s.io.api.core.v1.GCEPersistentDiskVolumeSource"),
                .single, .optional
            ),
            ProtobufField(
                4, "awsElasticBlockStore", .message("k8s.io.api.core.v1.AWSElasticBlockStoreVolumeSource"),
                .single, .optional
            ),
            ProtobufField(5, "gitRepo", .message("k8s.io.api.core.v1.GitRepoVolumeSource"), .single, .optional),
            ProtobufField(6, "secret", .message("k8s.io.api.core.v1.SecretVolumeSource"), .single, .optional),
            ProtobufField(7, "nfs", .message("k8s.io.api.core.v1.NFSVolumeSource"), .single, .optional),
            ProtobufField(8, "iscsi", .message("k8s.io.api.core.v1.ISCSIVolumeSource"), .single, .optional),
            ProtobufField(9, "glusterfs", .message("k8s.io.api.core.v1.GlusterfsVolumeSource"), .single, .optional),
            ProtobufField(
                10, "persistentVolumeClaim", .message("k8s.io.api.core.v1.PersistentVolumeClaimVolumeSource"),
                .single, .optional
            ),
            ProtobufField(11, "rbd", .message("k8s.io.api.core.v1.RBDVolumeSource"), .single, .optional),
            ProtobufField(12, "flexVolume", .message("k8s.io.api.core.v1.FlexVolumeSource"), .single, .optional),
            ProtobufField(13, "cinder", .message("k8s.io.api.core.v1.CinderVolumeSource"), .single, .optional),
            ProtobufField(14, "cephfs", .message("k8s.io.api.core.v1.CephFSVolumeSource"), .single, .optional),
            ProtobufField(15, "flocker", .message("k8s.io.api.core.v1.FlockerVolumeSource"), .single, .optional),
            ProtobufField(
                16, "downwardAPI", .message("k8s.io.api.core.v1.DownwardAPIVolumeSource"),
                .single, .optional
            ),
            ProtobufField(17, "fc", .message("k8s.io.api.core.v1.FCVolumeSource"), .single, .optional),
            ProtobufField(18, "azureFile", .message("k8s.io.api.core.v1.AzureFileVolumeSource"), .single, .optional),
            ProtobufField(19, "configMap", .message("k8s.io.api.core.v1.ConfigMapVolumeSource"), .single, .optional),
            ProtobufField(
                20, "vsphereVolume", .message("k8s.io.api.core.v1.VsphereVirtualDiskVolumeSource"),
                .single, .optional
            ),
            ProtobufField(21, "quobyte", .message("k8s.io.api.core.v1.QuobyteVolumeSource"), .single, .optional),
            ProtobufField(22, "azureDisk", .message("k8s.io.api.core.v1.AzureDiskVolumeSource"), .single, .optional),
            ProtobufField(
                23, "photonPersistentDisk", .message("k8s.io.api.core.v1.PhotonPersistentDiskVolumeSource"),
                .single, .optional
            ),
            ProtobufField(26, "projected", .message("k8s.io.api.core.v1.ProjectedVolumeSource"), .single, .optional),
            ProtobufField(
                24, "portworxVolume", .message("k8s.io.api.core.v1.PortworxVolumeSource"),
                .single, .optional
            ),
            ProtobufField(25, "scaleIO", .message("k8s.io.api.core.v1.ScaleIOVolumeSource"), .single, .optional),
            ProtobufField(27, "storageos", .message("k8s.io.api.core.v1.StorageOSVolumeSource"), .single, .optional),
            ProtobufField(28, "csi", .message("k8s.io.api.core.v1.CSIVolumeSource"), .single, .optional),
            ProtobufField(29, "ephemeral", .message("k8s.io.api.core.v1.EphemeralVolumeSource"), .single, .optional),
            ProtobufField(30, "image", .message("k8s.io.api.core.v1.ImageVolumeSource"), .single, .optional),
        ]
    )

    /// `VolumeStatus` (`k8s.io.api.core.v1.VolumeStatus`).
    static let coreV1VolumeStatus = ProtobufMessage(
        "k8s.io.api.core.v1.VolumeStatus",
        fields: [
            ProtobufField(1, "image", .message("k8s.io.api.core.v1.ImageVolumeStatus"), .single, .optional),
        ]
    )

    /// `VsphereVirtualDiskVolumeSource` (`k8s.io.api.core.v1.VsphereVirtualDiskVolumeSource`).
    static let coreV1VsphereVirtualDiskVolumeSource = ProtobufMessage(
        "k8s.io.api.core.v1.VsphereVirtualDiskVolumeSource",
        fields: [
            ProtobufField(1, "volumePath", .string, .single, .always),
            ProtobufField(2, "fsType", .string, .single, .omitEmpty),
            ProtobufField(3, "storagePolicyName", .string, .single, .omitEmpty),
            ProtobufField(4, "storagePolicyID", .string, .single, .omitEmpty),
        ]
    )

    /// `WeightedPodAffinityTerm` (`k8s.io.api.core.v1.WeightedPodAffinityTerm`).
    static let coreV1WeightedPodAffinityTerm = ProtobufMessage(
        "k8s.io.api.core.v1.WeightedPodAffinityTerm",
        fields: [
            ProtobufField(1, "weight", .int32, .single, .always),
            ProtobufField(2, "podAffinityTerm", .message("k8s.io.api.core.v1.PodAffinityTerm"), .single, .always),
        ]
    )

    /// `WindowsSecurityContextOptions` (`k8s.io.api.core.v1.WindowsSecurityContextOptions`).
    static let coreV1WindowsSecurityContextOptions = ProtobufMessage(
        "k8s.io.api.core.v1.WindowsSecurityContextOptions",
        fields: [
            ProtobufField(1, "gmsaCredentialSpecName", .string, .single, .optional),
            ProtobufField(2, "gmsaCredentialSpec", .string, .single, .optional),
            ProtobufField(3, "runAsUserName", .string, .single, .optional),
            ProtobufField(4, "hostProcess", .bool, .single, .optional),
        ]
    )
}
