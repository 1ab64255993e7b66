import KruiseTestSupport
import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetScalePlannerTests {
    static func plan(
        _ cloneSet: CloneSet, pods: [Pod], pvcs: [PersistentVolumeClaim] = [], seed: UInt64 = 42
    ) -> CloneSetScalePlanner.Result {
        var random = SplitMix64(seed: seed)
        return CloneSetScalePlanner().plan(
            cloneSet: cloneSet, currentCloneSet: cloneSet, currentRevision: Fixtures.newRevision,
            updateRevision: Fixtures.newRevision, pods: pods, pvcs: pvcs, now: Fixtures.now, random: &random)
    }

    static func withClaim(_ cloneSet: CloneSet) -> CloneSet {
        var copy = cloneSet
        var claim = PersistentVolumeClaim(metadata: ObjectMeta(name: "data"))
        claim.accessModes = ["ReadWriteOnce"]
        copy.spec.volumeClaimTemplates = [claim]
        return copy
    }

    @Test func scaleUpCreatesNamedPodsInSlowStartBatchesWithPVCsFirst() throws {
        let cloneSet = Self.withClaim(Fixtures.cloneSet(5, 0, 1, 0))
        let result = Self.plan(cloneSet, pods: [])
        #expect(result.diffs == CloneSetDiffs(scaleUpNum: 5, scaleUpLimit: 5))
        // batches 1, 2, 2: each a PVC step then a pod step, every creation followed by its settling write
        #expect(result.steps.map(\.count) == [1, 2, 2, 4, 2, 4])
        for (index, step) in result.steps.enumerated() {
            let kinds = step.map {
                switch $0 {
                case .createPVC: "pvc"
                case .createPod: "pod"
                case .settleCreatedPod: "settle"
                default: "other"
                }
            }
            #expect(kinds == (index % 2 == 0 ? Array(repeating: "pvc", count: step.count) : Array(repeating: ["pod", "settle"], count: step.count / 2).flatMap { $0 }))
        }
        let pods = result.steps.flatMap { $0 }.compactMap { if case .createPod(let pod) = $0 { pod } else { nil } }
        let claims = result.steps.flatMap { $0 }.compactMap { if case .createPVC(let claim) = $0 { claim } else { nil } }
        #expect(Set(pods.map(\.name)).count == 5)
        for pod in pods {
            let id = try #require(pod.metadata.labels[KruiseKeys.cloneSetInstanceID])
            #expect(id.count == 5)
            #expect(id.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
            #expect(pod.name == "web-\(id)")
            #expect(pod.metadata.labels[KruiseKeys.controllerRevisionHash] == Fixtures.newRevision)
            #expect(pod.metadata.labels[KruiseKeys.podTemplateHash] == "newrev")
            #expect(pod.metadata.labels[KruiseKeys.lifecycleState] == "PreparingNormal")
            #expect(pod.metadata.labels["app"] == "web")
            #expect(pod.spec.readinessGates == ["InPlaceUpdateReady"])
            #expect(pod.metadata.controllerReference?.uid == "uid-web")
            #expect(pod.spec.volumes.first?.claimName == "data-web-\(id)")
            #expect(pod.spec.volumes.first?.name == "data")
            #expect(claims.contains { $0.name == "data-web-\(id)" && $0.metadata.labels == ["app": "web", KruiseKeys.cloneSetInstanceID: id] })
        }
        // Same seed, same plan.
        #expect(Self.plan(cloneSet, pods: []) == result)
        #expect(Self.plan(cloneSet, pods: [], seed: 7) != result)
    }

    @Test func scaleUpReusesInstanceIDsOfOrphanPVCsAndSkipsExistingClaims() {
        let cloneSet = Self.withClaim(Fixtures.cloneSet(2, 0, 1, 0))
        var pod = Fixtures.pod("web-aaaaa")
        pod.metadata.labels[KruiseKeys.cloneSetInstanceID] = "aaaaa"
        var orphan = PersistentVolumeClaim(metadata: ObjectMeta(name: "data-web-zzzzz", namespace: "default"))
        orphan.metadata.labels = [KruiseKeys.cloneSetInstanceID: "zzzzz"]
        var used = PersistentVolumeClaim(metadata: ObjectMeta(name: "data-web-aaaaa", namespace: "default"))
        used.metadata.labels = [KruiseKeys.cloneSetInstanceID: "aaaaa"]
        let result = Self.plan(cloneSet, pods: [pod], pvcs: [orphan, used])
        #expect(result.steps.count == 1)
        guard case .createPod(let created)? = result.steps.first?.first else {
            Issue.record("expected a pod creation")
            return
        }
        #expect(created.name == "web-zzzzz")
    }

    /// A preNormal hook the new pod does not yet satisfy holds it in PreparingNormal; one it satisfies at creation
    /// lets it move on at once, as the next refresh would.
    @Test func settlingANewPodHonoursThePreNormalHook() throws {
        var cloneSet = Fixtures.cloneSet(1, 0, 1, 0)
        cloneSet.spec.lifecycle = Lifecycle(object: ["preNormal": ["labelsHandler": ["example.com/warm": "true"]]])
        func settling(_ cloneSet: CloneSet) throws -> CloneSetPodSettling {
            let actions = Self.plan(cloneSet, pods: []).steps.flatMap { $0 }
            return try #require(actions.lazy.compactMap { if case .settleCreatedPod(_, let settling) = $0 { settling } else { nil } }.first)
        }
        #expect(try settling(cloneSet).state == nil)
        cloneSet.spec.template.metadata.labels["example.com/warm"] = "true"
        #expect(try settling(cloneSet).state == .normal)
    }

    /// The settling write is worked out from the pod as created: the in-place condition for its gate, the
    /// lifecycle state, and the KruisePodReady condition for a gate admission added; nothing when all is done.
    @Test func settlingWritesWhatTheCreatedPodNeeds() throws {
        var created = Fixtures.pod("web-abcde", state: .preparingNormal, ready: false)
        created.metadata.resourceVersion = "7"
        created.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady, KruisePodReadiness.conditionType]
        let change = try #require(CloneSetPodSettling(state: .normal, now: Fixtures.now).change(for: created))
        #expect(change.pod.metadata.labels[KruiseKeys.lifecycleState] == "Normal")
        #expect(change.pod.status.conditions[type: KruiseKeys.inPlaceUpdateReady]?.status == "True")
        #expect(change.pod.status.conditions[type: KruisePodReadiness.conditionType]?.status == "True")
        #expect(change.patch["spec"] == nil)

        // Held by a hook, without the KruisePodReady gate: the in-place condition alone.
        var plain = created
        plain.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady]
        let held = try #require(CloneSetPodSettling(state: nil, now: Fixtures.now).change(for: plain))
        #expect(held.patch["metadata"] == nil)
        #expect(held.pod.status.conditions.map(\.type) == [KruiseKeys.inPlaceUpdateReady])

        // Settled already (the next refresh got there first): nothing to write.
        #expect(CloneSetPodSettling(state: .normal, now: Fixtures.now).change(for: change.pod) == nil)
    }

    @Test func scaleUpLimitedByScaleMaxUnavailable() {
        var cloneSet = Fixtures.cloneSet(6, 0, 1, 0)
        cloneSet.spec.scaleStrategy.maxUnavailable = 2
        let pods = [Fixtures.pod("a"), Fixtures.pod("b"), Fixtures.pod("c", ready: false)]
        let result = Self.plan(cloneSet, pods: pods)
        #expect(result.diffs.scaleUpNum == 3)
        #expect(result.steps.flatMap { $0 }.filter { if case .createPod = $0 { true } else { false } }.count == 1)
        let blocked = Self.plan(cloneSet, pods: [Fixtures.pod("a"), Fixtures.pod("b", ready: false), Fixtures.pod("c", ready: false)])
        #expect(blocked.steps.isEmpty)
    }

    @Test func specifiedDeleteHonoursDeleteReadyLimit() {
        let cloneSet = Fixtures.cloneSet(5, 0, 1, 0)
        let pods = [
            Fixtures.pod("a", specifiedDelete: true), Fixtures.pod("b", specifiedDelete: true),
            Fixtures.pod("c"), Fixtures.pod("d"), Fixtures.pod("e"),
        ]
        let result = Self.plan(cloneSet, pods: pods)
        #expect(result.diffs.deleteReadyLimit == 1)
        #expect(Fixtures.deletedPods(result.steps.flatMap { $0 }) == ["a"])
        // Unready specified pods are always deleted.
        var unready = pods
        unready[1] = Fixtures.pod("b", ready: false, specifiedDelete: true)
        #expect(Fixtures.deletedPods(Self.plan(cloneSet, pods: unready).steps.flatMap { $0 }) == ["a", "b"])
        // podsToDelete names count as specified.
        var named = cloneSet
        named.spec.scaleStrategy.podsToDelete = ["d"]
        #expect(Fixtures.deletedPods(Self.plan(named, pods: [Fixtures.pod("c"), Fixtures.pod("d"), Fixtures.pod("e"), Fixtures.pod("f"), Fixtures.pod("g")]).steps.flatMap { $0 }) == ["d"])
    }

    @Test func scaleDownRanksNotReadyUnscheduledAndCheapPodsFirst() {
        let cloneSet = Fixtures.cloneSet(2, 0, "100%", 0)
        var cheap = Fixtures.pod("cheap", created: 1)
        cheap.metadata.annotations[KruiseKeys.podDeletionCost] = "-10"
        let pods = [
            Fixtures.pod("old", created: 1), Fixtures.pod("new", created: 9), cheap,
            Fixtures.pod("unready", ready: false, created: 2), Fixtures.pod("unscheduled", ready: false, node: nil, created: 3),
        ]
        let result = Self.plan(cloneSet, pods: pods)
        #expect(result.diffs.scaleDownNum == 3)
        #expect(Fixtures.deletedPods(result.steps.flatMap { $0 }) == ["unscheduled", "unready", "cheap"])
    }

    @Test func scaleDownPrefersCrowdedNodesThenNewerPods() {
        let cloneSet = Fixtures.cloneSet(2, 0, "100%", 0)
        let pods = [
            Fixtures.pod("a", node: "n1", created: 1), Fixtures.pod("b", node: "n1", created: 2),
            Fixtures.pod("c", node: "n2", created: 3),
        ]
        #expect(Fixtures.deletedPods(Self.plan(cloneSet, pods: pods).steps.flatMap { $0 }) == ["b"])
        let spread = [Fixtures.pod("a", node: "n1", created: 1), Fixtures.pod("b", node: "n2", created: 5), Fixtures.pod("c", node: "n3", created: 3)]
        #expect(Fixtures.deletedPods(Self.plan(cloneSet, pods: spread).steps.flatMap { $0 }) == ["b"])
    }

    @Test func deletingAPodDeletesItsPVCs() {
        let cloneSet = Fixtures.cloneSet(1, 0, "100%", 0)
        var a = Fixtures.pod("web-aaaaa", created: 1)
        a.metadata.labels[KruiseKeys.cloneSetInstanceID] = "aaaaa"
        var b = Fixtures.pod("web-bbbbb", created: 2)
        b.metadata.labels[KruiseKeys.cloneSetInstanceID] = "bbbbb"
        var claim = PersistentVolumeClaim(metadata: ObjectMeta(name: "data-web-bbbbb", namespace: "default"))
        claim.metadata.labels = [KruiseKeys.cloneSetInstanceID: "bbbbb"]
        let actions = Self.plan(cloneSet, pods: [a, b], pvcs: [claim]).steps.flatMap { $0 }
        #expect(actions == [
            .deletePod(ObjectIdentity(namespace: "default", name: "web-bbbbb", uid: "uid-web-bbbbb")),
            .deletePVC(ObjectIdentity(namespace: "default", name: "data-web-bbbbb", uid: "")),
        ])
    }

    @Test func preDeleteHookMovesPodToPreparingDeleteInsteadOfDeleting() {
        var cloneSet = Fixtures.cloneSet(1, 0, "100%", 0)
        var lifecycle = Lifecycle()
        var hook = LifecycleHook()
        hook.finalizersHandler = ["example.com/hook"]
        lifecycle.preDelete = hook
        cloneSet.spec.lifecycle = lifecycle
        var hooked = Fixtures.pod("hooked", created: 9)
        hooked.metadata.finalizers = ["example.com/hook"]
        let actions = Self.plan(cloneSet, pods: [Fixtures.pod("plain", created: 1), hooked]).steps.flatMap { $0 }
        #expect(Fixtures.deletedPods(actions).isEmpty)
        #expect(Fixtures.updatedPods(actions).map { $0.metadata.labels[KruiseKeys.lifecycleState] } == ["PreparingDelete"])
        // Once in PreparingDelete with the hook still present, nothing happens; once removed, it is deleted.
        var preparing = hooked
        preparing.metadata.labels[KruiseKeys.lifecycleState] = "PreparingDelete"
        #expect(Self.plan(cloneSet, pods: [Fixtures.pod("plain", created: 1), preparing]).steps.flatMap { $0 }.isEmpty)
        preparing.metadata.finalizers = []
        #expect(Fixtures.deletedPods(Self.plan(cloneSet, pods: [Fixtures.pod("plain", created: 1), preparing]).steps.flatMap { $0 }) == ["hooked"])
    }

    @Test func preDeleteMarkPodNotReadyHoldsTheReadinessGateFalseFirst() throws {
        var cloneSet = Fixtures.cloneSet(1, 0, "100%", 0)
        var lifecycle = Lifecycle()
        var hook = LifecycleHook()
        hook.labelsHandler = ["example.com/block": "true"]
        hook.markPodNotReady = true
        lifecycle.preDelete = hook
        cloneSet.spec.lifecycle = lifecycle
        var hooked = Fixtures.pod("hooked", created: 9)
        hooked.metadata.labels["example.com/block"] = "true"
        hooked.spec.readinessGates = [KruisePodReadiness.conditionType]
        hooked = try #require(KruisePodReadiness.initialized(hooked, now: Fixtures.now))
        let actions = Self.plan(cloneSet, pods: [Fixtures.pod("plain", created: 1), hooked]).steps.flatMap { $0 }
        guard actions.count == 2, case .updatePodStatus(let status) = actions[0], case .updatePod(let labels) = actions[1] else {
            Issue.record("expected a status write, then the lifecycle label: \(actions)")
            return
        }
        #expect(status.pod.status.conditions[type: "KruisePodReady"]?.status == "False")
        #expect(status.pod.status.conditions[type: "KruisePodReady"]?.message?.contains("preparingDelete") == true)
        #expect(labels.pod.metadata.labels[KruiseKeys.lifecycleState] == "PreparingDelete")
        // Without markPodNotReady only the label changes.
        hook.markPodNotReady = false
        lifecycle.preDelete = hook
        cloneSet.spec.lifecycle = lifecycle
        let plain = Self.plan(cloneSet, pods: [Fixtures.pod("plain", created: 1), hooked]).steps.flatMap { $0 }
        #expect(plain.count == 1)
    }

    @Test func preparingDeleteIsCancelledWhenReplicasGrowAgain() {
        let cloneSet = Fixtures.cloneSet(2, 0, "100%", 0)
        var preparing = Fixtures.pod("p")
        preparing.metadata.labels[KruiseKeys.lifecycleState] = "PreparingDelete"
        let actions = Self.plan(cloneSet, pods: [Fixtures.pod("a"), preparing]).steps.flatMap { $0 }
        #expect(Fixtures.updatedPods(actions).map { $0.metadata.labels[KruiseKeys.lifecycleState] } == ["PreparingNormal"])
    }
}
