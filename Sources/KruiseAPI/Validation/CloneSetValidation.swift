public import KubeJSON
public import KubeModel

/// The CloneSet validating webhook (`pkg/webhook/cloneset/validating/validation.go`), as pure functions.
///
/// The pods named by `scaleStrategy.podsToDelete` are looked up by the caller (the webhook server) and passed
/// in `pods`, keyed by name; a name missing from it is reported as not found.
///
/// Pod template validation covers the rules a CloneSet template commonly breaks (containers present, names
/// unique RFC 1123 labels, images set, volume names unique and every volume mount naming a volume, volume claim
/// templates counting as volumes, template labels valid), not the whole of Kubernetes' `ValidatePodTemplateSpec`.
public enum CloneSetValidation {
    /// The message forbidding changes to immutable spec fields.
    public static let immutableFieldsMessage =
        "updates to cloneset spec for fields other than 'replicas', 'template', 'lifecycle', 'scaleStrategy', 'updateStrategy', 'minReadySeconds', 'volumeClaimTemplates' and 'revisionHistoryLimit' are forbidden"

    /// The spec members an update may change.
    public static let mutableSpecFields: Set<String> = [
        "replicas", "template", "scaleStrategy", "updateStrategy", "minReadySeconds", "lifecycle",
        "revisionHistoryLimit", "volumeClaimTemplates",
    ]

    /// `validateCloneSet` for a create (call it on the defaulted object, as the API server does).
    public static func validateCreate(_ cloneSet: CloneSet, pods: [String: Pod] = [:]) -> [FieldError] {
        self.validate(cloneSet, old: nil, pods: pods)
    }

    /// `validateCloneSetUpdate`: immutable fields, the InPlaceOnly template rule, then the object itself.
    public static func validateUpdate(_ cloneSet: CloneSet, old: CloneSet, pods: [String: Pod] = [:]) -> [FieldError] {
        var errors: [FieldError] = []
        var newRest = cloneSet.spec.object, oldRest = old.spec.object
        for key in mutableSpecFields {
            _ = newRest.removeValue(forKey: key)
            _ = oldRest.removeValue(forKey: key)
        }
        if !semanticallyEqual(.object(newRest), .object(oldRest)) {
            errors.append(FieldErrors.forbidden("spec", immutableFieldsMessage))
        }
        if let message = inPlaceOnlyViolation(old: old, new: cloneSet) {
            errors.append(FieldErrors.forbidden("spec", message))
        }
        errors += self.validate(cloneSet, old: old, pods: pods)
        return errors
    }

    /// Upstream `ValidateCloneSetUpdate` of the core control: with `InPlaceOnly`, the JSON patch between the old
    /// and new `template.spec` may only replace `/containers/<i>/image`. Returns upstream's message, or `nil`.
    public static func inPlaceOnlyViolation(old: CloneSet, new: CloneSet) -> String? {
        guard new.spec.updateStrategy.type == .inPlaceOnly,
            new.spec.updateStrategy.typeName == CloneSetUpdateStrategyType.inPlaceOnly.rawValue
        else { return nil }
        let operations = JSONDiff.operations(
            from: old.spec.template.spec.json, to: new.spec.template.spec.json)
        for operation in operations {
            let (name, path) = describe(operation)
            if name != "replace" || !isContainerImagePath(path) {
                return "only allowed to update images in spec for InPlaceOnly, but found \(name) \(path)"
            }
        }
        return nil
    }

    // MARK: - The object

    private static func validate(_ cloneSet: CloneSet, old: CloneSet?, pods: [String: Pod]) -> [FieldError] {
        var errors: [FieldError] = []
        let name = cloneSet.metadata.name ?? ""
        if name.isEmpty {
            if (cloneSet.metadata.generateName ?? "").isEmpty {
                errors.append(FieldErrors.required("metadata.name", "name or generateName is required"))
            }
        } else {
            for message in DNSNames.subdomainErrors(name) {
                errors.append(FieldErrors.invalid("metadata.name", name, message))
            }
        }
        errors += validateSpec(cloneSet.spec, oldSpec: old?.spec, metadata: cloneSet.metadata, pods: pods)
        return errors
    }

