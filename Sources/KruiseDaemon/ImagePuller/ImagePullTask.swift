import ContainerRuntime
public import KruiseAPI

/// One pull round the daemon runs: a tag of a NodeImage image at one `version`, with its limits.
public struct ImagePullTask: Sendable, Hashable {
    /// The image name as the NodeImage keys it (`nginx`, `localhost:5000/base`).
    public var image: String
    /// The tag (or `sha256:…` digest).
    public var tag: String
    /// The pull round.
    public var version: Int64
    /// `IfNotPresent` succeeds at once when the node has the image; `Always` asks the registry every round.
    public var pullPolicy: ImagePullPolicy
    /// The limit of one attempt, in seconds.
    public var timeoutSeconds: Int64
    /// Retries after the first failed attempt.
    public var backoffLimit: Int
    /// The limit of the whole round, in seconds, if any.
    public var activeDeadlineSeconds: Int64?

    /// A task for `tag` of `image` as the NodeImage spec asks for it (upstream's defaults for absent limits:
    /// 600 s per attempt, 3 retries; a negative backoff limit reads as 3, and so does a non-positive timeout
    /// read as 600 s, since an attempt with no time at all could never succeed).
    public init(image: String, tag spec: ImageTagSpec) {
        self.image = image
        self.tag = spec.tag
        self.version = spec.version
        self.pullPolicy = spec.imagePullPolicy
        let policy = spec.pullPolicy
        let timeout = policy?.timeoutSeconds ?? ImagePullJobPullPolicy.defaultTimeoutSeconds
        self.timeoutSeconds = Int64(timeout > 0 ? timeout : ImagePullJobPullPolicy.defaultTimeoutSeconds)
        let backoff = policy?.backoffLimit ?? ImagePullJobPullPolicy.defaultBackoffLimit
        self.backoffLimit = Int(backoff < 0 ? ImagePullJobPullPolicy.defaultBackoffLimit : backoff)
        self.activeDeadlineSeconds = policy?.activeDeadlineSeconds
    }

    /// The round this task runs.
    public var id: ImagePullTaskID { ImagePullTaskID(image: self.image, tag: self.tag, version: self.version) }

    /// The reference handed to the runtime: `image:tag`, or `image@sha256:…` for a digest.
    public var reference: String { ImageReference.pullReference(name: self.image, tag: self.tag) }
}
