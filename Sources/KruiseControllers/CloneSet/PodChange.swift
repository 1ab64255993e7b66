public import KubeJSON
public import KubeModel

/// A change to an existing pod: the observed pod with the change applied (`resourceVersion` kept, so a
/// full update is optimistic) and the same change as an RFC 7386 merge patch against the observed pod.
public struct PodChange: Sendable, Hashable {
    /// The pod after the change.
    public var pod: Pod
    /// The merge patch turning the observed pod into ``pod``.
    public var patch: JSONValue

    /// The change from `observed` to `updated`.
    public init(from observed: Pod, to updated: Pod) {
        self.pod = updated
        self.patch = JSONMergePatch.create(from: observed.json, to: updated.json)
    }

    /// The pod's reference.
    public var ref: ObjectIdentity { ObjectIdentity(of: self.pod) }
}