    private static func validateSpec(
        _ spec: CloneSetSpec, oldSpec: CloneSetSpec?, metadata: ObjectMeta, pods: [String: Pod]
    ) -> [FieldError] {
        var errors: [FieldError] = []
        let replicas = spec.effectiveReplicas
        if replicas < 0 {
            errors.append(FieldErrors.invalid("spec.replicas", replicas, "must be greater than or equal to 0"))
        }
        let selector = spec.selector
        if let selector {
            errors += selector.validate().map { $0.under("spec.selector") }
            if selector.isEmpty {
                errors.append(FieldErrors.invalid(
                    "spec.selector",
                    formattedValue: "&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}",
                    "empty selector is invalid for cloneset"))
            }
        } else {
            errors.append(FieldErrors.required("spec.selector"))
        }
        if let selector {
            do {
                let parsed = try selector.asSelector()
                let labels = spec.template.metadata.labels
                if !selector.isEmpty && !parsed.matches(labels) {
                    errors.append(FieldErrors.invalid(
                        "spec.template.metadata.labels", formattedValue: FieldErrors.goMap(labels),
                        "`selector` does not match template `labels`"))
                }
                errors += validateTemplate(spec)
            } catch {
                errors.append(FieldErrors.invalid("spec.selector", formattedValue: "null", ""))
            }
        }
        let restartPolicy = spec.template.spec.restartPolicy ?? ""
        if !restartPolicy.isEmpty && restartPolicy != "Always" {
            errors.append(FieldErrors.notSupported(
                "spec.template.spec.restartPolicy", restartPolicy, supported: ["Always"]))
        }
        if spec.template.spec.object["activeDeadlineSeconds"].map({ !$0.isNull }) ?? false {
            errors.append(FieldErrors.forbidden(
                "spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in cloneset is not Supported"))
        }
        errors += validateScaleStrategy(spec.scaleStrategy, old: oldSpec?.scaleStrategy, metadata: metadata, pods: pods)
        errors += validateUpdateStrategy(spec.updateStrategy, replicas: replicas)
        return errors
    }

    private static func validateTemplate(_ spec: CloneSetSpec) -> [FieldError] {
        var errors: [FieldError] = []
        let template = spec.template
        for key in template.metadata.labels.keys.sorted() {
            for message in Selector.validateLabelKey(key) {
                errors.append(FieldErrors.invalid("spec.template.metadata.labels", key, message))
            }
            for message in Selector.validateLabelValue(template.metadata.labels[key] ?? "") {
                errors.append(FieldErrors.invalid("spec.template.metadata.labels", template.metadata.labels[key] ?? "", message))
            }
        }
        let podSpec = template.spec
        let volumes = podSpec.volumes.map(\.name) + spec.volumeClaimTemplates.map { $0.metadata.name ?? "" }
        let volumeNames = PodSpecValidation.validateVolumeNames(volumes, at: "spec.template.spec", into: &errors)
        errors += PodSpecValidation.validateContainers(of: podSpec, volumeNames: volumeNames, at: "spec.template.spec")
        return errors
    }

    private static func validateScaleStrategy(
        _ strategy: CloneSetScaleStrategy, old: CloneSetScaleStrategy?, metadata: ObjectMeta, pods: [String: Pod]
    ) -> [FieldError] {
        let field = "spec.scaleStrategy.podsToDelete"
        let names = strategy.podsToDelete
        var seen: Set<String> = [], duplicated: [String] = []
        for name in names where !seen.insert(name).inserted && !duplicated.contains(name) { duplicated.append(name) }
        if !duplicated.isEmpty {
            return [FieldErrors.invalid(
                field, formattedValue: FieldErrors.goStrings(names), "duplicated items [\(duplicated.joined(separator: " "))]")]
        }
        var errors: [FieldError] = []
        let previous = Set(old?.podsToDelete ?? [])
        for name in seen.subtracting(previous).sorted() {
            guard let pod = pods[name] else {
                errors.append(FieldErrors.invalid(field, name, "find pod \(name) failed: pods \"\(name)\" not found"))
                continue
            }
            if pod.metadata.isBeingDeleted {
                errors.append(FieldErrors.invalid(field, name, "find pod \(name) already terminating"))
            } else if pod.metadata.controllerReference?.uid != metadata.uid || metadata.uid == nil {
                errors.append(FieldErrors.invalid(field, name, "find pod \(name) owner is not this CloneSet"))
            }
        }
        return errors
    }

