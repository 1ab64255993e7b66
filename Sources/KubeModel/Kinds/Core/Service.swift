public import KubeJSON

/// core/v1 Service.
public struct Service: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Service") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: ServiceSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }
}
