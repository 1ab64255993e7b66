/// One field a server-side apply would take from another field manager, reported in a 409 `Conflict`.
public struct FieldManagerConflict: Sendable, Hashable {
    /// The manager that owns the field (`kubectl-client-side-apply`).
    public var manager: String
    /// `true` when the owner set the field with an `Update` (PUT/PATCH), `false` with an `Apply`.
    public var isUpdate: Bool
    /// The `apiVersion` the owner used (`apps/v1`); shown for `Update` owners.
    public var apiVersion: String
    /// When the owner last wrote (RFC 3339), shown for `Update` owners when known.
    public var time: String?
    /// The subresource the owner wrote through (`status`); empty for the main resource.
    public var subresource: String
    /// The contested field, in structured-merge-diff path form (`.spec.replicas`).
    public var field: String

    public init(
        manager: String,
        isUpdate: Bool = true,
        apiVersion: String = "",
        time: String? = nil,
        subresource: String = "",
        field: String
    ) {
        self.manager = manager
        self.isUpdate = isUpdate
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.field = field
    }

    /// The owner as kube-apiserver prints it: `"kubectl-client-side-apply" using apps/v1`.
    public var managerDescription: String {
        var text = GoQuote.quote(self.manager)
        if !self.subresource.isEmpty { text += " with subresource \(GoQuote.quote(self.subresource))" }
        guard self.isUpdate else { return text }
        text += " using \(self.apiVersion)"
        if let time = self.time { text += " at \(time)" }
        return text
    }
}
