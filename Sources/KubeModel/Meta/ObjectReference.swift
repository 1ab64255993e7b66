public import KubeJSON

/// core/v1 `ObjectReference`: a reference to any object by kind, namespace, name and uid (events'
/// `involvedObject`, NodeImage tags' owners).
public struct ObjectReference: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A reference to `target` (apiVersion, kind, namespace when set, name, uid).
    public init<Target: KubeObject>(to target: Target) {
        self.object = JSONObject()
        self.apiVersion = Target.groupVersionKind.apiVersion
        self.kind = Target.groupVersionKind.kind
        if let namespace = target.metadata.namespace { self.namespace = namespace }
        self.name = target.name
        self.uid = target.metadata.uid ?? ""
    }

    public var apiVersion: String {
        get { self.value("apiVersion") ?? "" }
        set { self.setValue("apiVersion", newValue) }
    }

    public var kind: String {
        get { self.value("kind") ?? "" }
        set { self.setValue("kind", newValue) }
    }

    public var namespace: String {
        get { self.value("namespace") ?? "" }
        set { self.setValue("namespace", newValue.isEmpty ? nil : newValue) }
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var uid: String {
        get { self.value("uid") ?? "" }
        set { self.setValue("uid", newValue.isEmpty ? nil : newValue) }
    }
}
