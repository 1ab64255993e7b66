public import KubeJSON

/// Any object of any kind, for code that handles objects generically (custom resources, the API server).
public struct UnstructuredObject: KubeObject {
    /// Unstructured objects have no fixed kind: the empty kind tells ``KubeObject/decode(_:)`` to accept any.
    public static var groupVersionKind: GroupVersionKind { GroupVersionKind(group: "", version: "", kind: "") }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// The object's own group, version and kind, when `apiVersion` and `kind` are set and well formed.
    public var groupVersionKind: GroupVersionKind? {
        guard let apiVersion = self.apiVersion, let kind = self.kind else { return nil }
        return GroupVersionKind(apiVersion: apiVersion, kind: kind)
    }
}
