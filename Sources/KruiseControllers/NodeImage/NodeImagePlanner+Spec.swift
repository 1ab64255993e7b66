public import ControllerRuntime
public import KruiseAPI
public import KubeModel

extension NodeImagePlanner {
    /// The API group and kind of the owners the cleanup checks; other owners are kept as they are.
    static let imagePullJobGroup = ImagePullJob.groupVersionKind.group

    /// Upstream's `doUpdateNodeImage`: the NodeImage with
    /// - its labels replaced by the Node's when they differ;
    /// - each tag without `createdAt` dropped;
    /// - owner references to ImagePullJobs that no longer exist, or exist with another UID, dropped; a tag whose
    ///   owners all went is dropped (a tag that never had owners is kept);
    /// - each tag whose pull finished (the status entry of the same tag *and* version has a `completionTime`) more
    ///   than `pullPolicy.ttlSecondsAfterFinished` ago dropped;
    /// - images left without tags dropped, and each image's tags sorted by tag.
    /// Sorting alone does not count as a change.
    public static func cleanedUp(
        _ nodeImage: NodeImage, nodeLabels: [String: String], imagePullJobs: [ObjectKey: String], now: KubeTime
    ) -> NodeImageSpecCleanup {
        var result = nodeImage
        var changed = false
        if result.metadata.labels != nodeLabels {
            result.metadata.labels = nodeLabels
            changed = true
        }
        let status = nodeImage.status
        var images = nodeImage.images
        var wait: Duration?
        for name in images.keys.sorted() {
            guard var image = images[name] else { continue }
            var kept: [ImageTagSpec] = []
            for var tag in image.tags {
                guard tag.createdAt != nil else {
                    changed = true
                    continue
                }
                let owners = tag.ownerReferences
                let live = owners.filter { Self.exists($0, in: imagePullJobs) }
                if live.count != owners.count {
                    changed = true
                    if live.isEmpty { continue }
                    tag.ownerReferences = live
                }
                if let ttl = tag.pullPolicy?.ttlSecondsAfterFinished,
                    let reported = status.imageStatuses[name]?.first(where: { $0.tag == tag.tag && $0.version == tag.version }),
                    let completion = reported.completionTime
                {
                    let left = Duration.seconds(Int64(ttl)) - now.duration(since: completion)
                    if left <= .zero {
                        changed = true
                        continue
                    }
                    wait = min(wait ?? left, left)
                }
                kept.append(tag)
            }
            if kept.isEmpty {
                images[name] = nil
                changed = true
            } else {
                image.tags = kept.sorted { $0.tag < $1.tag }
                images[name] = image
            }
        }
        if changed { result.images = images }
        return NodeImageSpecCleanup(nodeImage: result, changed: changed, wait: wait)
    }

    /// Whether the owner `reference` still stands: any owner but an ImagePullJob does; an ImagePullJob does when
    /// one of that namespace and name exists with the same UID.
    static func exists(_ reference: ObjectReference, in imagePullJobs: [ObjectKey: String]) -> Bool {
        guard Self.isImagePullJob(reference) else { return true }
        let key = ObjectKey(namespace: reference.namespace, name: reference.name)
        guard let uid = imagePullJobs[key] else { return false }
        return uid == reference.uid
    }

    /// Whether `reference` names an ImagePullJob (`apps.kruise.io`, any version).
    public static func isImagePullJob(_ reference: ObjectReference) -> Bool {
        let group = reference.apiVersion.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return reference.kind == ImagePullJob.groupVersionKind.kind && group == Self.imagePullJobGroup
    }
}
