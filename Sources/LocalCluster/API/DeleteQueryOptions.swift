public import KubeModel

/// The delete options a query can carry (the Python client sends them there; kubectl sends a `DeleteOptions`
/// body): `propagationPolicy`, `gracePeriodSeconds`, `dryRun`, `pretty`.
public struct DeleteQueryOptions: Sendable, Hashable {
    /// What happens to the object's dependents.
    public enum PropagationPolicy: String, Sendable, Hashable, CaseIterable {
        case foreground = "Foreground"
        case background = "Background"
        case orphan = "Orphan"
    }

    /// `propagationPolicy` as sent; `nil` when absent. See ``policy`` for the typed value.
    public var propagationPolicy: String?
    /// `nil` when absent.
    public var gracePeriodSeconds: Int64?
    /// Every `dryRun` value (`All` is the only valid one).
    public var dryRun: [String]
    public var pretty: Bool

    public init(propagationPolicy: String? = nil, gracePeriodSeconds: Int64? = nil, dryRun: [String] = [], pretty: Bool = false) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
        self.pretty = pretty
    }

    /// Reads the options from a query.
    /// - Throws: ``QueryParameterError`` when `gracePeriodSeconds` is not an integer (400).
    public init(query: RequestQuery) throws(QueryParameterError) {
        self.init(
            propagationPolicy: query.value("propagationPolicy"),
            gracePeriodSeconds: try query.optionalInt64("gracePeriodSeconds"),
            dryRun: query.values("dryRun"),
            pretty: query.bool("pretty")
        )
    }

    /// The typed policy; `nil` when absent or unsupported.
    public var policy: PropagationPolicy? { self.propagationPolicy.flatMap(PropagationPolicy.init(rawValue:)) }

    /// `true` when the delete must not be persisted (`dryRun=All`).
    public var isDryRun: Bool { self.dryRun.contains("All") }

    /// kube-apiserver's checks of `propagationPolicy` and `dryRun`. A non-empty result is answered with
    /// ``APIStatus/invalid(group:kind:name:errors:)`` for `DeleteOptions.meta.k8s.io` and name `""`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let policy = self.propagationPolicy, PropagationPolicy(rawValue: policy) == nil {
            errors.append(
                FieldError(
                    field: "propagationPolicy",
                    message: "Unsupported value: \(GoQuote.quote(policy)): supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""
                )
            )
        }
        if let invalid = WriteQueryOptions.dryRunError(self.dryRun) { errors.append(invalid) }
        return errors
    }
}
