/// Options of a list or watch (`metav1.ListOptions`).
public struct ListOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var limit: Int?
    public var continueToken: String?
    public var resourceVersion: String?
    public var resourceVersionMatch: String?
    public var timeoutSeconds: Int?
    public var allowWatchBookmarks: Bool
    public var sendInitialEvents: Bool?

    public init(
        labelSelector: String? = nil,
        fieldSelector: String? = nil,
        limit: Int? = nil,
        continueToken: String? = nil,
        resourceVersion: String? = nil,
        resourceVersionMatch: String? = nil,
        timeoutSeconds: Int? = nil,
        allowWatchBookmarks: Bool = false,
        sendInitialEvents: Bool? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.timeoutSeconds = timeoutSeconds
        self.allowWatchBookmarks = allowWatchBookmarks
        self.sendInitialEvents = sendInitialEvents
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let value = self.labelSelector, !value.isEmpty { items.append(("labelSelector", value)) }
        if let value = self.fieldSelector, !value.isEmpty { items.append(("fieldSelector", value)) }
        if let value = self.limit, value > 0 { items.append(("limit", String(value))) }
        if let value = self.continueToken, !value.isEmpty { items.append(("continue", value)) }
        if let value = self.resourceVersion { items.append(("resourceVersion", value)) }
        if let value = self.resourceVersionMatch { items.append(("resourceVersionMatch", value)) }
        if let value = self.timeoutSeconds { items.append(("timeoutSeconds", String(value))) }
        if self.allowWatchBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let value = self.sendInitialEvents { items.append(("sendInitialEvents", value ? "true" : "false")) }
        return items
    }
}

/// Options of a create, update or patch.
public struct WriteOptions: Sendable, Hashable {
    public var dryRun: Bool
    /// The field manager recorded in managedFields (required for server-side apply).
    public var fieldManager: String?
    /// `Strict`, `Warn` or `Ignore`.
    public var fieldValidation: String?
    /// Server-side apply only: take ownership of conflicting fields.
    public var force: Bool

    public init(dryRun: Bool = false, fieldManager: String? = nil, fieldValidation: String? = nil, force: Bool = false) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.fieldValidation = fieldValidation
        self.force = force
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if self.dryRun { items.append(("dryRun", "All")) }
        if let value = self.fieldManager { items.append(("fieldManager", value)) }
        if let value = self.fieldValidation { items.append(("fieldValidation", value)) }
        if self.force { items.append(("force", "true")) }
        return items
    }
}

/// Options of a delete (`metav1.DeleteOptions`), sent as the request body.
public struct DeleteOptions: Sendable, Hashable {
    /// `Background`, `Foreground` or `Orphan`; `nil` leaves the resource's default.
    public var propagationPolicy: String?
    public var gracePeriodSeconds: Int?
    /// Delete only if the object still has this UID.
    public var preconditionUID: String?
    /// Delete only if the object still has this resourceVersion.
    public var preconditionResourceVersion: String?
    public var dryRun: Bool

    public init(
        propagationPolicy: String? = nil,
        gracePeriodSeconds: Int? = nil,
        preconditionUID: String? = nil,
        preconditionResourceVersion: String? = nil,
        dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.dryRun = dryRun
    }
}

/// The patch formats the API accepts.
public enum PatchType: String, Sendable, Hashable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategicMerge = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"
}
