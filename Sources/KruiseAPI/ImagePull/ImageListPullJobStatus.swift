public import KubeJSON
public import KubeModel

/// `ImageListPullJobStatus`: the sum of the child ImagePullJobs. `desired`, `active`, `completed` and
/// `succeeded` are always written.
public struct ImageListPullJobStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `startTime`.
    public var startTime: KubeTime? {
        get { self.value("startTime") }
        set { self.setValue("startTime", newValue) }
    }

    /// `completionTime`: when every child job completed.
    public var completionTime: KubeTime? {
        get { self.value("completionTime") }
        set { self.setValue("completionTime", newValue) }
    }

    /// `desired`: the number of images.
    public var desired: Int32 {
        get { self.value("desired") ?? 0 }
        set { self.setValue("desired", newValue) }
    }

    /// `active`: child jobs still running.
    public var active: Int32 {
        get { self.value("active") ?? 0 }
        set { self.setValue("active", newValue) }
    }

    /// `completed`: child jobs that completed.
    public var completed: Int32 {
        get { self.value("completed") ?? 0 }
        set { self.setValue("completed", newValue) }
    }

    /// `succeeded`: completed child jobs whose every node succeeded.
    public var succeeded: Int32 {
        get { self.value("succeeded") ?? 0 }
        set { self.setValue("succeeded", newValue) }
    }

    /// `failedImageStatuses`: the images whose job had failed nodes.
    public var failedImageStatuses: [FailedImageStatus] {
        get { self.views("failedImageStatuses") }
        set { self.setViews("failedImageStatuses", newValue) }
    }
}

/// `FailedImageStatus`: an image whose ImagePullJob failed on some node.
public struct FailedImageStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A status for `image` pulled by `job`, with `message`.
    public init(job: String, image: String, message: String) {
        self.object = JSONObject()
        self.setValue("imagePullJob", job)
        self.setValue("name", image)
        self.setValue("message", message)
    }

    /// `imagePullJob`: the child job's name.
    public var imagePullJob: String { self.value("imagePullJob") ?? "" }
    /// `name`: the image.
    public var name: String { self.value("name") ?? "" }
    /// `message`.
    public var message: String { self.value("message") ?? "" }
}
