import KubeJSON
import KubeModel

/// What a kubelet reads of the other pods on its node when it plans one pod (their addresses), kept with each
/// cached pod's packed document: every plan step of every pod on a node reads all of them.
final class PeerPodFacts: Sendable {
    let uid: String?
    let isTerminated: Bool
    let podIP: String?

    init(reading pod: Pod) {
        self.uid = pod.metadata.uid
        self.isTerminated = pod.isTerminated
        self.podIP = pod.status.podIP
    }

    static func of(_ pod: Pod) -> PeerPodFacts {
        guard let document = pod.object.packedDocument else { return PeerPodFacts(reading: pod) }
        return document.memoized(PeerPodFacts.self) { PeerPodFacts(reading: pod) }
    }
}
