public import KubeJSON
public import KubeModel

/// `ImagePullJobStatus`: node counts and times. `desired`, `active`, `succeeded` and `failed` are always
/// written, as upstream's JSON has no `omitempty` on them.
public struct ImagePullJobStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `startTime`: when the controller first handled the job.
    public var startTime: KubeTime? {
        get { self.value("startTime") }
        set { self.setValue("startTime", newValue) }
    }

    /// `completionTime`: when the job completed (never set for `completionPolicy.type: Never`).
    public var completionTime: KubeTime? {
        get { self.value("completionTime") }
        set { self.setValue("completionTime", newValue) }
    }

    /// `desired`: nodes that should pull.
    public var desired: Int32 {
        get { self.value("desired") ?? 0 }
        set { self.setValue("desired", newValue) }
    }

    /// `active`: nodes pulling now.
    public var active: Int32 {
        get { self.value("active") ?? 0 }
        set { self.setValue("active", newValue) }
    }

    /// `succeeded`: nodes that pulled the image.
    public var succeeded: Int32 {
        get { self.value("succeeded") ?? 0 }
        set { self.setValue("succeeded", newValue) }
    }

    /// `failed`: nodes whose pull failed.
    public var failed: Int32 {
        get { self.value("failed") ?? 0 }
        set { self.setValue("failed", newValue) }
    }

    /// `message`: a human-readable summary.
    public var message: String? {
        get { self.value("message") }
        set { self.setValue("message", newValue?.isEmpty == true ? nil : newValue) }
    }

    /// `failedNodes`: the nodes whose pull failed, sorted.
    public var failedNodes: [String] {
        get { self.value("failedNodes") ?? [] }
        set { self.setValue("failedNodes", newValue.isEmpty ? nil : newValue) }
    }
}
