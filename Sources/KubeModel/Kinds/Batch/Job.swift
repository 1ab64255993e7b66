public import KubeJSON

/// batch/v1 Job.
public struct Job: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "batch", version: "v1", kind: "Job") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: JobSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: JobStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
