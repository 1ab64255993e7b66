public import KubeJSON
public import KubeModel

/// The WorkloadSpread validating webhook (`pkg/webhook/workloadspread/validating`, v1.6), as pure functions.
///
/// The caller passes what upstream reads from the cluster: the other WorkloadSpreads of the namespace (one
/// WorkloadSpread per workload), the target workload's pod template when the workload exists (subset patches are
/// checked against it; without it they are not checked, as upstream), and the custom workload kinds whitelisted in
/// `kruise-configuration`.
public enum WorkloadSpreadValidation {
    /// The group/kind pairs a `targetRef` may name without a whitelist entry.
    public static let builtInTargetGroups: [String: [String]] = [
        "CloneSet": ["apps.kruise.io"],
        "Deployment": ["apps"],
        "ReplicaSet": ["apps"],
        "Job": ["batch"],
        "StatefulSet": ["apps", "apps.kruise.io"],
    ]

    /// Validation of a WorkloadSpread being created.
    ///
    /// - Parameters:
    ///   - others: the WorkloadSpreads of the namespace (the object itself, by name, is skipped).
    ///   - workloadTemplate: the target workload's pod template, when the workload exists.
    ///   - volumeClaimNames: the workload's volume claim template names (CloneSet, StatefulSet): they count as
    ///     volumes of the template, as upstream does since v1.7.
    ///   - customWorkloads: the whitelisted custom workload kinds (`WorkloadSpread_Watch_Custom_Workload_WhiteList`).
    public static func validateCreate(
        _ workloadSpread: WorkloadSpread,
        others: [WorkloadSpread] = [],
        workloadTemplate: PodTemplateSpec? = nil,
        volumeClaimNames: [String] = [],
        customWorkloads: [GroupVersionKind] = []
    ) -> [FieldError] {
        var template = workloadTemplate
        if var withClaims = template {
            var volumes = withClaims.spec.volumes
            for name in volumeClaimNames {
                volumes.append(Volume(object: ["name": .string(name), "persistentVolumeClaim": ["claimName": .string(name)]]))
            }
            withClaims.spec.volumes = volumes
            template = withClaims
        }
        return self.validateSpec(workloadSpread, workloadTemplate: template, customWorkloads: customWorkloads)
            + self.validateConflicts(workloadSpread, others: others)
    }

    /// Validation of an update: everything ``validateCreate(_:others:workloadTemplate:volumeClaimNames:customWorkloads:)``
    /// checks, then `spec.targetRef` may not name another workload (group, kind or name).
    public static func validateUpdate(
        _ workloadSpread: WorkloadSpread,
        old: WorkloadSpread,
        others: [WorkloadSpread] = [],
        workloadTemplate: PodTemplateSpec? = nil,
        volumeClaimNames: [String] = [],
        customWorkloads: [GroupVersionKind] = []
    ) -> [FieldError] {
        var errors = self.validateCreate(
            workloadSpread, others: others, workloadTemplate: workloadTemplate, volumeClaimNames: volumeClaimNames,
            customWorkloads: customWorkloads)
        if let targetRef = workloadSpread.spec.targetRef, let oldTargetRef = old.spec.targetRef,
            !self.sameWorkload(targetRef, oldTargetRef)
        {
            errors.append(FieldErrors.invalid(
                "spec.targetRef", formattedValue: goTargetReference(targetRef),
                "change TargetReference is not permitted for WorkloadSpread"))
        }
        return errors
    }

    /// One WorkloadSpread per workload: an error when another WorkloadSpread (by name) of `others` targets the
    /// same group, kind and name.
    public static func validateConflicts(_ workloadSpread: WorkloadSpread, others: [WorkloadSpread]) -> [FieldError] {
        guard let targetRef = workloadSpread.spec.targetRef else { return [] }
        for other in others where other.name != workloadSpread.name {
            guard let otherRef = other.spec.targetRef else { continue }
            if self.sameWorkload(targetRef, otherRef) {
                return [FieldErrors.invalid(
                    "spec.targetRef", formattedValue: goTargetReference(targetRef),
                    "ws.spec.targetRef is in conflict with other WorkloadSpread \(other.name)")]
            }
        }
        return []
    }

    // MARK: - The spec

