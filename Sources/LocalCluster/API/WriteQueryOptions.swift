public import KubeModel

/// The options of a create, update or patch: `dryRun`, `fieldManager`, `fieldValidation`, `force`, `pretty`.
public struct WriteQueryOptions: Sendable, Hashable {
    /// What the server does with unknown or duplicate fields.
    public enum FieldValidation: String, Sendable, Hashable, CaseIterable {
        case ignore = "Ignore"
        case warn = "Warn"
        case strict = "Strict"
    }

    /// Every `dryRun` value (`All` is the only valid one).
    public var dryRun: [String]
    /// The field manager; empty when absent (the server then derives one from the User-Agent).
    public var fieldManager: String
    /// `fieldValidation` as sent; empty when absent. See ``validation`` for the typed value.
    public var fieldValidation: String
    /// Server-side apply's `force`; `nil` when absent.
    public var force: Bool?
    public var pretty: Bool

    public init(
        dryRun: [String] = [],
        fieldManager: String = "",
        fieldValidation: String = "",
        force: Bool? = nil,
        pretty: Bool = false
    ) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.fieldValidation = fieldValidation
        self.force = force
        self.pretty = pretty
    }

    /// Reads the options from a query.
    public init(query: RequestQuery) {
        self.init(
            dryRun: query.values("dryRun"),
            fieldManager: query.value("fieldManager") ?? "",
            fieldValidation: query.value("fieldValidation") ?? "",
            force: query.optionalBool("force"),
            pretty: query.bool("pretty")
        )
    }

    /// `true` when the write must not be persisted (`dryRun=All`).
    public var isDryRun: Bool { self.dryRun.contains("All") }

    /// The typed `fieldValidation`; `nil` when absent or unsupported.
    public var validation: FieldValidation? { FieldValidation(rawValue: self.fieldValidation) }

    /// kube-apiserver's checks of `dryRun` and `fieldValidation`. A non-empty result is answered with
    /// ``APIStatus/invalid(group:kind:name:errors:)`` for `CreateOptions`, `UpdateOptions` or
    /// `PatchOptions` of `meta.k8s.io` and name `""`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let invalid = Self.dryRunError(self.dryRun) { errors.append(invalid) }
        if !self.fieldValidation.isEmpty && self.validation == nil {
            errors.append(
                FieldError(
                    field: "fieldValidation",
                    message: "Unsupported value: \(GoQuote.quote(self.fieldValidation)): supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""
                )
            )
        }
        return errors
    }

    /// The `dryRun` error kube-apiserver reports for anything but `[]` or `["All"]`.
    static func dryRunError(_ values: [String]) -> FieldError? {
        guard !values.isEmpty, values != ["All"] else { return nil }
        let rendered = "[]string{" + values.map { GoQuote.quote($0) }.joined(separator: ", ") + "}"
        return FieldError(field: "dryRun", message: "Unsupported value: \(rendered): supported values: \"All\"")
    }
}
