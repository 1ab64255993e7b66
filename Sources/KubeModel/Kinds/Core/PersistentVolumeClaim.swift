public import KubeJSON

/// core/v1 PersistentVolumeClaim.
public struct PersistentVolumeClaim: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "", version: "v1", kind: "PersistentVolumeClaim")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec.accessModes`, e.g. `ReadWriteOnce`.
    public var accessModes: [String] {
        get { self.object["spec"].flatMap { try? [String](json: $0["accessModes"] ?? .array([])) } ?? [] }
        set { self.updateSpec { $0["accessModes"] = newValue.isEmpty ? nil : newValue.json } }
    }

    /// `spec.resources.requests.storage`.
    public var requestedStorage: Quantity? {
        get { self.object["spec"]?["resources"]?["requests"]?["storage"].flatMap { try? Quantity(json: $0) } }
        set {
            self.updateSpec { spec in
                var resources = spec["resources"] ?? .emptyObject
                var requests = resources["requests"] ?? .emptyObject
                requests["storage"] = newValue?.json
                resources["requests"] = requests
                spec["resources"] = resources
            }
        }
    }

    public var storageClassName: String? {
        get { self.object["spec"]?["storageClassName"]?.stringValue }
        set { self.updateSpec { $0["storageClassName"] = newValue.map { .string($0) } } }
    }

    /// `status.phase`: `Pending`, `Bound` or `Lost`.
    public var phase: String? {
        get { self.object["status"]?["phase"]?.stringValue }
        set {
            var status = self.object["status"] ?? .emptyObject
            status["phase"] = newValue.map { .string($0) }
            self.object["status"] = status
        }
    }

    private mutating func updateSpec(_ body: (inout JSONValue) -> Void) {
        var spec = self.object["spec"] ?? .emptyObject
        body(&spec)
        self.object["spec"] = spec
    }
}
