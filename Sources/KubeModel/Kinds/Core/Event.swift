public import KubeJSON

/// core/v1 Event, as controllers record them (`kubectl describe` and `kubectl get events` read these).
public struct Event: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Event") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// The object the event is about, as an object reference (`kind`, `namespace`, `name`, `uid`, ...).
    public var involvedObject: JSONValue? {
        get { self.object["involvedObject"] }
        set { self.object["involvedObject"] = newValue }
    }

    /// `Normal` or `Warning`.
    public var type: String? {
        get { self.value("type") }
        set { self.setValue("type", newValue) }
    }

    public var reason: String? {
        get { self.value("reason") }
        set { self.setValue("reason", newValue) }
    }

    public var message: String? {
        get { self.value("message") }
        set { self.setValue("message", newValue) }
    }

    public var count: Int32? {
        get { self.value("count") }
        set { self.setValue("count", newValue) }
    }

    public var firstTimestamp: KubeTime? {
        get { self.value("firstTimestamp") }
        set { self.setValue("firstTimestamp", newValue) }
    }

    public var lastTimestamp: KubeTime? {
        get { self.value("lastTimestamp") }
        set { self.setValue("lastTimestamp", newValue) }
    }

    /// `source.component`, e.g. `cloneset-controller`.
    public var sourceComponent: String? {
        get { self.object["source"]?["component"]?.stringValue }
        set { self.object["source"] = newValue.map { ["component": .string($0)] } }
    }
}
