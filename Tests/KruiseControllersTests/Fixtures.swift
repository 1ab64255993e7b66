import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel

/// Shared objects for the CloneSet planner tests.
enum Fixtures {
    static let now = KubeTime(seconds: 1_700_000_000)
    static let newRevision = "web-newrev"
    static let oldRevision = "web-oldrev"

    /// upstream `createTestCloneSet(replicas, partition, maxUnavailable, maxSurge)`.
    static func cloneSet(
        _ replicas: Int32, _ partition: IntOrString, _ maxUnavailable: IntOrString, _ maxSurge: IntOrString,
        type: CloneSetUpdateStrategyType = .reCreate, image: String = "nginx:1.25"
    ) -> CloneSet {
        var cloneSet = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        cloneSet.metadata.uid = "uid-web"
        cloneSet.metadata.generation = 2
        var spec = CloneSetSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": "web"]
        template.spec.containers = [Container(name: "main", image: image)]
        spec.template = template
        var strategy = CloneSetUpdateStrategy()
        strategy.type = type
        strategy.partition = partition
        strategy.maxUnavailable = maxUnavailable
        strategy.maxSurge = maxSurge
        spec.updateStrategy = strategy
        cloneSet.spec = spec
        return cloneSet
    }

    /// upstream `createTestPod(revision, state, ready, specifiedDelete)`, named and owned.
    static func pod(
        _ name: String, revision: String = newRevision, state: LifecycleState? = .normal, ready: Bool = true,
        specifiedDelete: Bool = false, node: String? = "node-1", created: Int64 = 0
    ) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        pod.metadata.uid = "uid-" + name
        pod.metadata.creationTimestamp = KubeTime(seconds: 1_600_000_000 + created)
        var labels = ["app": "web", KruiseKeys.controllerRevisionHash: revision,
                      KruiseKeys.podTemplateHash: CloneSetPods.shortHash(revision)]
        if let state { labels[KruiseKeys.lifecycleState] = state.rawValue }
        if specifiedDelete { labels[KruiseKeys.specifiedDelete] = "true" }
        pod.metadata.labels = labels
        var owner = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        owner.metadata.uid = "uid-web"
        pod.metadata.ownerReferences = [OwnerReference(to: owner)]
        pod.spec.containers = [Container(name: "main", image: "nginx:1.25")]
        pod.spec.nodeName = node
        if ready {
            var status = PodStatus()
            status.phase = "Running"
            var condition = Condition(type: "Ready", status: "True")
            condition.lastTransitionTime = KubeTime(seconds: 1_600_000_000)
            status.conditions = [condition]
            pod.status = status
        } else {
            pod.status.phase = "Pending"
        }
        return pod
    }

    /// A revision of `cloneSet`'s template with the given name.
    static func revision(_ name: String, of cloneSet: CloneSet, number: Int64) -> ControllerRevision {
        var revision = CloneSetRevisions.newRevision(of: cloneSet, revision: number, collisionCount: 0)
        revision.metadata.name = name
        return revision
    }

    static func createdPods(_ plan: CloneSetPlan) -> [Pod] {
        plan.actions.compactMap { if case .createPod(let pod) = $0 { pod } else { nil } }
    }

    static func deletedPods(_ actions: [CloneSetAction]) -> [String] {
        actions.compactMap { if case .deletePod(let ref) = $0 { ref.name } else { nil } }
    }

    static func updatedPods(_ actions: [CloneSetAction]) -> [Pod] {
        actions.compactMap { if case .updatePod(let change) = $0 { change.pod } else { nil } }
    }
}
