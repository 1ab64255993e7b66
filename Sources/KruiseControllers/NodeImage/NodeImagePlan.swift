public import KruiseAPI
public import KubeModel

/// What one NodeImage reconcile should do (see ``NodeImagePlanner``): at most one write of the NodeImage itself,
/// then its status, the events and when to look again.
public struct NodeImagePlan: Sendable, Hashable {
    /// A write of the NodeImage object.
    public enum Write: Sendable, Hashable {
        /// Create it (the Node has been Ready long enough).
        case create(NodeImage)
        /// Delete it (its Node is gone); `uid` is a precondition.
        case delete(name: String, uid: String?)
        /// Replace it with this cleaned-up version (labels and spec; the cached resourceVersion guards the write).
        case update(NodeImage)
    }

    /// A pull the controller declared failed: a Warning `PullImageFailed` event goes to the NodeImage and to each
    /// owner ImagePullJob.
    public struct PullFailure: Sendable, Hashable {
        /// `name:tag`.
        public var image: String
        /// Why it failed.
        public var message: String
        /// The ImagePullJobs (and any other owners) of the tag.
        public var owners: [ObjectReference]

        /// A failure of `image`.
        public init(image: String, message: String, owners: [ObjectReference]) {
            self.image = image
            self.message = message
            self.owners = owners
        }

        /// The event's message (upstream's wording).
        public func eventMessage(node: String) -> String {
            "Failed to pull image \(self.image) on node \(node) for \(self.message)"
        }
    }

    /// The write of the NodeImage; `nil` for none.
    public var write: Write?
    /// The status to write through the `status` subresource; `nil` when the controller changed nothing in it.
    public var status: NodeImageStatus?
    /// Pulls declared failed in this round.
    public var failures: [PullFailure] = []
    /// When to reconcile again (the creation delay, a tag's TTL, a response deadline); `nil` when nothing is
    /// pending.
    public var requeueAfter: Duration?

    /// An empty plan.
    public init() {}

    /// Keeps the shortest positive delay.
    mutating func requeue(after delay: Duration) {
        guard delay > .zero else { return }
        if let current = self.requeueAfter, current <= delay { return }
        self.requeueAfter = delay
    }
}
