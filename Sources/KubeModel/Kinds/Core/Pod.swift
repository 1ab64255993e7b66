public import KubeJSON

/// core/v1 Pod.
public struct Pod: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Pod") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: PodSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: PodStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }

    /// `true` when the Ready condition is True.
    public var isReady: Bool { self.status.condition("Ready")?.isTrue ?? false }

    /// `true` once the pod has a node.
    public var isScheduled: Bool { !(self.spec.nodeName ?? "").isEmpty }

    /// `true` when the pod has finished (Succeeded or Failed) and will not run again.
    public var isTerminated: Bool { self.status.phase == "Succeeded" || self.status.phase == "Failed" }
}
