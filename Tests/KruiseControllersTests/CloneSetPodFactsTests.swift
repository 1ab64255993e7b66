import KruiseAPI
import KruiseControllers
import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetPodFactsTests {
    /// Pods in the states a CloneSet sees: revisions, lifecycle states, readiness, the in-place condition and
    /// gate, grace and state annotations, deletion cost, terminating and finished pods, foreign owners.
    static func variedPods(count: Int, seed: UInt64) -> [Pod] {
        var random = SplitMix64(seed: seed)
        let states: [LifecycleState?] = [nil, .preparingNormal, .normal, .preparingUpdate, .updating, .updated, .preparingDelete]
        return (0..<count).map { index in
            var pod = Fixtures.pod(
                "p\(index)", revision: Bool.random(using: &random) ? Fixtures.newRevision : Fixtures.oldRevision,
                state: states.randomElement(using: &random)!, ready: Bool.random(using: &random),
                specifiedDelete: Int.random(in: 0..<5, using: &random) == 0)
            if Bool.random(using: &random) { pod.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady] }
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                var condition = Condition(type: KruiseKeys.inPlaceUpdateReady, status: "True")
                condition.lastTransitionTime = Fixtures.now
                pod.status.conditions = pod.status.conditions + [condition]
            case 1:
                pod.status.conditions = pod.status.conditions
                    + [Condition(type: KruiseKeys.inPlaceUpdateReady, status: "False", reason: "StartInPlaceUpdate")]
            case 2:
                pod.status.conditions = pod.status.conditions + [Condition(type: KruiseKeys.inPlaceUpdateReady, status: "True", reason: "x")]
            default:
                break
            }
            if Int.random(in: 0..<4, using: &random) == 0 { pod.metadata.annotations[KruiseKeys.inPlaceUpdateGrace] = #"{"revision":"r"}"# }
            if Int.random(in: 0..<4, using: &random) == 0 { pod.metadata.annotations[KruiseKeys.podDeletionCost] = ["-5", "100", "x", "99999999999"].randomElement(using: &random)! }
            if Int.random(in: 0..<6, using: &random) == 0 { pod.metadata.labels[KruiseKeys.podTemplateHash] = nil }
            if Int.random(in: 0..<8, using: &random) == 0 { pod.metadata.deletionTimestamp = Fixtures.now }
            if Int.random(in: 0..<8, using: &random) == 0 { pod.status.phase = "Succeeded" }
            if Int.random(in: 0..<8, using: &random) == 0 { pod.metadata.ownerReferences = [] }
            return pod
        }
    }

    @Test func aPackedPodHasTheFactsOfItsTree() {
        for pod in Self.variedPods(count: 300, seed: 7) {
            let packed = pod.packed()
            #expect(packed.object.packedDocument != nil)
            let read = CloneSetPodFacts(reading: pod)
            #expect(CloneSetPodFacts.of(packed) == read)
            #expect(CloneSetPodFacts.of(packed) == read)  // the kept facts
            #expect(CloneSetPodFacts.of(pod) == read)
        }
    }

    @Test func factsAreWhatThePodSays() {
        var pod = Fixtures.pod("p0", revision: "web-abc", state: .updating, ready: true)
        pod.spec.readinessGates = [KruiseKeys.inPlaceUpdateReady]
        pod.status.conditions = pod.status.conditions + [Condition(type: KruiseKeys.inPlaceUpdateReady, status: "False")]
        pod.metadata.annotations[KruiseKeys.podDeletionCost] = "-7"
        let facts = CloneSetPodFacts.of(pod.packed())
        #expect(facts.name == "p0")
        #expect(facts.revision == "web-abc" && facts.revisionShortHash == "abc")
        #expect(facts.lifecycleState == "Updating")
        #expect(facts.isActive && facts.isRunningAndReady)
        #expect(facts.readySince == KubeTime(seconds: 1_600_000_000))
        #expect(facts.inPlaceUpdateReady == false && !facts.inPlaceUpdateReadySettled)
        #expect(facts.hasInPlaceReadinessGate && !facts.hasInPlaceUpdateGrace && facts.hasPodTemplateHash)
        #expect(facts.controllerUID == "uid-web" && facts.controllerKind == "CloneSet" && facts.controllerName == "web")
        #expect(facts.deletionCost == -7)
    }

    @Test func shortHashIsTheTextAfterTheLastDash() {
        #expect(CloneSetPods.shortHash("web-7d9f8c") == "7d9f8c")
        #expect(CloneSetPods.shortHash("my-web-7d9f8c") == "7d9f8c")
        #expect(CloneSetPods.shortHash("7d9f8c") == "7d9f8c")
        #expect(CloneSetPods.shortHash("web-") == "")
        #expect(CloneSetPods.shortHash("") == "")
        #expect(CloneSetPods.shortHash("wéb-ä") == "ä")
    }

    /// A change to a cached pod is a new object: its facts are read from it, not taken from the document.
    @Test func aChangedPodIsReadAgain() {
        let cached = Fixtures.pod("p0", revision: Fixtures.oldRevision, state: .normal).packed()
        #expect(CloneSetPods.lifecycleState(cached) == "Normal")
        var changed = cached
        changed.metadata.labels[KruiseKeys.lifecycleState] = "PreparingDelete"
        changed.metadata.labels[KruiseKeys.controllerRevisionHash] = Fixtures.newRevision
        #expect(changed.object.packedDocument == nil)
        #expect(CloneSetPods.lifecycleState(changed) == "PreparingDelete")
        #expect(CloneSetPods.isAtRevision(changed, Fixtures.newRevision))
        #expect(CloneSetPods.lifecycleState(cached) == "Normal")
        #expect(CloneSetPods.isAtRevision(cached, Fixtures.oldRevision))
    }

    /// Planning over cached (packed) pods, once and again from the kept facts, gives the plan of the same pods
    /// as trees.
    @Test func planningCachedPodsGivesThePlanOfTheirTrees() {
        for type in [CloneSetUpdateStrategyType.inPlaceIfPossible, .reCreate] {
            for seed in UInt64(1)...20 {
                let old = Fixtures.cloneSet(12, 0, 3, 1, type: type)
                let cloneSet = Fixtures.cloneSet(Int32(8 + seed % 8), .int(Int(seed % 4)), 3, 1, type: type, image: "nginx:1.26")
                let revisions = [
                    Fixtures.revision(Fixtures.oldRevision, of: old, number: 1),
                    Fixtures.revision(Fixtures.newRevision, of: cloneSet, number: 2),
                ]
                let trees = Self.variedPods(count: 12, seed: seed)
                let cached = trees.map { $0.packed() }
                func plan(_ pods: [Pod]) -> CloneSetPlan {
                    var random = SplitMix64(seed: seed)
                    return CloneSetPlanner().plan(
                        cloneSet: cloneSet, pods: pods, pvcs: [], revisions: revisions, now: Fixtures.now, random: &random)
                }
                let expected = plan(trees)
                #expect(plan(cached) == expected, "seed \(seed) \(type)")
                #expect(plan(cached) == expected, "seed \(seed) \(type), from kept facts")
            }
        }
    }
}
