public import KubeJSON

/// `details` of a metav1.Status: what the failure concerns.
public struct APIStatusDetails: Sendable, Hashable {
    public var name: String
    /// The API group; empty for the core group.
    public var group: String
    /// The resource plural for most errors (`pods`), the kind for `Invalid` (`Deployment`).
    public var kind: String
    public var uid: String
    public var causes: [APIStatusCause]
    /// Seconds the client should wait before retrying; `nil` when not set.
    public var retryAfterSeconds: Int?

    public init(
        name: String = "",
        group: String = "",
        kind: String = "",
        uid: String = "",
        causes: [APIStatusCause] = [],
        retryAfterSeconds: Int? = nil
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The JSON form; empty members are left out, as kube-apiserver does (so an empty value is `{}`).
    public var json: JSONValue {
        var object = JSONObject()
        if !self.name.isEmpty { object.appendUnchecked(key: "name", value: .string(self.name)) }
        if !self.group.isEmpty { object.appendUnchecked(key: "group", value: .string(self.group)) }
        if !self.kind.isEmpty { object.appendUnchecked(key: "kind", value: .string(self.kind)) }
        if !self.uid.isEmpty { object.appendUnchecked(key: "uid", value: .string(self.uid)) }
        if !self.causes.isEmpty { object.appendUnchecked(key: "causes", value: .array(self.causes.map(\.json))) }
        if let seconds = self.retryAfterSeconds, seconds != 0 {
            object.appendUnchecked(key: "retryAfterSeconds", value: .int(Int64(seconds)))
        }
        return .object(object)
    }
}
