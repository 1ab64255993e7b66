public import KubeJSON

/// batch/v1 JobSpec.
public struct JobSpec: PodTemplatedSpec {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var parallelism: Int32? {
        get { self.value("parallelism") }
        set { self.setValue("parallelism", newValue) }
    }

    public var completions: Int32? {
        get { self.value("completions") }
        set { self.setValue("completions", newValue) }
    }

    public var backoffLimit: Int32? {
        get { self.value("backoffLimit") }
        set { self.setValue("backoffLimit", newValue) }
    }

    public var activeDeadlineSeconds: Int64? {
        get { self.value("activeDeadlineSeconds") }
        set { self.setValue("activeDeadlineSeconds", newValue) }
    }

    public var ttlSecondsAfterFinished: Int32? {
        get { self.value("ttlSecondsAfterFinished") }
        set { self.setValue("ttlSecondsAfterFinished", newValue) }
    }

    public var suspend: Bool? {
        get { self.value("suspend") }
        set { self.setValue("suspend", newValue) }
    }
}
