public import KubeJSON

/// core/v1 PodStatus.
public struct PodStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String? {
        get { self.value("phase") }
        set { self.setValue("phase", newValue) }
    }

    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }

    /// The condition of `type`, found without building views of the others (readiness checks run for every pod
    /// on every controller sync).
    public func condition(_ type: String) -> Condition? {
        self.object.firstObject(inArray: "conditions", where: "type", is: type).map { Condition(object: $0) }
    }

    public var containerStatuses: [ContainerStatus] {
        get { self.views("containerStatuses") }
        set { self.setViews("containerStatuses", newValue) }
    }

    public var initContainerStatuses: [ContainerStatus] {
        get { self.views("initContainerStatuses") }
        set { self.setViews("initContainerStatuses", newValue) }
    }

    public var hostIP: String? {
        get { self.value("hostIP") }
        set { self.setValue("hostIP", newValue) }
    }

    public var podIP: String? {
        get { self.value("podIP") }
        set { self.setValue("podIP", newValue) }
    }

    public var startTime: KubeTime? {
        get { self.value("startTime") }
        set { self.setValue("startTime", newValue) }
    }

    public var reason: String? {
        get { self.value("reason") }
        set { self.setValue("reason", newValue) }
    }

    public var message: String? {
        get { self.value("message") }
        set { self.setValue("message", newValue) }
    }
}
