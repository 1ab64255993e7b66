public import KubeJSON
public import KubeModel

/// `PullPolicy` of an ImagePullJob: how long one pull may take and how often it is retried.
public struct ImagePullJobPullPolicy: JSONObjectView {
    /// The default `timeoutSeconds`.
    public static let defaultTimeoutSeconds: Int32 = 600
    /// The default `backoffLimit`.
    public static let defaultBackoffLimit: Int32 = 3

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `timeoutSeconds`: the limit of one pull attempt (default 600).
    public var timeoutSeconds: Int32? {
        get { self.value("timeoutSeconds") }
        set { self.setValue("timeoutSeconds", newValue) }
    }

    /// `backoffLimit`: retries before a node is marked failed (default 3).
    public var backoffLimit: Int32? {
        get { self.value("backoffLimit") }
        set { self.setValue("backoffLimit", newValue) }
    }
}
