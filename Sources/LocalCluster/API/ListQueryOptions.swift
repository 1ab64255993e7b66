public import KubeModel

/// The list and watch options of a collection GET: `labelSelector`, `fieldSelector`, `limit`, `continue`,
/// `resourceVersion`, `resourceVersionMatch`, `watch`, `allowWatchBookmarks`, `sendInitialEvents`,
/// `timeoutSeconds`, `pretty`.
public struct ListQueryOptions: Sendable, Hashable {
    /// How `resourceVersion` constrains a list.
    public enum ResourceVersionMatch: String, Sendable, Hashable, CaseIterable {
        case notOlderThan = "NotOlderThan"
        case exact = "Exact"
    }

    /// The label selector, unparsed; empty selects everything.
    public var labelSelector: String
    /// The field selector, unparsed; empty selects everything.
    public var fieldSelector: String
    /// The page size; 0 for no limit.
    public var limit: Int64
    /// The continue token of the previous page; empty for the first page.
    public var continueToken: String
    /// The resource version; empty for "most recent".
    public var resourceVersion: String
    /// `resourceVersionMatch` as sent; empty when absent. See ``match`` for the typed value.
    public var resourceVersionMatch: String
    /// `true` for a watch.
    public var watch: Bool
    public var allowWatchBookmarks: Bool
    /// `nil` when absent.
    public var sendInitialEvents: Bool?
    /// `nil` when absent.
    public var timeoutSeconds: Int64?
    public var pretty: Bool

    public init(
        labelSelector: String = "",
        fieldSelector: String = "",
        limit: Int64 = 0,
        continueToken: String = "",
        resourceVersion: String = "",
        resourceVersionMatch: String = "",
        watch: Bool = false,
        allowWatchBookmarks: Bool = false,
        sendInitialEvents: Bool? = nil,
        timeoutSeconds: Int64? = nil,
        pretty: Bool = false
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.watch = watch
        self.allowWatchBookmarks = allowWatchBookmarks
        self.sendInitialEvents = sendInitialEvents
        self.timeoutSeconds = timeoutSeconds
        self.pretty = pretty
    }

    /// Reads the options from a query.
    /// - Throws: ``QueryParameterError`` when `limit` or `timeoutSeconds` is not an integer, or `resourceVersion`
    ///   not a version (400).
    public init(query: RequestQuery) throws(QueryParameterError) {
        _ = try QueryParameterError.parseResourceVersion(query.value("resourceVersion") ?? "")
        self.init(
            labelSelector: query.value("labelSelector") ?? "",
            fieldSelector: query.value("fieldSelector") ?? "",
            limit: try query.int64("limit"),
            continueToken: query.value("continue") ?? "",
            resourceVersion: query.value("resourceVersion") ?? "",
            resourceVersionMatch: query.value("resourceVersionMatch") ?? "",
            watch: query.bool("watch"),
            allowWatchBookmarks: query.bool("allowWatchBookmarks"),
            sendInitialEvents: query.optionalBool("sendInitialEvents"),
            timeoutSeconds: try query.optionalInt64("timeoutSeconds"),
            pretty: query.bool("pretty")
        )
    }

    /// The typed `resourceVersionMatch`; `nil` when absent or unsupported.
    public var match: ResourceVersionMatch? { ResourceVersionMatch(rawValue: self.resourceVersionMatch) }

    /// kube-apiserver's checks of list and watch options (with streaming lists supported). A non-empty result
    /// is answered with ``APIStatus/invalid(group:kind:name:errors:)`` for `ListOptions.meta.k8s.io` and
    /// name `""` (see ``validationStatus()``).
    public func validate() -> [FieldError] {
        let field = "resourceVersionMatch"
        let match = self.resourceVersionMatch
        var errors: [FieldError] = []
        if self.watch {
            if self.sendInitialEvents != nil && match != ResourceVersionMatch.notOlderThan.rawValue {
                errors.append(
                    FieldError(field: field, message: "Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")
                )
            }
            if !match.isEmpty {
                if self.sendInitialEvents == nil {
                    errors.append(
                        FieldError(
                            field: field,
                            message: "Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"
                        )
                    )
                }
                if match != ResourceVersionMatch.notOlderThan.rawValue {
                    errors.append(
                        FieldError(field: field, message: "Unsupported value: \(GoQuote.quote(match)): supported values: \"NotOlderThan\"")
                    )
                }
                if !self.continueToken.isEmpty {
                    errors.append(FieldError(field: field, message: "Forbidden: resourceVersionMatch is forbidden when continue is provided"))
                }
            }
            return errors
        }
        if !match.isEmpty {
            if self.resourceVersion.isEmpty {
                errors.append(FieldError(field: field, message: "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"))
            }
            if !self.continueToken.isEmpty {
                errors.append(FieldError(field: field, message: "Forbidden: resourceVersionMatch is forbidden when continue is provided"))
            }
            if self.match == nil {
                errors.append(
                    FieldError(
                        field: field,
                        message: "Unsupported value: \(GoQuote.quote(match)): supported values: \"Exact\", \"NotOlderThan\", \"\""
                    )
                )
            }
            if self.match == .exact && self.resourceVersion == "0" {
                errors.append(
                    FieldError(field: field, message: "Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"")
                )
            }
        }
        if self.sendInitialEvents != nil {
            errors.append(FieldError(field: "sendInitialEvents", message: "Forbidden: sendInitialEvents is forbidden for list"))
        }
        return errors
    }

    /// The 422 for options ``validate()`` rejects; `nil` when they are valid.
    public func validationStatus() -> APIStatus? {
        let errors = self.validate()
        return errors.isEmpty ? nil : APIStatus.invalid(group: "meta.k8s.io", kind: "ListOptions", name: "", errors: errors)
    }
}
