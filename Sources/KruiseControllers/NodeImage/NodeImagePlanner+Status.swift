public import KruiseAPI
public import KubeModel

extension NodeImagePlanner {
    /// The message of a tag the daemon never reported.
    public static let notRespondingMessage = "node has not responded for a long time"
    /// The message of a tag still unfinished after its `activeDeadlineSeconds` (plus the response timeout).
    public static let deadlineMessage = "pulling exceeds the activeDeadlineSeconds"

    /// Upstream's `updateNodeImageStatus`: for each spec tag (with `createdAt`),
    /// - with no status entry of its version (a Waiting entry of that version counts as an answer) once
    ///   ``NodeImageTimings/responseTimeout`` has passed since `createdAt`: Failed, `node has not responded for a
    ///   long time` (the entry of an older version is replaced);
    /// - with an unfinished entry once `pullPolicy.activeDeadlineSeconds` plus the response timeout has passed
    ///   since `createdAt`: Failed, `pulling exceeds the activeDeadlineSeconds`.
    /// When a tag failed, status images and tags no longer in the spec are dropped and the counts recomputed:
    /// `desired` the spec's distinct `name:tag`s, the others by phase.
    public static func timedOut(_ nodeImage: NodeImage, now: KubeTime, timings: NodeImageTimings) -> NodeImageStatusTimeouts {
        let images = nodeImage.images
        var statuses = nodeImage.status.imageStatuses
        var failures: [NodeImagePlan.PullFailure] = []
        var wait: Duration?
        func pending(_ delay: Duration) { wait = min(wait ?? delay, delay) }

        for name in images.keys.sorted() {
            guard let image = images[name] else { continue }
            for tag in image.tags {
                guard let createdAt = tag.createdAt else { continue }
                let elapsed = now.duration(since: createdAt)
                var reported = statuses[name] ?? []
                let index = reported.firstIndex { $0.tag == tag.tag }
                let message: String
                if let index, reported[index].version == tag.version {
                    guard reported[index].completionTime == nil,
                        let deadline = tag.pullPolicy?.activeDeadlineSeconds
                    else { continue }
                    let limit = Duration.seconds(deadline) + timings.responseTimeout
                    if elapsed < limit {
                        pending(limit - elapsed)
                        continue
                    }
                    message = Self.deadlineMessage
                    reported[index].phase = .failed
                    reported[index].completionTime = now
                    reported[index].message = message
                } else {
                    if elapsed < timings.responseTimeout {
                        pending(timings.responseTimeout - elapsed)
                        continue
                    }
                    message = Self.notRespondingMessage
                    var failed = ImageTagStatus(tag: tag.tag, phase: .failed, version: tag.version)
                    failed.completionTime = now
                    failed.message = message
                    if let index { reported[index] = failed } else { reported.append(failed) }
                }
                statuses[name] = reported
                failures.append(
                    NodeImagePlan.PullFailure(image: "\(name):\(tag.tag)", message: message, owners: tag.ownerReferences))
            }
        }
        guard !failures.isEmpty else { return NodeImageStatusTimeouts(status: nil, failures: [], wait: wait) }
        return NodeImageStatusTimeouts(
            status: Self.recounted(nodeImage.status, statuses: statuses, images: images), failures: failures, wait: wait)
    }

    /// `status` with `statuses` less the images and tags not in `images`, and the counts recomputed.
    static func recounted(
        _ status: NodeImageStatus, statuses: [String: [ImageTagStatus]], images: [String: NodeImageSpec]
    ) -> NodeImageStatus {
        var result = status
        var kept: [String: [ImageTagStatus]] = [:]
        var desired = Set<String>()
        var counts: [ImageTagStatus.Phase: Int32] = [:]
        for (name, image) in images {
            let tags = Set(image.tags.map(\.tag))
            for tag in tags { desired.insert("\(name):\(tag)") }
            let remaining = (statuses[name] ?? []).filter { tags.contains($0.tag) }.sorted { $0.tag < $1.tag }
            if remaining.isEmpty { continue }
            kept[name] = remaining
            for entry in remaining { counts[entry.phase, default: 0] += 1 }
        }
        result.imageStatuses = kept
        result.desired = Int32(desired.count)
        result.succeeded = counts[.succeeded] ?? 0
        result.failed = counts[.failed] ?? 0
        result.pulling = counts[.pulling] ?? 0
        result.waiting = counts[.waiting] ?? 0
        return result
    }
}
