/// Where a custom resource keeps the values its `/scale` subresource reads and writes
/// (`versions[].subresources.scale` of its CustomResourceDefinition).
public struct ScaleSubresourcePaths: Sendable, Hashable {
    /// JSON path of the desired replica count (`.spec.replicas`).
    public var specReplicasPath: String
    /// JSON path of the observed replica count (`.status.replicas`).
    public var statusReplicasPath: String
    /// JSON path of the string label selector (`.status.labelSelector`), if any.
    public var labelSelectorPath: String?

    public init(specReplicasPath: String, statusReplicasPath: String, labelSelectorPath: String? = nil) {
        self.specReplicasPath = specReplicasPath
        self.statusReplicasPath = statusReplicasPath
        self.labelSelectorPath = labelSelectorPath
    }
}
