import ControllerRuntime
import KubeModel
import Testing

/// client-go's default event correlation: repeats counted, similar messages combined, each object limited to
/// 25 events at once and one more every 5 minutes.
@Suite struct EventCorrelatorTests {
    static let cloneSet = EventCorrelator.InvolvedObject(apiVersion: "apps.kruise.io/v1alpha1", kind: "CloneSet", namespace: "default", name: "web", uid: "u1")
    static let other = EventCorrelator.InvolvedObject(apiVersion: "apps/v1", kind: "ReplicaSet", namespace: "default", name: "rs", uid: "u2")
    static let start = KubeTime(seconds: 1_700_000_000)

    /// Correlates `message` about `object` at `start + seconds`; new Events are named `e<n>`.
    static func record(
        _ correlator: inout EventCorrelator, _ message: String, reason: String = "SuccessfulUpdatePodInPlace",
        object: EventCorrelator.InvolvedObject = cloneSet, at seconds: Int64 = 0, names: inout Int
    ) -> EventCorrelator.Decision {
        correlator.correlate(
            object: object, type: "Normal", reason: reason, message: message, now: KubeTime(seconds: Self.start.seconds + seconds),
            name: {
                names += 1
                return "e\(names)"
            })
    }

    @Test func repeatsPatchTheirEvent() {
        var correlator = EventCorrelator()
        var names = 0
        let first = KubeTime(seconds: Self.start.seconds)
        #expect(Self.record(&correlator, "same", names: &names) == .create(name: "e1", message: "same", count: 1, firstTimestamp: first))
        #expect(Self.record(&correlator, "same", at: 1, names: &names) == .patch(name: "e1", message: "same", count: 2, firstTimestamp: first))
        #expect(Self.record(&correlator, "same", at: 2, names: &names) == .patch(name: "e1", message: "same", count: 3, firstTimestamp: first))
    }

    @Test func theTenthDistinctMessageIsCombined() {
        var correlator = EventCorrelator()
        var names = 0
        for index in 1...9 {
            guard case .create(_, let message, 1, _) = Self.record(&correlator, "pod \(index)", names: &names) else {
                Issue.record("message \(index) was not created on its own")
                return
            }
            #expect(message == "pod \(index)")
        }
        #expect(Self.record(&correlator, "pod 10", names: &names)
            == .create(name: "e10", message: "(combined from similar events): pod 10", count: 1, firstTimestamp: Self.start))
        #expect(Self.record(&correlator, "pod 11", names: &names)
            == .patch(name: "e10", message: "(combined from similar events): pod 11", count: 2, firstTimestamp: Self.start))
        // Another reason is another aggregate.
        #expect(Self.record(&correlator, "pod 12", reason: "SuccessfulCreate", names: &names)
            == .create(name: "e11", message: "pod 12", count: 1, firstTimestamp: Self.start))
        // Ten minutes later the similar messages start over.
        guard case .create(_, "pod 13", 1, _) = Self.record(&correlator, "pod 13", at: 601, names: &names) else {
            Issue.record("after the aggregation interval a new message was combined")
            return
        }
    }

    @Test func anObjectGetsTwentyFiveEventsThenOneEveryFiveMinutes() {
        var correlator = EventCorrelator()
        var names = 0
        let written = (1...40).map { Self.record(&correlator, "pod \($0)", names: &names) }.filter { $0 != .skip }
        #expect(written.count == 25)
        // Another object has a bucket of its own.
        #expect(Self.record(&correlator, "scaled", object: Self.other, names: &names) != .skip)
        #expect(Self.record(&correlator, "pod 41", at: 299, names: &names) == .skip)
        // The skipped events were counted: the combined Event's next patch carries them.
        #expect(Self.record(&correlator, "pod 42", at: 300, names: &names)
            == .patch(name: "e10", message: "(combined from similar events): pod 42", count: 33, firstTimestamp: Self.start))
        #expect(Self.record(&correlator, "pod 43", at: 301, names: &names) == .skip)
    }
}
