import KruiseAPI
import KubeJSON
import KubeModel

/// Writing an ImagePullJob's tag into one NodeImage (upstream's `syncNodeImages` for one node): applied to a
/// freshly read NodeImage, so a retry after a conflict starts from the server's state.
struct ImagePullJobTagAssignment: Sendable, Hashable {
    /// The NodeImage (node) name.
    var nodeName: String
    /// The image name (`nginx`) and tag the job pulls.
    var imageName: String
    var tag: String
    /// The job as a tag owner.
    var owner: ObjectReference
    /// The tag's limits and TTL.
    var pullPolicy: ImageTagPullPolicy
    var imagePullPolicy: KruiseAPI.ImagePullPolicy
    var sandboxConfig: ImagePullSandboxConfig?
    /// The pull secret copies the daemon reads.
    var secrets: [NodeImageSecretReference]

    /// `nodeImage` with the tag owned by the job, or `nil` when it already is (and has every secret):
    /// - a tag another job owns gets a new version (a new pull round), the job as an owner, `createdAt` now;
    /// - a new tag gets the version after the one last reported for it (0 when none).
    func apply(to nodeImage: NodeImage, now: KubeTime) -> NodeImage? {
        var images = nodeImage.images
        var image = images[self.imageName] ?? NodeImageSpec(object: ["tags": .array([])])
        var changed = false
        if image.sandboxConfig != self.sandboxConfig {
            image.sandboxConfig = self.sandboxConfig
            changed = true
        }
        var secrets = image.pullSecrets
        for secret in self.secrets where !secrets.contains(where: { $0.namespace == secret.namespace && $0.name == secret.name }) {
            secrets.append(secret)
            changed = true
        }
        image.pullSecrets = secrets
        var tags = image.tags
        if let index = tags.firstIndex(where: { $0.tag == self.tag }) {
            if !tags[index].ownerReferences.contains(where: { $0.uid == self.owner.uid }) {
                tags[index].version += 1
                tags[index].ownerReferences.append(self.owner)
                tags[index].createdAt = now
                tags[index].imagePullPolicy = self.imagePullPolicy
                changed = true
            }
        } else {
            var entry = ImageTagSpec(tag: self.tag)
            entry.createdAt = now
            entry.pullPolicy = self.pullPolicy
            entry.ownerReferences = [self.owner]
            entry.version = (nodeImage.status.tagStatus(image: self.imageName, tag: self.tag)?.version ?? -1) + 1
            entry.imagePullPolicy = self.imagePullPolicy
            tags.append(entry)
            changed = true
        }
        guard changed else { return nil }
        image.tags = tags.sorted { $0.tag < $1.tag }
        images[self.imageName] = image
        var result = nodeImage
        result.images = images
        return result
    }
}
