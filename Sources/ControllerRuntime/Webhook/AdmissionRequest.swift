public import KubeJSON
public import KubeModel

/// `AdmissionReview.request` (admission.k8s.io/v1): what the API server asks a webhook about.
public struct AdmissionRequest: JSONObjectView, Sendable {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var uid: String { self.value("uid") ?? "" }
    /// `CREATE`, `UPDATE`, `DELETE` or `CONNECT`.
    public var operation: String { self.value("operation") ?? "" }
    public var name: String { self.value("name") ?? "" }
    public var namespace: String { self.value("namespace") ?? "" }
    /// The kind of the object (`{group, version, kind}`).
    public var kind: GroupVersionKind {
        let kind = self.object["kind"]
        return GroupVersionKind(
            group: kind?["group"]?.stringValue ?? "",
            version: kind?["version"]?.stringValue ?? "",
            kind: kind?["kind"]?.stringValue ?? ""
        )
    }
    /// The resource (`{group, version, resource}`).
    public var resource: GroupVersionResource {
        let resource = self.object["resource"]
        return GroupVersionResource(
            group: resource?["group"]?.stringValue ?? "",
            version: resource?["version"]?.stringValue ?? "",
            resource: resource?["resource"]?.stringValue ?? ""
        )
    }
    /// `status`, `scale`, `eviction`, ... or empty.
    public var subResource: String { self.value("subResource") ?? "" }
    /// The object as it will be stored (CREATE, UPDATE), `nil` for DELETE.
    public var newObject: JSONValue? { self.object["object"].flatMap { $0.isNull ? nil : $0 } }
    /// The stored object (UPDATE, DELETE).
    public var oldObject: JSONValue? { self.object["oldObject"].flatMap { $0.isNull ? nil : $0 } }
    public var dryRun: Bool { self.value("dryRun") ?? false }
    /// The requesting user's name.
    public var userName: String { self.object["userInfo"]?["username"]?.stringValue ?? "" }
}
