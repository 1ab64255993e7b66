public import KubeModel
import KubeJSON

/// The pods bound to nodes, summed as the scheduler reads them: per node the pod count, the requests, the
/// pods of each controller and the pods themselves (for inter-pod affinity), plus the pods that carry
/// required anti-affinity terms. Pods without a node and terminated pods count nothing.
///
/// kube-scheduler keeps these sums (its NodeInfos) up to date from pod events rather than adding up every
/// pod for each decision; ``BoundPodsIndex`` does the same with ``update(_:)`` and ``remove(namespace:name:)``,
/// so a decision costs the number of nodes, not the number of pods.
public struct BoundPods: Sendable {
    /// What one pod counts.
    struct Member: Sendable {
        var pod: Pod
        var node: String
        var request: PodResourceRequest
        var nonZeroRequest: PodResourceRequest
        /// The pod's controller, for SelectorSpread; `nil` without one or while the pod is being deleted.
        var spreading: SpreadingKey?
        var requiredAntiAffinity: [PodAffinityTerm]
    }

    /// A controller's pods in one namespace.
    struct SpreadingKey: Hashable, Sendable {
        var namespace: String
        var controllerUID: String
    }

    /// The sums over the pods on one node.
    struct NodeSums: Sendable {
        var requested = PodResourceRequest()
        var nonZeroRequested = PodResourceRequest()
        var byController: [SpreadingKey: Int64] = [:]
        /// The pods, by `namespace/name`.
        var members: [String: Pod] = [:]

        /// How many pods count on the node.
        var pods: Int { self.members.count }

        mutating func add(_ member: Member, key: String) {
            self.requested.add(member.request)
            self.nonZeroRequested.add(member.nonZeroRequest)
            if let spreading = member.spreading { self.byController[spreading, default: 0] += 1 }
            self.members[key] = member.pod
        }

        mutating func subtract(_ member: Member, key: String) {
            self.requested.subtract(member.request)
            self.nonZeroRequested.subtract(member.nonZeroRequest)
            if let spreading = member.spreading {
                let left = (self.byController[spreading] ?? 0) - 1
                self.byController[spreading] = left > 0 ? left : nil
            }
            self.members[key] = nil
        }
    }

    /// Every counted pod, by `namespace/name`: what to subtract when it changes. Not part of a ``summary``.
    private var members: [String: Member] = [:]
    /// The sums by node name.
    private(set) var nodes: [String: NodeSums] = [:]
    /// The members with required anti-affinity terms (usually none), by `namespace/name`.
    private(set) var withAntiAffinity: [String: Member] = [:]

    public init() {}

    /// The sums over `pods` (pods without a node and terminated pods are skipped).
    public init(pods: some Sequence<Pod>) {
        for pod in pods { self.update(pod) }
    }

    /// The sums without the member table, which only updates need: a copy to read while this value keeps
    /// changing, without copying the table on its next change.
    public var summary: BoundPods {
        var summary = self
        summary.members = [:]
        return summary
    }

    /// Counts `pod` as it is now, in place of what an earlier version of it counted.
    public mutating func update(_ pod: Pod) {
        self.replace(namespace: pod.namespace, name: pod.name, with: Self.member(for: pod))
    }

    /// What `pod` counts: `nil` without a node or once terminated. Reads the pod's requests, so callers that
    /// hold a lock around ``replace(namespace:name:with:)`` derive it first.
    static func member(for pod: Pod) -> Member? {
        guard let node = pod.spec.nodeName, !node.isEmpty, !pod.isTerminated else { return nil }
        return Member(
            pod: pod,
            node: node,
            request: PodResourceRequest(pod: pod),
            nonZeroRequest: PodResourceRequest(pod: pod, nonZero: true),
            spreading: Self.spreading(of: pod),
            requiredAntiAffinity: pod.spec.affinityRules.podAntiAffinity.required
        )
    }

    /// The controller `pod` counts for in SelectorSpread: `nil` without one or while the pod is being deleted.
    private static func spreading(of pod: Pod) -> SpreadingKey? {
        let controllerUID = pod.metadata.controllerReference?.uid ?? ""
        guard !controllerUID.isEmpty, !pod.metadata.isBeingDeleted else { return nil }
        return SpreadingKey(namespace: pod.namespace, controllerUID: controllerUID)
    }

    /// ``member(for:)``, taking the requests and anti-affinity terms from `previous` (what an earlier version of
    /// the same pod counts) when the pod's spec is unchanged: most pod events are status writes, and reading a
    /// pod's requests was the scheduler's largest cost per event.
    static func member(for pod: Pod, previous: Member?) -> Member? {
        guard let previous, let node = pod.spec.nodeName, node == previous.node, !pod.isTerminated,
            pod.metadata.uid == previous.pod.metadata.uid, pod.json["spec"] == previous.pod.json["spec"]
        else { return Self.member(for: pod) }
        var member = previous
        member.pod = pod
        member.spreading = Self.spreading(of: pod)
        return member
    }

    /// What the pod `namespace/name` counts now.
    func member(namespace: String, name: String) -> Member? {
        self.members[Self.key(namespace: namespace, name: name)]
    }

    /// The sums over `members` (what ``member(for:)`` gave for each pod).
    init(members: some Sequence<Member>) {
        for member in members { self.replace(namespace: member.pod.namespace, name: member.pod.name, with: member) }
    }

    /// Counts `member` for the pod `namespace/name` in place of what it counted before (nothing for `nil`).
    mutating func replace(namespace: String, name: String, with member: Member?) {
        let key = Self.key(namespace: namespace, name: name)
        self.remove(key: key)
        guard let member else { return }
        self.members[key] = member
        // Mutated in place, so that a summary holding the old sums costs one node's copy, not every node's.
        self.nodes[member.node, default: NodeSums()].add(member, key: key)
        if !member.requiredAntiAffinity.isEmpty { self.withAntiAffinity[key] = member }
    }

    /// Stops counting the pod `namespace/name`.
    public mutating func remove(namespace: String, name: String) {
        self.remove(key: Self.key(namespace: namespace, name: name))
    }

    /// Whether the pod `namespace/name` with `uid` counts (on a node).
    public func contains(namespace: String, name: String, uid: String?) -> Bool {
        guard let member = self.members[Self.key(namespace: namespace, name: name)] else { return false }
        return member.pod.metadata.uid == uid
    }

    private mutating func remove(key: String) {
        guard let member = self.members.removeValue(forKey: key) else { return }
        self.withAntiAffinity[key] = nil
        self.nodes[member.node]?.subtract(member, key: key)
        if self.nodes[member.node]?.pods == 0 { self.nodes[member.node] = nil }
    }

    private static func key(namespace: String, name: String) -> String {
        namespace + "/" + name
    }
}
