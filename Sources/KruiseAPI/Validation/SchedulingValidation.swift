public import KubeModel

/// Kubernetes' core validation of the scheduling fields WorkloadSpread subsets carry (`ValidateNodeSelectorTerm`,
/// `ValidatePreferredSchedulingTerms`, `ValidateTolerations`), with apimachinery's messages. `path` is the field
/// the value sits at, e.g. `spec.subsets[0].requiredNodeSelectorTerm`.
public enum SchedulingValidation {
    /// `ValidateNodeSelectorTerm`: label requirements in `matchExpressions`, node field requirements in
    /// `matchFields` (only `metadata.name`, with `In`/`NotIn` and one value).
    public static func validate(_ term: NodeSelectorTerm, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, requirement) in term.matchExpressions.enumerated() {
            errors += self.validateLabelRequirement(requirement, at: "\(path).matchExpressions[\(index)]")
        }
        for (index, requirement) in term.matchFields.enumerated() {
            errors += self.validateFieldRequirement(requirement, at: "\(path).matchFields[\(index)]")
        }
        return errors
    }

    /// `ValidatePreferredSchedulingTerms`: weights in 1...100 and valid preferences.
    public static func validate(_ terms: [PreferredSchedulingTerm], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, term) in terms.enumerated() {
            if term.weight <= 0 || term.weight > 100 {
                errors.append(FieldErrors.invalid("\(path)[\(index)].weight", Int(term.weight), "must be in the range 1-100"))
            }
            errors += self.validate(term.preference, at: "\(path)[\(index)].preference")
        }
        return errors
    }

    /// `ValidateTolerations`.
    public static func validate(_ tolerations: [Toleration], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, toleration) in tolerations.enumerated() {
            let base = "\(path)[\(index)]"
            let key = toleration.key ?? "", operatorName = toleration.operator ?? ""
            let value = toleration.value ?? "", effect = toleration.effect ?? ""
            if !key.isEmpty {
                errors += Selector.validateLabelKey(key).map { FieldErrors.invalid(base + ".key", key, $0) }
            }
            if key.isEmpty && operatorName != "Exists" {
                errors.append(FieldErrors.invalid(
                    base + ".operator", operatorName,
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
            }
            if toleration.tolerationSeconds != nil && effect != "NoExecute" {
                errors.append(FieldErrors.invalid(
                    base + ".effect", effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
            }
            switch operatorName {
            case "Equal", "":
                let problems = Selector.validateLabelValue(value)
                if !problems.isEmpty {
                    errors.append(FieldErrors.invalid(base + ".operator", value, problems.joined(separator: ";")))
                }
            case "Exists":
                if !value.isEmpty {
                    errors.append(FieldErrors.invalid(
                        base + ".operator", formattedValue: goToleration(toleration),
                        "value must be empty when `operator` is 'Exists'"))
                }
            default:
                errors.append(FieldErrors.notSupported(base + ".operator", operatorName, supported: ["Equal", "Exists"]))
            }
            if !effect.isEmpty && !["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect) {
                errors.append(FieldErrors.notSupported(
                    base + ".effect", effect, supported: ["NoSchedule", "PreferNoSchedule", "NoExecute"]))
            }
        }
        return errors
    }

    /// `ValidateNodeSelectorRequirement`.
    static func validateLabelRequirement(_ requirement: NodeSelectorRequirement, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let values = requirement.values
        switch requirement.operator {
        case "In", "NotIn":
            if values.isEmpty {
                errors.append(FieldErrors.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        case "Exists", "DoesNotExist":
            if !values.isEmpty {
                errors.append(FieldErrors.forbidden(
                    path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
        case "Gt", "Lt":
            if values.count != 1 {
                errors.append(FieldErrors.required(
                    path + ".values", "must be specified single value when `operator` is 'Lt' or 'Gt'"))
            }
        default:
            errors.append(FieldErrors.invalid(path + ".operator", requirement.operator, "not a valid selector operator"))
        }
        errors += Selector.validateLabelKey(requirement.key).map { FieldErrors.invalid(path + ".key", requirement.key, $0) }
        return errors
    }

    /// `ValidateNodeFieldSelectorRequirement`.
    static func validateFieldRequirement(_ requirement: NodeSelectorRequirement, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let values = requirement.values
        switch requirement.operator {
        case "In", "NotIn":
            if values.count != 1 {
                errors.append(FieldErrors.required(
                    path + ".values", "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
            }
        default:
            errors.append(FieldErrors.invalid(path + ".operator", requirement.operator, "not a valid selector operator"))
        }
        if requirement.key != "metadata.name" {
            errors.append(FieldErrors.invalid(path + ".key", requirement.key, "not a valid field selector key"))
        } else {
            for (index, value) in values.enumerated() {
                errors += DNSNames.subdomainErrors(value).map { FieldErrors.invalid("\(path).values[\(index)]", value, $0) }
            }
        }
        return errors
    }

    /// Go's `%#v` of a `core.Toleration`.
    static func goToleration(_ toleration: Toleration) -> String {
        let seconds = toleration.tolerationSeconds.map { "&\($0)" } ?? "(*int64)(nil)"
        return "core.Toleration{Key:\(FieldErrors.quote(toleration.key ?? "")), "
            + "Operator:\(FieldErrors.quote(toleration.operator ?? "")), Value:\(FieldErrors.quote(toleration.value ?? "")), "
            + "Effect:\(FieldErrors.quote(toleration.effect ?? "")), TolerationSeconds:\(seconds)}"
    }
}
