/// The protobuf messages of the built-in kinds the server decodes, by full name and by kind.
///
/// The tables (`ProtobufSchema+CoreV1.swift` and friends) hold one ``ProtobufMessage`` per Go type:
/// field numbers from the `protobuf` struct tags of `k8s.io/api` and `k8s.io/apimachinery` v0.36, JSON
/// names and presence from the `json` tags. Adding a kind means adding its messages and a ``kinds`` entry.
enum ProtobufSchema {
    /// Every message, by full protobuf name.
    static let messagesByName: [String: ProtobufMessage] = {
        var messages: [String: ProtobufMessage] = [:]
        let groups = [
            Self.metaV1Messages, Self.coreV1Messages, Self.appsV1Messages, Self.batchV1Messages,
            Self.coordinationV1Messages, Self.authorizationV1Messages, Self.authenticationV1Messages,
        ]
        for group in groups {
            for message in group { messages[message.name] = message }
        }
        return messages
    }()

    /// The message of a top-level kind, by `apiVersion` then `kind`.
    static let kinds: [String: [String: String]] = [
        "v1": [
            "ConfigMap": "k8s.io.api.core.v1.ConfigMap",
            "Endpoints": "k8s.io.api.core.v1.Endpoints",
            "Event": "k8s.io.api.core.v1.Event",
            "Namespace": "k8s.io.api.core.v1.Namespace",
            "PersistentVolumeClaim": "k8s.io.api.core.v1.PersistentVolumeClaim",
            "Pod": "k8s.io.api.core.v1.Pod",
            "PodTemplate": "k8s.io.api.core.v1.PodTemplate",
            "Secret": "k8s.io.api.core.v1.Secret",
            "Service": "k8s.io.api.core.v1.Service",
            "ServiceAccount": "k8s.io.api.core.v1.ServiceAccount",
        ],
        "apps/v1": [
            "ControllerRevision": "k8s.io.api.apps.v1.ControllerRevision",
            "DaemonSet": "k8s.io.api.apps.v1.DaemonSet",
            "Deployment": "k8s.io.api.apps.v1.Deployment",
            "ReplicaSet": "k8s.io.api.apps.v1.ReplicaSet",
            "StatefulSet": "k8s.io.api.apps.v1.StatefulSet",
        ],
        "batch/v1": [
            "CronJob": "k8s.io.api.batch.v1.CronJob",
            "Job": "k8s.io.api.batch.v1.Job",
        ],
        "coordination.k8s.io/v1": [
            "Lease": "k8s.io.api.coordination.v1.Lease",
        ],
        "authorization.k8s.io/v1": [
            "SelfSubjectAccessReview": "k8s.io.api.authorization.v1.SelfSubjectAccessReview",
        ],
        "authentication.k8s.io/v1": [
            "TokenRequest": "k8s.io.api.authentication.v1.TokenRequest",
        ],
    ]

    /// The message named `name`.
    static func message(named name: String) -> ProtobufMessage? {
        Self.messagesByName[name]
    }

    /// The message of the kind `kind` in `apiVersion`, if the server has its schema.
    static func message(apiVersion: String, kind: String) -> ProtobufMessage? {
        Self.kinds[apiVersion]?[kind].flatMap { Self.messagesByName[$0] }
    }
}
