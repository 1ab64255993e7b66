public import KubeJSON

/// apps/v1 Deployment.
public struct Deployment: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "apps", version: "v1", kind: "Deployment") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: DeploymentSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: DeploymentStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
