import KruiseAPI
import KruiseControllers
import KubeModel
import Testing

/// The table of upstream's `TestCalculateDiffsWithExpectation` (cloneset_sync_utils_test.go, v1.6), rewritten.
@Suite struct CloneSetDiffsTests {
    typealias P = (revision: Character, state: LifecycleState, ready: Bool, specified: Bool)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var replicas: Int32
        var partition: IntOrString
        var maxUnavailable: IntOrString
        var maxSurge: IntOrString
        var scaleMaxUnavailable: IntOrString? = nil
        var paused = false
        var excludePreparingDelete = false
        var preparingUpdateAsUpdate = false
        var revisionConsistent = false
        var rollbackGate = true
        /// "n"/"o" revision, state, ready, specified-delete.
        var pods: [String]
        var expected: CloneSetDiffs

        var testDescription: String { name }
    }

    /// Pods written as "n+" (new, Normal, ready), "o-" (old, not ready), "n+d" (specified delete),
    /// "n+D" (PreparingDelete), "n-U" (Updating), "o+P" (PreparingUpdate).
    static func pods(_ codes: [String]) -> [Pod] {
        codes.enumerated().map { index, code in
            let chars = Array(code)
            var state: LifecycleState = .normal
            var specified = false
            if chars.count > 2 {
                switch chars[2] {
                case "d": specified = true
                case "D": state = .preparingDelete; specified = true
                case "U": state = .updating
                case "P": state = .preparingUpdate
                default: break
                }
            }
            return Fixtures.pod(
                "p\(index)", revision: chars[0] == "n" ? Fixtures.newRevision : Fixtures.oldRevision, state: state,
                ready: chars[1] == "+", specifiedDelete: specified)
        }
    }

    static let cases: [Case] = [
        Case(name: "an empty cloneset", replicas: 0, partition: 0, maxUnavailable: 1, maxSurge: 0, pods: [], expected: CloneSetDiffs()),
        Case(name: "increase replicas to 5 (1/2)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0, pods: [],
             expected: CloneSetDiffs(scaleUpNum: 5, scaleUpLimit: 5)),
        Case(name: "increase replicas to 5 (2/2)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs()),
        Case(name: "specified delete 1 pod (1/3)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+d", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs(deleteReadyLimit: 1)),
        Case(name: "specified delete 1 pod (2/3)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+", "n+", "n+", "n+"], expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1)),
        Case(name: "specified delete 2 pods (3/6)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+d", "n+", "n+", "n+", "n-"], expected: CloneSetDiffs()),
        Case(name: "specified delete 2 pods (4/6)", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+d", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs(deleteReadyLimit: 1)),
        Case(name: "specified delete 2 unready pods, replicas 4 (1/3)", replicas: 4, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n-d", "n-d", "n+", "n+", "n+"], expected: CloneSetDiffs(deleteReadyLimit: 2)),
        Case(name: "update partition=3 (1/3)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 0,
             pods: ["o+", "o+", "o+", "o+", "o+"], expected: CloneSetDiffs(updateNum: 2, updateMaxUnavailable: 1)),
        Case(name: "update partition=3 (2/3)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+", "o+", "o+", "o+", "o+"], expected: CloneSetDiffs(updateNum: 1, updateMaxUnavailable: 1)),
        Case(name: "update partition=3 (3/3)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+", "n+", "o+", "o+", "o+"], expected: CloneSetDiffs()),
        Case(name: "rollback partition=4 (1/3)", replicas: 5, partition: 4, maxUnavailable: 2, maxSurge: 0,
             pods: ["n+", "n+", "n+", "n+", "o+"], expected: CloneSetDiffs(updateNum: -3, updateMaxUnavailable: 2)),
        Case(name: "rollback partition=4 (2/3)", replicas: 5, partition: 4, maxUnavailable: 2, maxSurge: 0,
             pods: ["n+", "n+", "o+", "o+", "o+"], expected: CloneSetDiffs(updateNum: -1, updateMaxUnavailable: 2)),
        Case(name: "specified delete with maxSurge (1/4)", replicas: 5, partition: 0, maxUnavailable: 0, maxSurge: 1,
             pods: ["n+d", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, useSurge: 1)),
        Case(name: "specified delete with maxSurge (2/4)", replicas: 5, partition: 0, maxUnavailable: 0, maxSurge: 1,
             pods: ["n+d", "n+", "n+", "n+", "n+", "n-"], expected: CloneSetDiffs(useSurge: 1)),
        Case(name: "specified delete with maxSurge (3/4)", replicas: 5, partition: 0, maxUnavailable: 0, maxSurge: 1,
             pods: ["n+d", "n+", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs(deleteReadyLimit: 1, useSurge: 1)),
        Case(name: "in-place partition=3 with maxSurge (1/4)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "o+"],
             expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, useSurge: 1, updateNum: 2, updateMaxUnavailable: 1)),
        Case(name: "in-place partition=3 with maxSurge (2/4)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "o+", "n-"], expected: CloneSetDiffs(useSurge: 1, updateNum: 1, updateMaxUnavailable: 2)),
        Case(name: "in-place partition=3 with maxSurge (3/4)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "n-U", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 0)),
        Case(name: "in-place partition=3 with maxSurge (4/4)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "n+", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 1)),
        Case(name: "recreate partition=3 with maxSurge (3/7)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "o+d", "n-"],
             expected: CloneSetDiffs(deleteReadyLimit: 1, useSurge: 1, useSurgeOldRevision: 1, updateNum: 1, updateMaxUnavailable: 2)),
        Case(name: "recreate partition=3 with maxSurge (4/7)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "n-"],
             expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, useSurge: 1, updateNum: 1, updateMaxUnavailable: 1)),
        Case(name: "recreate partition=3 with maxSurge (5/7)", replicas: 5, partition: 3, maxUnavailable: 1, maxSurge: 1,
             pods: ["o+", "o+", "o+", "o+", "n-", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 0)),
        Case(name: "partition 99%, maxUnavailable 3, maxSurge 2 (1/3)", replicas: 5, partition: "99%", maxUnavailable: 3, maxSurge: 2,
             pods: ["o+", "o+", "o+", "o+", "o+"],
             expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, useSurge: 1, updateNum: 1, updateMaxUnavailable: 3)),
        Case(name: "partition 99%, maxUnavailable 3, maxSurge 2 (2/3)", replicas: 5, partition: "99%", maxUnavailable: 3, maxSurge: 2,
             pods: ["o+", "o+", "o+", "o+", "o+", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 3)),
        Case(name: "partition 99%, maxUnavailable 40%, maxSurge 30% (1/3)", replicas: 5, partition: "99%", maxUnavailable: "40%", maxSurge: "30%",
             pods: ["o+", "o+", "o+", "o+", "o+"],
             expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, useSurge: 1, updateNum: 1, updateMaxUnavailable: 2)),
        Case(name: "partition 99%, maxUnavailable 30%, maxSurge 30% (2/3)", replicas: 5, partition: "99%", maxUnavailable: "30%", maxSurge: "30%",
             pods: ["o+", "o+", "o+", "o+", "o+", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 1)),
        Case(name: "revision consistent 4", replicas: 5, partition: 1, maxUnavailable: 1, maxSurge: 0, revisionConsistent: true,
             pods: ["o+", "o+", "o+", "n+", "n+"], expected: CloneSetDiffs(updateNum: 2, updateMaxUnavailable: 1)),
        Case(name: "update when scale out fails", replicas: 5, partition: 1, maxUnavailable: 2, maxSurge: 0, revisionConsistent: true,
             pods: ["o+", "o+", "n+", "n+"],
             expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1, updateNum: 1, updateMaxUnavailable: 1)),
        Case(name: "update when scale in fails", replicas: 5, partition: 1, maxUnavailable: 1, maxSurge: 0, revisionConsistent: true,
             pods: ["o+", "o+", "o+", "n+", "n+", "n+"],
             expected: CloneSetDiffs(scaleDownNum: 1, scaleDownNumOldRevision: 2, deleteReadyLimit: 2, updateNum: 1, updateMaxUnavailable: 2)),
        Case(name: "rollback gate disabled", replicas: 5, partition: 4, maxUnavailable: 1, maxSurge: 0, rollbackGate: false,
             pods: ["o+", "n+", "n+", "n+", "n+"], expected: CloneSetDiffs()),
        Case(name: "scale maxUnavailable 2: 0 to 5", replicas: 5, partition: 0, maxUnavailable: 1, maxSurge: 0, scaleMaxUnavailable: 2,
             pods: [], expected: CloneSetDiffs(scaleUpNum: 5, scaleUpLimit: 2)),
        Case(name: "scale maxUnavailable 2: 3 to 6, 1 not ready", replicas: 6, partition: 0, maxUnavailable: 1, maxSurge: 0, scaleMaxUnavailable: 2,
             pods: ["n+", "n+", "n-"], expected: CloneSetDiffs(scaleUpNum: 3, scaleUpLimit: 1)),
        Case(name: "scale maxUnavailable 2: 3 to 6, 2 not ready", replicas: 6, partition: 0, maxUnavailable: 1, maxSurge: 0, scaleMaxUnavailable: 2,
             pods: ["n+", "n-", "n-"], expected: CloneSetDiffs(scaleUpNum: 3, scaleUpLimit: 0)),
        Case(name: "PreparingDelete counted (excludePreparingDelete off)", replicas: 3, partition: 0, maxUnavailable: 1, maxSurge: 0,
             pods: ["n+", "n+", "n+D"], expected: CloneSetDiffs()),
        Case(name: "PreparingDelete excluded", replicas: 3, partition: 0, maxUnavailable: 1, maxSurge: 0, excludePreparingDelete: true,
             pods: ["n+", "n+", "n+D"], expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1)),
        Case(name: "cancel PreparingDelete (4/5)", replicas: 3, partition: 0, maxUnavailable: 1, maxSurge: 0, excludePreparingDelete: true,
             pods: ["n+", "n+", "n+", "n-"], expected: CloneSetDiffs(scaleDownNum: 1, deleteReadyLimit: 1)),
        Case(name: "PreparingUpdate as update, partition 90%", replicas: 4, partition: "90%", maxUnavailable: 1, maxSurge: 0,
             excludePreparingDelete: true, preparingUpdateAsUpdate: true,
             pods: ["o+P", "o+", "o+"], expected: CloneSetDiffs(scaleUpNum: 1, scaleUpNumOldRevision: 1, scaleUpLimit: 1)),
        Case(name: "PreparingUpdate as update, partition 2", replicas: 4, partition: 2, maxUnavailable: 1, maxSurge: 0,
             excludePreparingDelete: true, preparingUpdateAsUpdate: true,
             pods: ["o+P", "o+", "o+"], expected: CloneSetDiffs(scaleUpNum: 1, scaleUpLimit: 1)),
        Case(name: "paused: no surge on scale up", replicas: 5, partition: 0, maxUnavailable: 0, maxSurge: 3, paused: true,
             pods: ["o+", "o+", "o+"], expected: CloneSetDiffs(scaleUpNum: 2, scaleUpLimit: 2, updateNum: 3, updateMaxUnavailable: -2)),
        Case(name: "paused: scale down", replicas: 3, partition: 0, maxUnavailable: 0, maxSurge: 3, paused: true,
             pods: ["o+", "o+", "o+", "o+", "o+"],
             expected: CloneSetDiffs(scaleDownNum: 2, scaleDownNumOldRevision: 5, deleteReadyLimit: 2, updateNum: 3, updateMaxUnavailable: 2)),
        Case(name: "paused: no new-revision pods created", replicas: 5, partition: 0, maxUnavailable: 0, maxSurge: 3, paused: true,
             pods: ["o+", "o+", "o+", "o+", "o+", "n-", "n-", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 3, scaleDownNumOldRevision: 5, updateNum: 2, updateMaxUnavailable: 3)),
        Case(name: "paused with partition 2", replicas: 5, partition: 2, maxUnavailable: 0, maxSurge: 3, paused: true,
             pods: ["o+", "o+", "o+", "o+", "o+", "n-", "n-", "n-"],
             expected: CloneSetDiffs(scaleDownNum: 3, scaleDownNumOldRevision: 3)),
    ]

    @Test(arguments: cases)
    func calculateDiffsWithExpectation(_ test: Case) {
        var cloneSet = Fixtures.cloneSet(test.replicas, test.partition, test.maxUnavailable, test.maxSurge)
        if let scale = test.scaleMaxUnavailable { cloneSet.spec.scaleStrategy.maxUnavailable = scale }
        cloneSet.spec.updateStrategy.paused = test.paused
        if test.excludePreparingDelete {
            cloneSet.metadata.labels = [KruiseKeys.cloneSetScalingExcludePreparingDelete: "true"]
        }
        let options = CloneSetDiffs.Options(
            partitionRollback: test.rollbackGate, preparingUpdateAsUpdate: test.preparingUpdateAsUpdate)
        let diffs = CloneSetDiffs.calculate(
            cloneSet: cloneSet, pods: Self.pods(test.pods),
            currentRevision: test.revisionConsistent ? Fixtures.newRevision : Fixtures.oldRevision,
            updateRevision: Fixtures.newRevision, forScaling: test.preparingUpdateAsUpdate, options: options,
            now: Fixtures.now)
        #expect(diffs == test.expected, "\(diffs)")
    }

    @Test(arguments: [
        // (replicas, maxUnavailable, maxSurge, expected maxUnavailable): rounds up without surge, down with surge
        (Int32(5), IntOrString.string("30%"), IntOrString.int(0), 2),
        (5, "30%", "30%", 1),
        (10, "25%", 0, 3),
        (10, "25%", 1, 2),
    ])
    func maxUnavailableRounding(replicas: Int32, maxUnavailable: IntOrString, maxSurge: IntOrString, expected: Int) {
        let cloneSet = Fixtures.cloneSet(replicas, 0, maxUnavailable, maxSurge)
        #expect(CloneSetDiffs.limits(of: cloneSet).maxUnavailable == expected)
    }

    @Test(arguments: [(Int32(4), IntOrString.string("99%"), 3), (4, "100%", 4), (5, "50%", 3), (1, "99%", 1), (4, 9, 4)])
    func partitionRule(replicas: Int32, partition: IntOrString, expected: Int) {
        #expect(CloneSetDiffs.limits(of: Fixtures.cloneSet(replicas, partition, "20%", 0)).partition == expected)
    }
}
