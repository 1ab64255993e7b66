public import ContainerRuntime

/// What a registry serves for a reference: the manifest digest, the image (config) ID and the size.
public struct ResolvedImage: Sendable, Hashable {
    /// The normalised reference that was resolved.
    public var reference: ImageReference
    /// The manifest digest, `sha256:…` (the `@sha256:` part of `imageID`).
    public var digest: String
    /// The image ID, `sha256:…`.
    public var imageID: String
    /// The size in bytes.
    public var size: Int64

    public init(reference: ImageReference, digest: String, imageID: String, size: Int64) {
        self.reference = reference
        self.digest = digest
        self.imageID = imageID
        self.size = size
    }

    /// `docker.io/library/nginx@sha256:…`.
    public var repoDigest: String { self.reference.repoDigest(self.digest) }
}
