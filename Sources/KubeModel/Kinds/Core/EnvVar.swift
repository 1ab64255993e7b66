public import KubeJSON

/// core/v1 EnvVar.
public struct EnvVar: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public init(name: String, value: String) {
        self.object = JSONObject()
        self.name = name
        self.value = value
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var value: String? {
        get { self.value("value") }
        set { self.setValue("value", newValue) }
    }

    /// `valueFrom` (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef), kept as JSON.
    public var valueFrom: JSONValue? {
        get { self.object["valueFrom"] }
        set { self.object["valueFrom"] = newValue }
    }

    /// The `fieldPath` of `valueFrom.fieldRef`, e.g. `metadata.labels['app']`.
    public var fieldPath: String? { self.valueFrom?["fieldRef"]?["fieldPath"]?.stringValue }
}
