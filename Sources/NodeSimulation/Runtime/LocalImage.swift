/// An image present in a node's image store, under the reference a container names.
public struct LocalImage: Sendable, Hashable {
    /// The image ID, `sha256:…`.
    public var imageID: String
    /// The manifest digest, `sha256:…`.
    public var digest: String
    /// `docker.io/library/nginx@sha256:…`: the container status's `imageID`.
    public var repoDigest: String

    public init(imageID: String, digest: String, repoDigest: String) {
        self.imageID = imageID
        self.digest = digest
        self.repoDigest = repoDigest
    }
}
