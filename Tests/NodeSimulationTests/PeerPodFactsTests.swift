import KubeModel
@testable import NodeSimulation
import Testing

@Suite struct PeerPodFactsTests {
    @Test func aCachedPodsAddressIsReadOnceAndAChangedPodAgain() {
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default"))
        pod.metadata.uid = "u-1"
        pod.status.phase = "Running"
        pod.status.podIP = "10.244.0.7"
        let cached = pod.packed()
        for facts in [PeerPodFacts.of(cached), PeerPodFacts.of(cached), PeerPodFacts.of(pod)] {
            #expect(facts.uid == "u-1" && !facts.isTerminated && facts.podIP == "10.244.0.7")
        }
        #expect(PeerPodFacts.of(cached) === PeerPodFacts.of(cached))
        var finished = cached
        finished.status.phase = "Succeeded"
        finished.status.podIP = nil
        #expect(PeerPodFacts.of(finished).isTerminated && PeerPodFacts.of(finished).podIP == nil)
        #expect(!PeerPodFacts.of(cached).isTerminated)
    }
}
