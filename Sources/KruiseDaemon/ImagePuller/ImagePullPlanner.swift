public import KruiseAPI

/// Decides, for one NodeImage, which pull rounds run (upstream `realWorkerPool.Sync`, per image). Pure: it
/// reads the NodeImage's spec and status and the rounds the puller holds, and does no I/O.
public enum ImagePullPlanner {
    /// The plan for `nodeImage` when the puller holds the rounds `held` (running, queued, or finished in this
    /// process and not yet seen in the status).
    ///
    /// Each spec tag (the first entry of a tag listed twice) is either done — the status has the same tag and
    /// version with a `completionTime`, and that status is kept — or active. An active round without a held
    /// worker is started; a held round that is not active is stopped.
    public static func plan(for nodeImage: NodeImage, held: Set<ImagePullTaskID>) -> ImagePullPlan {
        let images = nodeImage.images
        let statuses = nodeImage.status.imageStatuses
        var plan = ImagePullPlan()
        var active: Set<ImagePullTaskID> = []
        for name in images.keys.sorted() {
            var seen: Set<String> = []
            for tagSpec in images[name]?.tags ?? [] where seen.insert(tagSpec.tag).inserted {
                let id = ImagePullTaskID(image: name, tag: tagSpec.tag, version: tagSpec.version)
                let reported = statuses[name]?.first { $0.tag == tagSpec.tag && $0.version == tagSpec.version }
                if let reported, reported.completionTime != nil {
                    plan.kept[id] = reported
                    continue
                }
                active.insert(id)
                if !held.contains(id) { plan.start.append(ImagePullTask(image: name, tag: tagSpec)) }
            }
        }
        plan.stop = held.subtracting(active).sorted()
        return plan
    }
}
