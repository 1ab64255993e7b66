public import KubeJSON
public import KubeModel

/// `ImageTagSpec`: one tag of a NodeImage image to pull, with the jobs that asked for it and a version that a
/// new pull round increments.
public struct ImageTagSpec: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A tag entry for `tag`.
    public init(tag: String) {
        self.object = JSONObject()
        self.tag = tag
    }

    /// `tag`.
    public var tag: String {
        get { self.value("tag") ?? "" }
        set { self.setValue("tag", newValue) }
    }

    /// `createdAt`: when this pull round was asked for.
    public var createdAt: KubeTime? {
        get { self.value("createdAt") }
        set { self.setValue("createdAt", newValue) }
    }

    /// `pullPolicy`.
    public var pullPolicy: ImageTagPullPolicy? {
        get { self.object["pullPolicy"]?.objectValue.map(ImageTagPullPolicy.init(object:)) }
        set { self.object["pullPolicy"] = newValue.map { .object($0.object) } }
    }

    /// `ownerReferences`: the ImagePullJobs that want this tag.
    public var ownerReferences: [ObjectReference] {
        get { self.views("ownerReferences") }
        set { self.setViews("ownerReferences", newValue) }
    }

    /// `version`: the pull round; the daemon pulls again when it grows.
    public var version: Int64 {
        get { self.value("version") ?? 0 }
        set { self.setValue("version", newValue == 0 ? nil : newValue) }
    }

    /// `imagePullPolicy` (absent: `IfNotPresent`).
    public var imagePullPolicy: ImagePullPolicy {
        get { self.value("imagePullPolicy", as: String.self).flatMap(ImagePullPolicy.init(rawValue:)) ?? .ifNotPresent }
        set { self.setValue("imagePullPolicy", newValue.rawValue) }
    }
}

/// `ImageTagPullPolicy`: the limits of one tag's pull.
public struct ImageTagPullPolicy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `timeoutSeconds`: the limit of one attempt (default 600).
    public var timeoutSeconds: Int32? {
        get { self.value("timeoutSeconds") }
        set { self.setValue("timeoutSeconds", newValue) }
    }

    /// `backoffLimit`: retries after the first attempt fails (default 3).
    public var backoffLimit: Int32? {
        get { self.value("backoffLimit") }
        set { self.setValue("backoffLimit", newValue) }
    }

    /// `ttlSecondsAfterFinished`: how long after the pull finished the tag is removed from the spec.
    public var ttlSecondsAfterFinished: Int32? {
        get { self.value("ttlSecondsAfterFinished") }
        set { self.setValue("ttlSecondsAfterFinished", newValue) }
    }

    /// `activeDeadlineSeconds`: how long the whole round (every attempt) may take.
    public var activeDeadlineSeconds: Int64? {
        get { self.value("activeDeadlineSeconds") }
        set { self.setValue("activeDeadlineSeconds", newValue) }
    }
}
