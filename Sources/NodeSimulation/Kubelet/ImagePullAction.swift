/// A pull the kubelet's reconciler must start or finish on the node's ``SimulatedImageStore``.
public enum ImagePullAction: Sendable, Hashable {
    /// Start pulling (``SimulatedImageStore/beginPull(_:at:)``), with the pod's pull secrets (namespace and names).
    case start(reference: String, pullSecrets: [String])
    /// The pull's duration has passed: finish it (``SimulatedImageStore/completePull(_:credential:at:)``).
    case complete(reference: String, pullSecrets: [String])
}
