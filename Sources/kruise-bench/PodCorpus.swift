import KubeJSON
import KruiseTestSupport

/// A deterministic corpus of realistic Pods (about 3 KB each, status included), as a busy cluster's API
/// server holds them: CloneSet-owned pods with labels, annotations, probes, volumes, tolerations, readiness
/// gates and full container statuses.
struct PodCorpus {
    /// Each pod's compact JSON.
    let documents: [[UInt8]]

    /// Total bytes in the corpus.
    var totalBytes: Int { self.documents.reduce(0) { $0 + $1.count } }

    init(count: Int, seed: UInt64 = 0x5EED) {
        var random = SplitMix64(seed: seed)
        self.documents = (0..<count).map { index in Self.pod(index: index, random: &random).serialized() }
    }

    private static func pod(index: Int, random: inout SplitMix64) -> JSONValue {
        let app = "web-\(index % 97)"
        let hash = random.hex(10)
        let name = "\(app)-\(random.alphanumeric(5))"
        let namespace = "team-\(index % 13)"
        let node = "node-\(random.next() % 500)"
        let image = "registry.example.com/\(app)/server:v1.\(random.next() % 40).\(random.next() % 10)"
        let created = "2026-11-\(10 + random.next() % 18)T\(10 + random.next() % 14):\(10 + random.next() % 50):\(10 + random.next() % 50)Z"
        let digest = random.hex(64)
        let inPlaceState =
            #"{"revision":"\#(app)-\#(hash)","updateTimestamp":"\#(created)","lastContainerStatuses":{"main":{"imageID":"sha256:\#(random.hex(64))"}}}"#
        let condition: (String) -> JSONValue = { type in
            ["type": .string(type), "status": "True", "lastProbeTime": nil, "lastTransitionTime": .string(created)]
        }
        return [
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": [
                "name": .string(name),
                "generateName": .string("\(app)-"),
                "namespace": .string(namespace),
                "uid": .string(random.uuid()),
                "resourceVersion": .string(String(1_000_000 + index * 7)),
                "creationTimestamp": .string(created),
                "labels": [
                    "app": .string(app),
                    "apps.kruise.io/cloneset-instance-id": .string(random.alphanumeric(5)),
                    "controller-revision-hash": .string("\(app)-\(hash)"),
                    "pod-template-hash": .string(hash),
                    "tier": index % 3 == 0 ? "frontend" : "backend",
                ],
                "annotations": [
                    "apps.kruise.io/inplace-update-state": .string(inPlaceState),
                    "kubectl.kubernetes.io/restartedAt": .string(created),
                ],
                "ownerReferences": [
                    [
                        "apiVersion": "apps.kruise.io/v1alpha1",
                        "kind": "CloneSet",
                        "name": .string(app),
                        "uid": .string(random.uuid()),
                        "controller": true,
                        "blockOwnerDeletion": true,
                    ]
                ],
            ],
            "spec": [
                "volumes": [
                    ["name": "data", "persistentVolumeClaim": ["claimName": .string("data-\(name)")]],
                    [
                        "name": "config",
                        "configMap": [
                            "name": .string("\(app)-config"),
                            "items": [["key": "app.yaml", "path": "app.yaml"]],
                            "defaultMode": 420,
                        ],
                    ],
                    ["name": "cache", "emptyDir": ["sizeLimit": "1Gi"]],
                ],
                "containers": [
                    [
                        "name": "main",
                        "image": .string(image),
                        "command": ["/server"],
                        "args": ["--port=8080", "--log-level=info"],
                        "ports": [["name": "http", "containerPort": 8080, "protocol": "TCP"]],
                        "env": [
                            [
                                "name": "POD_NAME",
                                "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.name"]],
                            ],
                            ["name": "LOG_LEVEL", "value": "info"],
                            ["name": "GOMAXPROCS", "value": "2"],
                        ],
                        "resources": [
                            "limits": ["cpu": "500m", "memory": "512Mi"],
                            "requests": ["cpu": "100m", "memory": "128Mi"],
                        ],
                        "volumeMounts": [
                            ["name": "data", "mountPath": "/data"],
                            ["name": "config", "mountPath": "/etc/app", "readOnly": true],
                        ],
                        "readinessProbe": [
                            "httpGet": ["path": "/healthz", "port": 8080, "scheme": "HTTP"],
                            "initialDelaySeconds": 5,
                            "timeoutSeconds": 1,
                            "periodSeconds": 10,
                            "successThreshold": 1,
                            "failureThreshold": 3,
                        ],
                        "terminationMessagePath": "/dev/termination-log",
                        "terminationMessagePolicy": "File",
                        "imagePullPolicy": "IfNotPresent",
                    ]
                ],
                "restartPolicy": "Always",
                "terminationGracePeriodSeconds": 30,
                "dnsPolicy": "ClusterFirst",
                "serviceAccountName": "default",
                "nodeName": .string(node),
                "schedulerName": "default-scheduler",
                "tolerations": [
                    [
                        "key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
                        "tolerationSeconds": 300,
                    ],
                    [
                        "key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                        "tolerationSeconds": 300,
                    ],
                ],
                "priority": 0,
                "enableServiceLinks": true,
                "readinessGates": [["conditionType": "InPlaceUpdateReady"]],
            ],
            "status": [
                "phase": "Running",
                "conditions": [
                    condition("InPlaceUpdateReady"), condition("Initialized"), condition("Ready"),
                    condition("ContainersReady"), condition("PodScheduled"),
                ],
                "hostIP": .string("10.0.\(random.next() % 250).\(random.next() % 250)"),
                "podIP": .string("10.244.\(random.next() % 250).\(random.next() % 250)"),
                "startTime": .string(created),
                "containerStatuses": [
                    [
                        "name": "main",
                        "state": ["running": ["startedAt": .string(created)]],
                        "lastState": [:],
                        "ready": true,
                        "restartCount": .int(Int64(random.next() % 3)),
                        "image": .string(image),
                        "imageID": .string("registry.example.com/\(app)/server@sha256:\(digest)"),
                        "containerID": .string("containerd://\(random.hex(64))"),
                        "started": true,
                    ]
                ],
                "qosClass": "Burstable",
            ],
        ]
    }
}

