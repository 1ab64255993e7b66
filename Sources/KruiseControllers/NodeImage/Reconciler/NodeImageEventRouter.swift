public import ControllerRuntime
public import KruiseAPI
public import KubeModel

/// Maps Node and ImagePullJob events to the NodeImages to reconcile (upstream's `nodeHandler` and
/// `imagePullJobHandler`). Pure: the caller passes a lookup of the cached NodeImages.
///
/// - Nodes labelled `type=virtual-kubelet` are ignored.
/// - A Node deleted, or being deleted, maps to its NodeImage when there is one.
/// - A Node without a NodeImage maps to it once Ready (the reconcile waits out the creation delay); a Node with one
///   only when its labels differ from the NodeImage's, so heartbeats cost nothing.
/// - An ImagePullJob deleted maps to every NodeImage with a tag it owns (by UID, else by namespace and name).
public enum NodeImageEventRouter {
    /// The NodeImage keys to reconcile for a Node event; `nodeImage` gives the cached NodeImage of a name.
    public static func keys(forNode event: InformerEvent<Node>, nodeImage: (String) -> NodeImage?) -> [ObjectKey] {
        let node = event.object
        if NodeImagePlanner.isVirtualKubelet(node) { return [] }
        let key = ObjectKey(name: node.name)
        let existing = nodeImage(node.name)
        if case .deleted = event {
            return existing == nil ? [] : [key]
        }
        if node.metadata.isBeingDeleted { return existing == nil ? [] : [key] }
        guard let existing else { return NodeImagePlanner.readySince(node) == nil ? [] : [key] }
        return existing.metadata.labels == node.metadata.labels ? [] : [key]
    }

    /// The NodeImage keys to reconcile for an ImagePullJob event: on deletion, those with a tag the job owns.
    public static func keys(forImagePullJob event: InformerEvent<ImagePullJob>, nodeImages: [NodeImage]) -> [ObjectKey] {
        guard case .deleted(let job) = event else { return [] }
        let uid = job.metadata.uid ?? ""
        return nodeImages.filter { nodeImage in
            nodeImage.images.values.contains { image in
                image.tags.contains { tag in
                    tag.ownerReferences.contains { reference in
                        guard NodeImagePlanner.isImagePullJob(reference) else { return false }
                        if !uid.isEmpty && !reference.uid.isEmpty { return reference.uid == uid }
                        return reference.namespace == job.namespace && reference.name == job.name
                    }
                }
            }
        }.map { ObjectKey(name: $0.name) }.sorted()
    }
}
