public import KubeJSON

/// A list of objects of one kind (`PodList`, `DeploymentList`, ...).
public struct ObjectList<Item: KubeObject>: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A list holding `items`.
    public init(items: [Item], metadata: ListMeta = ListMeta()) {
        var object = JSONObject()
        object.appendUnchecked(key: "apiVersion", value: .string(Item.groupVersionKind.apiVersion))
        object.appendUnchecked(key: "kind", value: .string(Item.groupVersionKind.kind + "List"))
        object.appendUnchecked(key: "metadata", value: .object(metadata.object))
        object.appendUnchecked(key: "items", value: .array(items.map(\.json)))
        self.object = object
    }

    public var metadata: ListMeta {
        get { self.view("metadata") }
        set { self.setView("metadata", newValue) }
    }

    public var items: [Item] {
        get { self.views("items") }
        set { self.object["items"] = .array(newValue.map(\.json)) }
    }
}
