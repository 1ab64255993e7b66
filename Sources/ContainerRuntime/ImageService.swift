/// The CRI image service, as the kubelet (and OpenKruise's daemon) uses it: simulated nodes implement
/// it in memory; a CRI client over containerd's or CRI-O's socket implements it on real nodes.
public protocol ImageService: Sendable {
    /// Pulls `reference` with `credential` and returns the image reference (its ID, `sha256:…`).
    func pullImage(_ reference: String, credential: RegistryCredential?) async throws(ContainerRuntimeError) -> String
    /// Every image present.
    func listImages() async -> [RuntimeImage]
    /// The image `reference` names, if present.
    func imageStatus(_ reference: String) async -> RuntimeImage?
    /// Removes the image `reference` names.
    func removeImage(_ reference: String) async throws(ContainerRuntimeError)
}
