public import KubeJSON
public import KubeModel

/// `CompletionPolicy` of an ImagePullJob.
public struct ImagePullJobCompletionPolicy: JSONObjectView {
    /// `type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The job completes once every node has succeeded or failed (or the deadline passes).
        case always = "Always"
        /// The job never completes: it keeps pulling on nodes that match later, and re-pulls about daily.
        case never = "Never"
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `type` (default `Always`).
    public var type: Kind {
        get { self.value("type", as: String.self).flatMap(Kind.init(rawValue:)) ?? .always }
        set { self.setValue("type", newValue.rawValue) }
    }

    /// The raw `type`, for validation.
    public var typeValue: String? { self.value("type") }

    /// `activeDeadlineSeconds`: how long an `Always` job may run before its remaining nodes count as failed.
    public var activeDeadlineSeconds: Int64? {
        get { self.value("activeDeadlineSeconds") }
        set { self.setValue("activeDeadlineSeconds", newValue) }
    }

    /// `ttlSecondsAfterFinished`: how long a finished `Always` job is kept before it is deleted.
    public var ttlSecondsAfterFinished: Int32? {
        get { self.value("ttlSecondsAfterFinished") }
        set { self.setValue("ttlSecondsAfterFinished", newValue) }
    }
}
