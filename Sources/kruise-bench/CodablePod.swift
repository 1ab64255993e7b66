/// The Foundation baseline: a plain Codable model of the same Pods, as a Swift client would write it with
/// JSONDecoder/JSONEncoder. It models every field the corpus holds, so both sides decode the same
/// information; timestamps stay strings on both sides.
struct CodablePod: Codable {
    var apiVersion: String?
    var kind: String?
    var metadata: Metadata?
    var spec: Spec?
    var status: Status?

    struct Metadata: Codable {
        var name: String?
        var generateName: String?
        var namespace: String?
        var uid: String?
        var resourceVersion: String?
        var creationTimestamp: String?
        var labels: [String: String]?
        var annotations: [String: String]?
        var ownerReferences: [OwnerReference]?
        var finalizers: [String]?
    }

    struct OwnerReference: Codable {
        var apiVersion: String
        var kind: String
        var name: String
        var uid: String
        var controller: Bool?
        var blockOwnerDeletion: Bool?
    }

    struct Spec: Codable {
        var volumes: [Volume]?
        var containers: [Container]
        var restartPolicy: String?
        var terminationGracePeriodSeconds: Int64?
        var dnsPolicy: String?
        var serviceAccountName: String?
        var nodeName: String?
        var schedulerName: String?
        var tolerations: [Toleration]?
        var priority: Int32?
        var enableServiceLinks: Bool?
        var readinessGates: [ReadinessGate]?
    }

    struct Volume: Codable {
        var name: String
        var persistentVolumeClaim: PVCSource?
        var configMap: ConfigMapSource?
        var emptyDir: EmptyDirSource?
    }

    struct PVCSource: Codable {
        var claimName: String
        var readOnly: Bool?
    }

    struct ConfigMapSource: Codable {
        var name: String?
        var items: [KeyToPath]?
        var defaultMode: Int32?
    }

    struct KeyToPath: Codable {
        var key: String
        var path: String
    }

    struct EmptyDirSource: Codable {
        var medium: String?
        var sizeLimit: String?
    }

    struct Container: Codable {
        var name: String
        var image: String?
        var command: [String]?
        var args: [String]?
        var ports: [ContainerPort]?
        var env: [EnvVar]?
        var resources: Resources?
        var volumeMounts: [VolumeMount]?
        var readinessProbe: Probe?
        var terminationMessagePath: String?
        var terminationMessagePolicy: String?
        var imagePullPolicy: String?
    }

    struct ContainerPort: Codable {
        var name: String?
        var containerPort: Int32
        var `protocol`: String?
    }

    struct EnvVar: Codable {
        var name: String
        var value: String?
        var valueFrom: EnvVarSource?
    }

    struct EnvVarSource: Codable {
        var fieldRef: FieldRef?
    }

    struct FieldRef: Codable {
        var apiVersion: String?
        var fieldPath: String
    }

    struct Resources: Codable {
        var limits: [String: String]?
        var requests: [String: String]?
    }

    struct VolumeMount: Codable {
        var name: String
        var mountPath: String
        var readOnly: Bool?
    }

    struct Probe: Codable {
        var httpGet: HTTPGet?
        var initialDelaySeconds: Int32?
        var timeoutSeconds: Int32?
        var periodSeconds: Int32?
        var successThreshold: Int32?
        var failureThreshold: Int32?
    }

    struct HTTPGet: Codable {
        var path: String?
        var port: Int32
        var scheme: String?
    }

    struct Toleration: Codable {
        var key: String?
        var `operator`: String?
        var value: String?
        var effect: String?
        var tolerationSeconds: Int64?
    }

    struct ReadinessGate: Codable {
        var conditionType: String
    }

    struct Status: Codable {
        var phase: String?
        var conditions: [PodCondition]?
        var hostIP: String?
        var podIP: String?
        var startTime: String?
        var containerStatuses: [ContainerStatus]?
        var qosClass: String?
    }

    struct PodCondition: Codable {
        var type: String
        var status: String
        var lastProbeTime: String?
        var lastTransitionTime: String?
    }

    struct ContainerStatus: Codable {
        var name: String
        var state: ContainerState?
        var lastState: ContainerState?
        var ready: Bool
        var restartCount: Int32
        var image: String
        var imageID: String
        var containerID: String?
        var started: Bool?
    }

    struct ContainerState: Codable {
        var running: Running?
    }

    struct Running: Codable {
        var startedAt: String?
    }
}
