/// What identifies one pull round: the image, the tag and the `version` the NodeImage asked for it at.
///
/// A worker is kept while the spec still asks for exactly this triple; a new version (a new round from an
/// ImagePullJob) or a tag gone from the spec stops it.
public struct ImagePullTaskID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The image name as the NodeImage keys it (`nginx`, `localhost:5000/base`).
    public var image: String
    /// The tag (or `sha256:…` digest).
    public var tag: String
    /// The pull round.
    public var version: Int64

    /// The round `version` of `image:tag`.
    public init(image: String, tag: String, version: Int64) {
        self.image = image
        self.tag = tag
        self.version = version
    }

    /// `image:tag@version`, for logs.
    public var description: String { "\(self.image):\(self.tag)@\(self.version)" }

    /// Ordered by image, tag, then version (plans list their entries in this order, so tests can compare them).
    public static func < (lhs: ImagePullTaskID, rhs: ImagePullTaskID) -> Bool {
        (lhs.image, lhs.tag, lhs.version) < (rhs.image, rhs.tag, rhs.version)
    }
}