    private static func validateSpec(
        _ workloadSpread: WorkloadSpread, workloadTemplate: PodTemplateSpec?, customWorkloads: [GroupVersionKind]
    ) -> [FieldError] {
        var errors: [FieldError] = []
        let spec = workloadSpread.spec
        var template: PodTemplateSpec? = nil
        if let targetRef = spec.targetRef {
            if targetRef.apiVersion.isEmpty || targetRef.name.isEmpty || targetRef.kind.isEmpty {
                errors.append(FieldErrors.invalid(
                    "spec.targetRef", formattedValue: goTargetReference(targetRef),
                    "empty TargetReference is not valid for WorkloadSpread."))
            } else if let groups = builtInTargetGroups[targetRef.kind] {
                if let group = targetRef.group, groups.contains(group) {
                    template = workloadTemplate
                } else {
                    errors.append(FieldErrors.invalid(
                        "spec.targetRef", formattedValue: goTargetReference(targetRef),
                        "TargetReference is not valid for \(targetRef.kind)."))
                }
            } else {
                let permitted = customWorkloads.contains { $0.kind == targetRef.kind && $0.group == targetRef.group }
                if !permitted {
                    errors.append(FieldErrors.invalid(
                        "spec.targetRef", formattedValue: goTargetReference(targetRef),
                        "TargetReference's GroupKind is not permitted."))
                }
            }
        } else {
            errors.append(FieldErrors.required("spec.targetRef", "no targetRef defined in WorkloadSpread"))
        }

        errors += self.validateSubsets(spec, workloadTemplate: template)

        let strategy = spec.scheduleStrategy
        let typeName = strategy.typeName ?? ""
        if !typeName.isEmpty && WorkloadSpreadScheduleStrategyType(rawValue: typeName) == nil {
            errors.append(FieldErrors.invalid("spec.scheduleStrategy.type", typeName, "ScheduleStrategy's type is not valid"))
        }
        if let adaptive = strategy.adaptive {
            let seconds = adaptive.rescheduleCriticalSeconds
            let formatted = seconds.map { String($0) } ?? "null"
            if typeName != WorkloadSpreadScheduleStrategyType.adaptive.rawValue {
                errors.append(FieldErrors.invalid(
                    "spec.scheduleStrategy.type", formattedValue: formatted,
                    "the scheduleStrategy's type must be adaptive when using adaptive scheduleStrategy"))
            }
            let subsets = spec.subsets
            if subsets.count > 1 && subsets[subsets.count - 1].maxReplicas != nil {
                errors.append(FieldErrors.invalid(
                    "spec.scheduleStrategy.adaptive", formattedValue: formatted,
                    "the last subset must be not specified when using adaptive scheduleStrategy"))
            }
            var allowedMaxSeconds = Int32.max
            if subsets.count > 1 {
                // A pod must not bounce between unschedulable subsets for longer than a subset stays unschedulable
                // (300 s), minus 5 s for reconcile latency.
                allowedMaxSeconds = Int32(300 - 5) / Int32(subsets.count - 1)
            }
            if let seconds, seconds < 0 || seconds > allowedMaxSeconds {
                errors.append(FieldErrors.invalid(
                    "spec.scheduleStrategy.adaptive.rescheduleCriticalSeconds", Int(seconds),
                    "rescheduleCriticalSeconds < 0 or rescheduleCriticalSeconds > \(allowedMaxSeconds) is not permitted"))
            }
        }
        return errors
    }

