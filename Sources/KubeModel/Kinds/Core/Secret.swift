public import KubeJSON

/// core/v1 Secret. `data` holds base64 text as on the wire; `stringData` is write-only input that the API
/// server folds into `data`.
public struct Secret: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Secret") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `type`, e.g. `Opaque` or `kubernetes.io/dockerconfigjson`.
    public var type: String? {
        get { self.value("type") }
        set { self.setValue("type", newValue) }
    }

    public var data: [String: String] {
        get { self.stringMap("data") }
        set { self.setStringMap("data", newValue) }
    }

    public var stringData: [String: String] {
        get { self.stringMap("stringData") }
        set { self.setStringMap("stringData", newValue) }
    }

    public var immutable: Bool? {
        get { self.value("immutable") }
        set { self.setValue("immutable", newValue) }
    }
}
