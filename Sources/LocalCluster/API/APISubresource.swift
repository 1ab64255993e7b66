/// A subresource a resource serves (`status`, `scale`, `binding`, ...), as discovery describes it.
public struct APISubresource: Sendable, Hashable {
    /// The subresource name, the path segment after the object name.
    public var name: String
    /// The group of the kind the subresource answers with; empty (with an empty ``responseVersion``) when it
    /// answers with a kind of the parent's own group version.
    public var responseGroup: String
    /// The version of the kind the subresource answers with; empty together with ``responseGroup``.
    public var responseVersion: String
    /// The kind the subresource answers with (`Deployment` for `status`, `Scale` for `scale`).
    public var responseKind: String
    /// The verbs the subresource supports.
    public var verbs: [APIVerb]
    /// For a custom resource's `scale` subresource: where the replica counts and selector live.
    public var scalePaths: ScaleSubresourcePaths?

    public init(
        name: String,
        responseGroup: String = "",
        responseVersion: String = "",
        responseKind: String,
        verbs: [APIVerb],
        scalePaths: ScaleSubresourcePaths? = nil
    ) {
        self.name = name
        self.responseGroup = responseGroup
        self.responseVersion = responseVersion
        self.responseKind = responseKind
        self.verbs = verbs
        self.scalePaths = scalePaths
    }

    /// The `status` subresource of a resource of kind `kind`.
    public static func status(kind: String) -> APISubresource {
        APISubresource(name: "status", responseKind: kind, verbs: APIVerb.getPatchUpdate)
    }

    /// The `scale` subresource, answering with `autoscaling/v1` `Scale`.
    public static func scale(paths: ScaleSubresourcePaths? = nil) -> APISubresource {
        APISubresource(
            name: "scale",
            responseGroup: "autoscaling",
            responseVersion: "v1",
            responseKind: "Scale",
            verbs: APIVerb.getPatchUpdate,
            scalePaths: paths
        )
    }

    /// `true` when the subresource answers with the `autoscaling/v1` `Scale` kind.
    public var isScale: Bool { self.name == "scale" }

    /// `true` when the subresource supports `verb`.
    public func allows(_ verb: APIVerb) -> Bool { self.verbs.contains(verb) }
}