    private static func validateSubsets(_ spec: WorkloadSpreadSpec, workloadTemplate: PodTemplateSpec?) -> [FieldError] {
        let subsets = spec.subsets
        if subsets.isEmpty {
            return [FieldErrors.required("spec.subsets", "subsets number must >= 1 in WorkloadSpread")]
        }
        var errors: [FieldError] = []
        var names: Set<String> = []
        var percentSum = 0
        var firstIsPercent: Bool? = nil
        let isStatefulSet = spec.targetRef?.kind == "StatefulSet"
        for (index, subset) in subsets.enumerated() {
            let base = "spec.subsets[\(index)]"
            let name = subset.name
            if name.isEmpty {
                errors.append(FieldErrors.invalid(base + ".name", name, ""))
            } else {
                if names.contains(name) {
                    errors.append(FieldErrors.invalid(base + ".name", name, "duplicated subset name \(name)"))
                }
                names.insert(name)
            }
            if let term = subset.requiredNodeSelectorTerm {
                errors += SchedulingValidation.validate(term, at: base + ".requiredNodeSelectorTerm")
            }
            // Upstream names this path `preferredSchedulingTerms` although the field is `preferredNodeSelectorTerms`.
            errors += SchedulingValidation.validate(subset.preferredNodeSelectorTerms, at: base + ".preferredSchedulingTerms")
            errors += SchedulingValidation.validate(subset.tolerations, at: base + ".tolerations")
            if let patch = subset.patch, let workloadTemplate {
                errors += self.validatePatch(patch, on: workloadTemplate, at: base + ".patch")
            }

            guard let maxReplicas = subset.maxReplicas else { continue }
            let formatted = FieldErrors.goIntOrString(maxReplicas)
            if let firstIsPercent {
                if firstIsPercent != Self.isStringValue(maxReplicas) {
                    errors.append(FieldErrors.invalid(
                        base + ".maxReplicas", formattedValue: formatted, "the maxReplicas type of all subsets must be the same"))
                    return errors
                }
            } else {
                firstIsPercent = Self.isStringValue(maxReplicas)
            }
            if isStatefulSet && Self.isStringValue(maxReplicas) {
                errors.append(FieldErrors.invalid(
                    base + ".maxReplicas", formattedValue: formatted, "the maxReplicas type must be Int for StatefulSet"))
                return errors
            }
            guard case .success(let value) = CloneSetValidation.kubeScaledValue(maxReplicas, total: 100), value >= 0 else {
                errors.append(FieldErrors.invalid(
                    base + ".maxReplicas", formattedValue: formatted, "maxReplicas is not valid for subset"))
                return errors
            }
            if Self.isStringValue(maxReplicas) {
                percentSum += value
                if percentSum > 100 {
                    errors.append(FieldErrors.invalid(
                        base + ".maxReplicas", formattedValue: formatted,
                        "the sum of all subset's maxReplicas exceeds 100% is no permitted"))
                    return errors
                }
            }
        }
        if firstIsPercent == true && percentSum < 100 && subsets[subsets.count - 1].maxReplicas != nil {
            errors.append(FieldErrors.invalid(
                "spec.subsets[0].maxReplicas", formattedValue: FieldErrors.goIntOrString(subsets[0].maxReplicas),
                "maxReplicas sum of all subsets must equal 100% when type is specified as percent"))
        }
        return errors
    }

    /// The subset patch applied to the workload's pod template must give a valid pod spec.
    private static func validatePatch(_ patch: JSONValue, on template: PodTemplateSpec, at path: String) -> [FieldError] {
        let schema = StrategicMergeSchema.builtIn(apiVersion: "v1", kind: "Pod") ?? .unspecified
        let patched: JSONValue
        do {
            patched = try StrategicMergePatch.apply(patch: patch, to: template.json, schema: schema)
        } catch {
            return [FieldErrors.invalid(path, patch.serializedString(), "failed to merge patch: \(error)")]
        }
        guard case .object(let object) = patched else { return [] }
        return self.validatePodSpec(Pod(object: object).spec, at: path)
    }

    /// The parts of `ValidatePodSpec` a subset patch can break: containers present with unique RFC 1123 names and
    /// an image, unique volume names, volume mounts naming a volume, valid tolerations and a known restart policy.
    private static func validatePodSpec(_ spec: PodSpec, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let volumeNames = PodSpecValidation.validateVolumeNames(spec.volumes.map(\.name), at: path, into: &errors)
        errors += PodSpecValidation.validateContainers(of: spec, volumeNames: volumeNames, at: path)
        if let restartPolicy = spec.restartPolicy, !["Always", "OnFailure", "Never"].contains(restartPolicy) {
            errors.append(FieldErrors.notSupported(
                path + ".restartPolicy", restartPolicy, supported: ["Always", "OnFailure", "Never"]))
        }
        errors += SchedulingValidation.validate(spec.tolerations, at: path + ".tolerations")
        return errors
    }

    // MARK: - Helpers

    private static func isStringValue(_ value: IntOrString) -> Bool {
        if case .string = value { return true }
        return false
    }

    private static func sameWorkload(_ lhs: WorkloadSpreadTargetReference, _ rhs: WorkloadSpreadTargetReference) -> Bool {
        (lhs.group ?? "") == (rhs.group ?? "") && lhs.kind == rhs.kind && lhs.name == rhs.name
    }

    /// Go's `%#v` of a `v1alpha1.TargetReference` (what `field.Invalid` prints for a `*TargetReference`).
    static func goTargetReference(_ reference: WorkloadSpreadTargetReference) -> String {
        "v1alpha1.TargetReference{APIVersion:\(FieldErrors.quote(reference.apiVersion)), "
            + "Kind:\(FieldErrors.quote(reference.kind)), Name:\(FieldErrors.quote(reference.name))}"
    }
}
