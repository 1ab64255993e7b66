public import KubeJSON

/// The spec fields that the pod-managing workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job and
/// Kruise's own) share: a selector and a pod template, and usually a replica count.
public protocol PodTemplatedSpec: JSONObjectView {}

extension PodTemplatedSpec {
    public var replicas: Int32? {
        get { self.value("replicas") }
        set { self.setValue("replicas", newValue) }
    }

    public var selector: LabelSelector? {
        get { self.value("selector") }
        set { self.setValue("selector", newValue) }
    }

    public var template: PodTemplateSpec {
        get { self.view("template") }
        set { self.setView("template", newValue) }
    }

    public var minReadySeconds: Int32? {
        get { self.value("minReadySeconds") }
        set { self.setValue("minReadySeconds", newValue) }
    }

    public var revisionHistoryLimit: Int32? {
        get { self.value("revisionHistoryLimit") }
        set { self.setValue("revisionHistoryLimit", newValue) }
    }
}
