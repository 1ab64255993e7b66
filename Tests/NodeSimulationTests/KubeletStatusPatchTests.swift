import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

/// The kubelet writes its status as a merge patch preconditioned on the version it planned from: applied to
/// that version's status, the patch must give exactly the planned status.
@Suite struct KubeletStatusPatchTests {
    static func pod(status: String) -> Pod {
        var pod = Fixtures.pod("p")
        var metadata = pod.metadata
        metadata.resourceVersion = "41"
        pod.metadata = metadata
        pod.object["status"] = try! YAMLReader.read(status)
        return pod
    }

    static func status(_ yaml: String) -> PodStatus {
        PodStatus(object: try! YAMLReader.read(yaml).objectValue!)
    }

    @Test(arguments: [
        // Pending to running: phase, conditions (a list, replaced whole), container statuses, IPs added.
        (
            "{phase: Pending, conditions: [{type: PodScheduled, status: 'True'}], qosClass: BestEffort}",
            "{phase: Running, podIP: 10.0.0.2, conditions: [{type: PodScheduled, status: 'True'}, {type: Ready, status: 'True'}], containerStatuses: [{name: app, ready: true, restartCount: 0}], qosClass: BestEffort}"
        ),
        // A field dropped (message) and one changed inside a list element.
        (
            "{phase: Running, message: old, conditions: [{type: Ready, status: 'True'}], containerStatuses: [{name: app, ready: true, restartCount: 0}]}",
            "{phase: Running, conditions: [{type: Ready, status: 'False'}], containerStatuses: [{name: app, ready: false, restartCount: 1}]}"
        ),
        // From no status at all.
        ("{}", "{phase: Pending, qosClass: Burstable}"),
    ])
    func applyingThePatchGivesThePlannedStatus(old: String, new: String) throws {
        let pod = Self.pod(status: old)
        let planned = Self.status(new)
        let patch = try #require(KubeletReconciler.statusPatch(from: pod, to: planned))
        #expect(patch["metadata"]?["resourceVersion"] == "41")
        #expect(patch["metadata"]?["uid"] == "uid-p")
        let patched = JSONMergePatch.apply(try #require(patch["status"]), to: pod.object["status"] ?? .emptyObject)
        #expect(patched == .object(planned.object))
        // Only what changed is sent.
        if old.contains("qosClass: BestEffort") { #expect(patch["status"]?["qosClass"] == nil) }
    }

    @Test func nothingIsSentWhenNothingChanged() {
        let pod = Self.pod(status: "{phase: Running, conditions: [{type: Ready, status: 'True'}]}")
        #expect(KubeletReconciler.statusPatch(from: pod, to: Self.status("{phase: Running, conditions: [{type: Ready, status: 'True'}]}")) == nil)
    }
}
