import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeModel
import Testing

@Suite struct WorkloadSpreadEventRouterTests {
    static func workloadSpread(_ name: String, apiVersion: String, kind: String, target: String, namespace: String = "default") -> WorkloadSpread {
        var ws = WorkloadSpread(metadata: ObjectMeta(name: name, namespace: namespace))
        ws.spec.targetRef = WorkloadSpreadTargetReference(apiVersion: apiVersion, kind: kind, name: target)
        return ws
    }

    static let spreads = [
        workloadSpread("ws-clone", apiVersion: "apps.kruise.io/v1alpha1", kind: "CloneSet", target: "web"),
        workloadSpread("ws-deploy", apiVersion: "apps/v1", kind: "Deployment", target: "api"),
        workloadSpread("ws-rs", apiVersion: "apps/v1", kind: "ReplicaSet", target: "api-h1"),
        // Same kind and name, another group: not the CloneSet `web`.
        workloadSpread("ws-other-group", apiVersion: "example.com/v1", kind: "CloneSet", target: "web"),
    ]

    static func owner(_ apiVersion: String, _ kind: String, _ name: String) -> OwnerReference {
        var owner = OwnerReference()
        owner.apiVersion = apiVersion
        owner.kind = kind
        owner.name = name
        owner.uid = "uid-\(name)"
        owner.controller = true
        return owner
    }

    static func pod(_ name: String = "p", owner: OwnerReference?, match: String? = nil, namespace: String = "default") -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: namespace))
        if let owner { pod.metadata.ownerReferences = [owner] }
        if let match {
            pod.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: MatchedWorkloadSpread(name: match, subset: "zone-a").annotationValue]
        }
        return pod
    }

    /// `api-h1` is controlled by the Deployment `api`.
    static func replicaSetOwner(_ name: String) -> OwnerReference? {
        name == "api-h1" ? owner("apps/v1", "Deployment", "api") : nil
    }

    static func keys(_ event: InformerEvent<Pod>) -> [String] {
        WorkloadSpreadEventRouter.keys(for: event, workloadSpreads: spreads, replicaSetOwner: replicaSetOwner).map(\.description)
    }

    @Test func aMatchedPodMapsToTheWorkloadSpreadItNames() {
        let pod = Self.pod(owner: Self.owner("apps.kruise.io/v1alpha1", "CloneSet", "web"), match: "ws-x")
        #expect(Self.keys(.added(pod)) == ["default/ws-x"])
        #expect(Self.keys(.deleted(pod)) == ["default/ws-x"])
    }

    @Test func anUnmatchedPodMapsToTheWorkloadSpreadsTargetingItsController() {
        let clonePod = Self.pod(owner: Self.owner("apps.kruise.io/v1alpha1", "CloneSet", "web"))
        #expect(Self.keys(.added(clonePod)) == ["default/ws-clone"])
        // A pod of a ReplicaSet: the WorkloadSpreads of the ReplicaSet and of its Deployment.
        let rsPod = Self.pod(owner: Self.owner("apps/v1", "ReplicaSet", "api-h1"))
        #expect(Self.keys(.added(rsPod)) == ["default/ws-deploy", "default/ws-rs"])
        // No controller, an untargeted controller, or another namespace: nothing.
        #expect(Self.keys(.added(Self.pod(owner: nil))).isEmpty)
        #expect(Self.keys(.added(Self.pod(owner: Self.owner("apps/v1", "StatefulSet", "db")))).isEmpty)
        #expect(Self.keys(.added(Self.pod(owner: Self.owner("apps.kruise.io/v1alpha1", "CloneSet", "web"), namespace: "other"))).isEmpty)
    }

    @Test func anUpdateMapsThroughTheOldAndTheNewPod() {
        let before = Self.pod(owner: Self.owner("apps.kruise.io/v1alpha1", "CloneSet", "web"))
        var after = before
        after.metadata.annotations = [KruiseKeys.matchedWorkloadSpread: MatchedWorkloadSpread(name: "ws-new", subset: "a").annotationValue]
        #expect(Self.keys(.updated(old: before, new: after)) == ["default/ws-new", "default/ws-clone"])
        #expect(Self.keys(.updated(old: after, new: after)) == ["default/ws-new"])
    }

    @Test func workloadEventsMapToTheWorkloadSpreadsTargetingThem() {
        var cloneSet = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        #expect(WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.added(cloneSet), workloadSpreads: Self.spreads).map(\.name) == ["ws-clone"])
        cloneSet.metadata.namespace = "other"
        #expect(WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.added(cloneSet), workloadSpreads: Self.spreads).isEmpty)

        let deployment = Deployment(metadata: ObjectMeta(name: "api", namespace: "default"))
        #expect(WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.deleted(deployment), workloadSpreads: Self.spreads).map(\.name) == ["ws-deploy"])

        // A ReplicaSet maps to the WorkloadSpreads of its own and of its Deployment.
        var replicaSet = ReplicaSet(metadata: ObjectMeta(name: "api-h1", namespace: "default"))
        replicaSet.metadata.ownerReferences = [Self.owner("apps/v1", "Deployment", "api")]
        #expect(
            WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.updated(old: replicaSet, new: replicaSet), workloadSpreads: Self.spreads)
                .map(\.name) == ["ws-deploy", "ws-rs"])
        var orphan = ReplicaSet(metadata: ObjectMeta(name: "api-h2", namespace: "default"))
        orphan.metadata.ownerReferences = []
        #expect(WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.added(orphan), workloadSpreads: Self.spreads).isEmpty)

        // A Deployment named like the CloneSet target is not it.
        let sameName = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
        #expect(WorkloadSpreadEventRouter.keys(forWorkload: InformerEvent.added(sameName), workloadSpreads: Self.spreads).isEmpty)
    }
}