    private static func validateUpdateStrategy(_ strategy: CloneSetUpdateStrategy, replicas: Int) -> [FieldError] {
        let base = "spec.updateStrategy"
        var errors: [FieldError] = []
        let typeName = strategy.typeName ?? ""
        if CloneSetUpdateStrategyType(rawValue: typeName) == nil {
            errors.append(FieldErrors.invalid(
                base + ".type", typeName, "must be 'ReCreate', InPlaceIfPossible or 'InPlaceOnly'"))
        }
        var partition = 0
        switch kruiseScaledValue(strategy.partition, total: replicas) {
        case .success(let value): partition = value
        case .failure(let message):
            errors.append(FieldErrors.invalid(
                base + ".partition", strategy.partition?.description ?? "",
                "failed getValueFromIntOrPercent for partition: \(message)"))
        }
        if partition < 0 {
            errors.append(FieldErrors.invalid(base + ".partition", partition, "must be greater than or equal to 0"))
        }
        if let message = strategy.priorityStrategy?.fieldsValidationError() {
            errors.append(FieldErrors.required(base + ".priorityStrategy", message))
        }
        if let message = UpdateScatterTerm.fieldsValidationError(strategy.scatterStrategy) {
            errors.append(FieldErrors.required(base + ".scatterStrategy", message))
        }
        var maxUnavailable = 0
        if let value = strategy.maxUnavailable {
            switch kubeScaledValue(value, total: replicas) {
            case .success(let scaled): maxUnavailable = scaled
            case .failure(let message):
                errors.append(FieldErrors.invalid(
                    base + ".maxUnavailable", value.description,
                    "failed getValueFromIntOrPercent for maxUnavailable: \(message)"))
            }
        }
        var maxSurge = 0
        if let value = strategy.maxSurge {
            switch kubeScaledValue(value, total: replicas) {
            case .success(let scaled): maxSurge = scaled
            case .failure(let message):
                errors.append(FieldErrors.invalid(
                    base + ".maxSurge", value.description, "failed getValueFromIntOrPercent for maxSurge: \(message)"))
            }
            if strategy.typeName == CloneSetUpdateStrategyType.inPlaceOnly.rawValue && maxSurge > 0 {
                errors.append(FieldErrors.invalid(
                    base + ".maxSurge", value.description, "can not use maxSurge with strategy type InPlaceOnly"))
            }
        }
        if replicas > 0 && maxUnavailable < 1 && maxSurge < 1 {
            errors.append(FieldErrors.invalid(
                base + ".maxUnavailable", formattedValue: FieldErrors.goIntOrString(strategy.maxUnavailable),
                "maxUnavailable and maxSurge should not both be less than 1"))
        }
        return errors
    }

    // MARK: - Helpers

    /// A scaled value or upstream's error text.
    enum Scaled { case success(Int), failure(String) }

    /// Kruise's `util.GetScaledValueFromIntOrPercent` (float percents, rounding up).
    static func kruiseScaledValue(_ value: IntOrString?, total: Int) -> Scaled {
        guard let value else { return .failure("nil value for IntOrString") }
        switch value {
        case .int(let number): return .success(number)
        case .string(let text):
            guard text.hasSuffix("%") else { return .failure("invalid type: string is not a percentage") }
            let number = String(text.dropLast())
            do {
                return .success(try value.scaledValue(total: total, roundUp: true))
            } catch {
                return .failure("strconv.ParseFloat: parsing \(FieldErrors.quote(number)): invalid syntax")
            }
        }
    }

    /// apimachinery's `GetScaledValueFromIntOrPercent` (integer percents only, rounding up).
    static func kubeScaledValue(_ value: IntOrString, total: Int) -> Scaled {
        switch value {
        case .int(let number): return .success(number)
        case .string(let text):
            guard text.hasSuffix("%") else {
                return .failure("invalid value for IntOrString: invalid type: string is not a percentage")
            }
            let number = String(text.dropLast())
            guard let percent = Int(number) else {
                return .failure(
                    "invalid value for IntOrString: invalid value \(FieldErrors.quote(text)): strconv.Atoi: parsing \(FieldErrors.quote(number)): invalid syntax")
            }
            let product = percent * total
            return .success(product >= 0 ? (product + 99) / 100 : -((-product) / 100))
        }
    }

    static func describe(_ operation: JSONPatch.Operation) -> (String, String) {
        switch operation {
        case .add(let path, _), .replace(let path, _), .test(let path, _): (operation.name, path.description)
        case .remove(let path), .move(_, let path), .copy(_, let path): (operation.name, path.description)
        }
    }

    /// `^/containers/([0-9]+)/image$`.
    static func isContainerImagePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0].isEmpty && parts[1] == "containers" && parts[3] == "image"
            && !parts[2].isEmpty && parts[2].allSatisfy(\.isNumber)
    }

    /// `apiequality.Semantic.DeepEqual` on JSON: an empty object, array or string equals an absent member.
    static func semanticallyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    private static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                let child = normalized(member.value)
                if child.isEmptyish { continue }
                result.appendUnchecked(key: member.key, value: child)
            }
            result.sortKeys()
            return .object(result)
        case .array(let elements):
            return .array(elements.map(normalized))
        default:
            return value
        }
    }
}

extension JSONValue {
    fileprivate var isEmptyish: Bool {
        switch self {
        case .null: true
        case .object(let object): object.isEmpty
        case .array(let array): array.isEmpty
        default: false
        }
    }
}
