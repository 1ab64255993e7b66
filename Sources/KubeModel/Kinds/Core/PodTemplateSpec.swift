public import KubeJSON

/// `spec.template` of workloads (core/v1 PodTemplateSpec).
public struct PodTemplateSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var metadata: ObjectMeta {
        get { self.view("metadata") }
        set { self.setView("metadata", newValue) }
    }

    public var spec: PodSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }
}
