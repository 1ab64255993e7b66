public import KubeJSON

/// core/v1 Namespace (cluster-scoped).
public struct Namespace: KubeObject {
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "v1", kind: "Namespace") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// `status.phase`: `Active` or `Terminating`.
    public var phase: String? {
        get { self.object["status"]?["phase"]?.stringValue }
        set {
            var status = self.object["status"] ?? .emptyObject
            status["phase"] = newValue.map { .string($0) }
            self.object["status"] = status
        }
    }

    /// `spec.finalizers` (e.g. `kubernetes`), which must empty before the namespace goes away.
    public var specFinalizers: [String] {
        get { (try? [String](json: self.object["spec"]?["finalizers"] ?? .array([]))) ?? [] }
        set {
            var spec = self.object["spec"] ?? .emptyObject
            spec["finalizers"] = newValue.isEmpty ? nil : newValue.json
            self.object["spec"] = spec
        }
    }
}
