public import KubeJSON

/// core/v1 Node (cluster-scoped).
public struct Node: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Node") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: NodeSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    public var status: NodeStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }

    /// `true` when the Ready condition is True.
    public var isReady: Bool {
        // Found by its text in the packed status, without decoding the other conditions (the scheduler asks for
        // every node on every decision).
        self.status.object.firstObject(inArray: "conditions", where: "type", is: "Ready").map { Condition(object: $0).isTrue } ?? false
    }
}
