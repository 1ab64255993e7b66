public import KubeJSON

/// What admission made of a request that it let through.
public struct AdmissionOutcome: Sendable {
    /// The object after the mutating webhooks' patches (nil for DELETE).
    public var object: JSONValue?
    /// The webhooks' warnings, for `Warning` headers.
    public var warnings: [String]

    public init(object: JSONValue?, warnings: [String]) {
        self.object = object
        self.warnings = warnings
    }
}
