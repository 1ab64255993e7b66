public import KubeJSON

/// core/v1 ConfigMap.
public struct ConfigMap: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "ConfigMap") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var data: [String: String] {
        get { self.stringMap("data") }
        set { self.setStringMap("data", newValue) }
    }

    /// `binaryData`: base64 text per key, as on the wire.
    public var binaryData: [String: String] {
        get { self.stringMap("binaryData") }
        set { self.setStringMap("binaryData", newValue) }
    }

    public var immutable: Bool? {
        get { self.value("immutable") }
        set { self.setValue("immutable", newValue) }
    }
}
