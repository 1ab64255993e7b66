public import KruiseAPI
import KubeModel

/// Builds the status the daemon writes on a NodeImage (upstream `imagepuller_controller.sync`): the daemon owns
/// the whole status and recomputes it from the spec and what its workers report.
public enum NodeImageStatusBuilder {
    /// The status for the spec `images` given each tag's latest pull status (`tagStatuses[image][tag]`).
    ///
    /// `desired` is the number of spec tags; `imageStatuses` holds only spec images and tags that have a
    /// status, each image's tags sorted by name (an image with none is left out, an empty map is absent);
    /// `succeeded`, `failed`, `pulling` and `waiting` count the listed tags by phase.
    public static func status(
        for images: [String: NodeImageSpec], tagStatuses: [String: [String: ImageTagStatus]]
    ) -> NodeImageStatus {
        var desired: Int32 = 0
        var listed: [String: [ImageTagStatus]] = [:]
        for (name, image) in images {
            let tags = image.tags
            desired += Int32(tags.count)
            guard let known = tagStatuses[name] else { continue }
            var seen: Set<String> = []
            let reported = tags.compactMap { tag -> ImageTagStatus? in
                guard seen.insert(tag.tag).inserted else { return nil }
                return known[tag.tag]
            }
            if !reported.isEmpty { listed[name] = reported.sorted { $0.tag < $1.tag } }
        }
        var counts: [ImageTagStatus.Phase: Int32] = [:]
        for tags in listed.values {
            for tag in tags { counts[tag.phase, default: 0] += 1 }
        }
        var status = NodeImageStatus()
        status.desired = desired
        status.succeeded = counts[.succeeded] ?? 0
        status.failed = counts[.failed] ?? 0
        status.pulling = counts[.pulling] ?? 0
        status.waiting = counts[.waiting] ?? 0
        status.imageStatuses = listed
        return status
    }
}
