/// The `imagePullPolicy` of an ImagePullJob and of a NodeImage tag.
public enum ImagePullPolicy: String, Sendable, Hashable, CaseIterable {
    /// Pull only when the node does not have the image.
    case ifNotPresent = "IfNotPresent"
    /// Always ask the registry, so a moved tag (`:latest`) is refreshed.
    case always = "Always"
}
