public import KruiseAPI

/// What one ImageListPullJob reconcile should do (see ``ImageListPullJobPlanner``), in the order the executor
/// runs it: the hash label, the job's own TTL deletion, the children to create and delete, the status.
public struct ImageListPullJobPlan: Sendable, Hashable {
    /// A child ImagePullJob to delete.
    public struct Deletion: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// Its UID (a precondition, so a namesake created meanwhile is not deleted).
        public var uid: String?
        /// Its `spec.image`.
        public var image: String

        /// A deletion of `name`.
        public init(name: String, uid: String?, image: String) {
            self.name = name
            self.uid = uid
            self.image = image
        }
    }

    /// The template's hash (``ImageListPullJobTemplateHash``).
    public var templateHash: String
    /// Whether the job's `controller-revision-hash` label must be set to ``templateHash`` (a merge patch).
    public var patchHashLabel: Bool = false
    /// Whether the job is completed and its `ttlSecondsAfterFinished` has run out: delete it (its children go
    /// with it, by garbage collection).
    public var deleteJob: Bool = false
    /// Whether the job's create/delete expectations are unsatisfied: the cache is behind this controller's own
    /// writes, so no child was planned and no status computed. Reconcile again when the cache catches up.
    public var waitsForExpectations: Bool = false
    /// Child ImagePullJobs to create (`generateName` set, so the server names them).
    public var creates: [ImagePullJob] = []
    /// Child ImagePullJobs to delete: their image left the list, their template is stale, or they duplicate
    /// another child of the same image.
    public var deletes: [Deletion] = []
    /// The status to write; `nil` when it is unchanged.
    public var status: ImageListPullJobStatus?
    /// When to reconcile again (the TTL running out); `nil` when nothing is pending.
    public var requeueAfter: Duration?

    /// An empty plan for a template of hash `templateHash`.
    public init(templateHash: String) {
        self.templateHash = templateHash
    }
}
