public import KubeJSON

/// `metadata.ownerReferences[]` (metav1.OwnerReference).
public struct OwnerReference: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A reference to `owner`; `controller` marks it as the managing controller.
    public init<Owner: KubeObject>(to owner: Owner, controller: Bool = true, blockOwnerDeletion: Bool = true) {
        self.object = JSONObject()
        self.apiVersion = Owner.groupVersionKind.apiVersion
        self.kind = Owner.groupVersionKind.kind
        self.name = owner.name
        self.uid = owner.metadata.uid ?? ""
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    public var apiVersion: String {
        get { self.value("apiVersion") ?? "" }
        set { self.setValue("apiVersion", newValue) }
    }

    public var kind: String {
        get { self.value("kind") ?? "" }
        set { self.setValue("kind", newValue) }
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var uid: String {
        get { self.value("uid") ?? "" }
        set { self.setValue("uid", newValue) }
    }

    public var controller: Bool? {
        get { self.value("controller") }
        set { self.setValue("controller", newValue) }
    }

    public var blockOwnerDeletion: Bool? {
        get { self.value("blockOwnerDeletion") }
        set { self.setValue("blockOwnerDeletion", newValue) }
    }
}
