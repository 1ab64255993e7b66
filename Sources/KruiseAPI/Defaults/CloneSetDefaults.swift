public import KubeJSON
public import KubeModel

/// The CloneSet defaulting webhook (`SetDefaultsCloneSet` and the mutating handler of
/// `pkg/webhook/cloneset/mutating`), as pure functions.
public enum CloneSetDefaults {
    /// `cloneSet` with upstream's defaults set:
    /// - `replicas` 1, `revisionHistoryLimit` 10;
    /// - with `injectTemplateDefaults`, the pod template defaults (``PodTemplateDefaults``) and
    ///   `status.phase: Pending` on each volume claim template;
    /// - `updateStrategy.type` `ReCreate` when empty, and an empty `inPlaceUpdateStrategy` for the in-place types;
    /// - `updateStrategy.partition` 0, `maxUnavailable` `"20%"`, `maxSurge` 0;
    /// - an empty `scaleStrategy` object (upstream marshals the non-pointer struct).
    public static func defaulted(_ cloneSet: CloneSet, injectTemplateDefaults: Bool) -> CloneSet {
        var result = cloneSet
        var spec = result.spec
        if spec.replicas == nil { spec.replicas = 1 }
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        if injectTemplateDefaults {
            var template = spec.template
            template.spec = PodTemplateDefaults.defaultPodSpec(template.spec)
            spec.template = template
            if !spec.volumeClaimTemplates.isEmpty {
                spec.volumeClaimTemplates = spec.volumeClaimTemplates.map(PodTemplateDefaults.defaultPersistentVolumeClaim)
            }
        }
        if spec.object["scaleStrategy"] == nil { spec.object["scaleStrategy"] = .emptyObject }
        var strategy = spec.updateStrategy
        switch strategy.typeName ?? "" {
        case "":
            strategy.type = .reCreate
        case CloneSetUpdateStrategyType.inPlaceIfPossible.rawValue, CloneSetUpdateStrategyType.inPlaceOnly.rawValue:
            if strategy.inPlaceUpdateStrategy == nil { strategy.inPlaceUpdateStrategy = InPlaceUpdateStrategy() }
        default:
            break
        }
        if strategy.partition == nil { strategy.partition = .int(0) }
        if strategy.maxUnavailable == nil { strategy.maxUnavailable = .string(KruiseKeys.defaultCloneSetMaxUnavailable) }
        if strategy.maxSurge == nil { strategy.maxSurge = .int(0) }
        spec.object["updateStrategy"] = .object(strategy.object)
        result.object["spec"] = .object(spec.object)
        return result
    }

    /// The mutating webhook's decision: template defaults are injected on create, and on update only when the
    /// template changed (upstream, with the TemplateNoDefaults gate off).
    public static func defaulted(_ cloneSet: CloneSet, oldCloneSet: CloneSet?) -> CloneSet {
        let inject = oldCloneSet.map { $0.spec.template != cloneSet.spec.template } ?? true
        return self.defaulted(cloneSet, injectTemplateDefaults: inject)
    }

    /// The JSON patch the mutating webhook answers with (empty when nothing changes).
    public static func patch(for cloneSet: CloneSet, oldCloneSet: CloneSet?) -> JSONPatch {
        let defaulted = self.defaulted(cloneSet, oldCloneSet: oldCloneSet)
        return JSONPatch(JSONDiff.operations(from: cloneSet.json, to: defaulted.json))
    }
}
