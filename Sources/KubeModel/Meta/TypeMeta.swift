public import KubeJSON

/// `apiVersion` and `kind` alone (metav1.TypeMeta), e.g. to peek at a document before choosing its model.
public struct TypeMeta: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String

    public init(apiVersion: String, kind: String) {
        self.apiVersion = apiVersion
        self.kind = kind
    }

    /// Reads `apiVersion` and `kind` from an object; empty strings where they are missing.
    public init(of json: JSONValue) {
        self.apiVersion = json["apiVersion"]?.stringValue ?? ""
        self.kind = json["kind"]?.stringValue ?? ""
    }
}
