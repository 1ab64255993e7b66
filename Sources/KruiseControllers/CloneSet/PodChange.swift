public import KubeJSON
public import KubeModel

/// A change to an existing pod: the observed pod with the change applied (`resourceVersion` kept, so a
/// full update is optimistic) and the same change as an RFC 7386 merge patch against the observed pod.
public struct PodChange: Sendable, Hashable {
    /// The pod after the change.
    public var pod: Pod
    /// The pod the change starts from.
    public let observed: Pod

    /// The change from `observed` to `updated`.
    public init(from observed: Pod, to updated: Pod) {
        self.pod = updated
        self.observed = observed
    }

    /// The merge patch turning the observed pod into ``pod``.
    ///
    /// Worked out when asked, not when planned: the executor builds each pod's patch in the task that sends
    /// it, so a wave's first writes leave before its last patches are built, and both cores build them
    /// (diffing whole pods was about a third of planning a 200-pod wave).
    public var patch: JSONValue { JSONMergePatch.create(from: self.observed.json, to: self.pod.json) }

    /// The pod's reference.
    public var ref: ObjectIdentity { ObjectIdentity(of: self.pod) }
}
