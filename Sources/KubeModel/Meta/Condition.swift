public import KubeJSON

/// One entry of a `status.conditions` list: the shape Pod, Node, Deployment, Job, CRD and Kruise conditions
/// share (`type`, `status`, `reason`, `message` and timestamps).
public struct Condition: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A condition of `type` with `status` (`True`, `False` or `Unknown`).
    public init(type: String, status: String, reason: String? = nil, message: String? = nil) {
        self.object = JSONObject()
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }

    public var type: String {
        get { self.value("type") ?? "" }
        set { self.setValue("type", newValue) }
    }

    /// `True`, `False` or `Unknown`.
    public var status: String {
        get { self.value("status") ?? "" }
        set { self.setValue("status", newValue) }
    }

    public var reason: String? {
        get { self.value("reason") }
        set { self.setValue("reason", newValue) }
    }

    public var message: String? {
        get { self.value("message") }
        set { self.setValue("message", newValue) }
    }

    public var lastTransitionTime: KubeTime? {
        get { self.value("lastTransitionTime") }
        set { self.setValue("lastTransitionTime", newValue) }
    }

    public var lastUpdateTime: KubeTime? {
        get { self.value("lastUpdateTime") }
        set { self.setValue("lastUpdateTime", newValue) }
    }

    public var lastProbeTime: KubeTime? {
        get { self.value("lastProbeTime") }
        set { self.setValue("lastProbeTime", newValue) }
    }

    public var lastHeartbeatTime: KubeTime? {
        get { self.value("lastHeartbeatTime") }
        set { self.setValue("lastHeartbeatTime", newValue) }
    }

    /// `true` when `status` is `True`.
    public var isTrue: Bool { self.status == "True" }
}

extension Array where Element == Condition {
    /// The condition of `type`, if present.
    public subscript(type type: String) -> Condition? {
        self.first { $0.type == type }
    }

    /// Replaces the condition of the same type, or appends it. The transition time is kept when the status
    /// did not change, as controllers do.
    public mutating func set(_ condition: Condition) {
        if let index = self.firstIndex(where: { $0.type == condition.type }) {
            var updated = condition
            if self[index].status == condition.status, let kept = self[index].lastTransitionTime {
                updated.lastTransitionTime = kept
            }
            self[index] = updated
        } else {
            self.append(condition)
        }
    }
}
