import BuiltinControllers
import KubeJSON
import KubeModel

/// Builders for the observed objects the planner tests feed in.
enum Fixtures {
    static let now = KubeTime(seconds: 1_700_000_000)

    static func time(_ secondsBeforeNow: Int64) -> KubeTime { now.adding(seconds: -secondsBeforeNow) }

    static func template(image: String = "nginx:1", labels: [String: String] = ["app": "web"]) -> PodTemplateSpec {
        var template = PodTemplateSpec()
        var metadata = ObjectMeta()
        metadata.labels = labels
        template.metadata = metadata
        template.object["spec"] = [
            "containers": [["name": "c", "image": .string(image)]],
            "x-unknown-field": "kept",
        ]
        return template
    }

    static func replicaSet(
        _ name: String, replicas: Int32 = 3, uid: String? = nil, template: PodTemplateSpec = template(),
        minReadySeconds: Int32? = nil, generation: Int64 = 1
    ) -> ReplicaSet {
        var metadata = ObjectMeta(name: name, namespace: "default")
        metadata.uid = uid ?? "uid-\(name)"
        metadata.generation = generation
        var set = ReplicaSet(metadata: metadata)
        var spec = ReplicaSetSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        spec.template = template
        spec.minReadySeconds = minReadySeconds
        set.spec = spec
        return set
    }

    /// A pod owned by `owner` (kind, name, uid).
    static func pod(
        _ name: String, owner: (kind: String, name: String, uid: String)? = nil, phase: String? = "Running",
        ready: Bool = true, readySince: Int64 = 3600, node: String? = "node-a", created: Int64 = 3600,
        restarts: Int32 = 0, labels: [String: String] = ["app": "web"], annotations: [String: String] = [:],
        deleting: Bool = false, finalizers: [String] = [], uid: String? = nil
    ) -> Pod {
        var metadata = ObjectMeta(name: name, namespace: "default")
        metadata.uid = uid ?? "uid-\(name)"
        metadata.labels = labels
        metadata.annotations = annotations
        metadata.creationTimestamp = time(created)
        metadata.finalizers = finalizers
        if deleting { metadata.deletionTimestamp = now }
        if let owner {
            var reference = OwnerReference()
            reference.apiVersion = owner.kind == "Job" ? "batch/v1" : "apps/v1"
            reference.kind = owner.kind
            reference.name = owner.name
            reference.uid = owner.uid
            reference.controller = true
            metadata.ownerReferences = [reference]
        }
        var pod = Pod(metadata: metadata)
        var spec = PodSpec()
        spec.nodeName = node
        pod.spec = spec
        var status = PodStatus()
        status.phase = phase
        if phase != nil {
            var condition = Condition(type: "Ready", status: ready ? "True" : "False")
            condition.lastTransitionTime = time(readySince)
            status.conditions = [condition]
        }
        if restarts > 0 {
            var container = ContainerStatus()
            container.name = "c"
            container.restartCount = restarts
            status.containerStatuses = [container]
        }
        pod.status = status
        return pod
    }

    static func rsPod(_ name: String, of set: ReplicaSet, phase: String? = "Running", ready: Bool = true,
                      readySince: Int64 = 3600, node: String? = "node-a", created: Int64 = 3600,
                      restarts: Int32 = 0, annotations: [String: String] = [:], deleting: Bool = false,
                      labels: [String: String] = ["app": "web"]) -> Pod {
        pod(name, owner: ("ReplicaSet", set.name, set.metadata.uid ?? ""), phase: phase, ready: ready,
            readySince: readySince, node: node, created: created, restarts: restarts, labels: labels,
            annotations: annotations, deleting: deleting)
    }

    static func createdPods(_ plan: ControllerPlan<some Sendable & Hashable>) -> [Pod] {
        plan.actions.compactMap { if case .createPod(let pod) = $0 { pod } else { nil } }
    }

    static func deletedNames(_ plan: ControllerPlan<some Sendable & Hashable>) -> [String] {
        plan.actions.compactMap { if case .deletePod(let id) = $0 { id.name } else { nil } }
    }
}
