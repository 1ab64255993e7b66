import KruiseAPI
import KubeJSON
import KubeModel

/// The NodeImages an ImagePullJob pulls on (upstream's `GetNodeImagesForJob`), in the order nodes get the image:
/// - `podSelector`: the nodes of the active pods it matches in the job's namespace, in pod name order;
/// - no `selector`: every NodeImage, by name;
/// - `selector.names`: those names, in the order written (missing ones skipped);
/// - otherwise the NodeImages whose labels (the Node's) match the label selector.
enum ImagePullJobTargets {
    static func select(_ job: ImagePullJob, nodeImages: [String: NodeImage], pods: [Pod]) -> [NodeImage] {
        let spec = job.spec
        if let podSelector = spec.podSelector {
            var seen: Set<String> = []
            var result: [NodeImage] = []
            for pod in pods.sorted(by: { $0.name < $1.name }) where Self.isActive(pod) && podSelector.matches(pod.metadata.labels) {
                guard let nodeName = pod.spec.nodeName, !nodeName.isEmpty, seen.insert(nodeName).inserted,
                    let nodeImage = nodeImages[nodeName]
                else { continue }
                result.append(nodeImage)
            }
            return result
        }
        guard let selector = spec.selector else {
            return nodeImages.keys.sorted().compactMap { nodeImages[$0] }
        }
        if selector.object["names"] != nil {
            return selector.names.compactMap { nodeImages[$0] }
        }
        let labels = selector.labelSelector
        return nodeImages.keys.sorted().compactMap { name in
            guard let nodeImage = nodeImages[name], labels.matches(nodeImage.metadata.labels) else { return nil }
            return nodeImage
        }
    }

    /// Whether `nodeImage` is (or may become) a target of `job`, for routing NodeImage and pod events.
    static func mayTarget(_ job: ImagePullJob, nodeImage: NodeImage) -> Bool {
        let spec = job.spec
        if spec.podSelector != nil { return true }
        guard let selector = spec.selector else { return true }
        if selector.object["names"] != nil { return selector.names.contains(nodeImage.name) }
        return selector.labelSelector.matches(nodeImage.metadata.labels)
    }

    private static func isActive(_ pod: Pod) -> Bool {
        let phase = pod.status.phase
        return phase != "Succeeded" && phase != "Failed" && !pod.metadata.isBeingDeleted
    }
}
