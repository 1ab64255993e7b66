/// An image as the CRI image service describes it (`runtime.v1.Image`).
public struct RuntimeImage: Sendable, Hashable {
    /// The image ID: the digest of its config, `sha256:…`.
    public var id: String
    /// Tags naming it (`docker.io/library/nginx:latest`).
    public var repoTags: [String]
    /// Repo digests naming it (`docker.io/library/nginx@sha256:…`): what the kubelet reports as `imageID`.
    public var repoDigests: [String]
    /// The size in bytes.
    public var size: Int64

    public init(id: String, repoTags: [String], repoDigests: [String], size: Int64) {
        self.id = id
        self.repoTags = repoTags
        self.repoDigests = repoDigests
        self.size = size
    }
}
