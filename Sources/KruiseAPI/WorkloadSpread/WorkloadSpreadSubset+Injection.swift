public import KubeJSON
public import KubeModel

extension WorkloadSpreadSubset {
    /// `pod` placed in this subset (upstream `injectWorkloadSpreadIntoPod`):
    ///
    /// 1. the subset's tolerations appended to the pod's;
    /// 2. its preferred node selector terms appended to the preferred node affinity;
    /// 3. its required term ANDed into every required node selector term of the pod (its expressions and fields
    ///    appended to each), or made the only term when the pod has none;
    /// 4. its `patch` applied as a strategic merge patch on the Pod;
    /// 5. the `apps.kruise.io/matched-workloadspread` annotation set to ``MatchedWorkloadSpread``.
    ///
    /// - Throws: ``StrategicMergePatchError`` when the patch cannot be applied (the webhook then denies the pod).
    public func inject(
        into pod: Pod, workloadSpreadName: String, generatedUID: String = ""
    ) throws(StrategicMergePatchError) -> Pod {
        var result = pod
        let tolerations = self.tolerations
        if !tolerations.isEmpty { result.spec.tolerations += tolerations }

        var affinity = result.spec.affinityRules
        var nodeAffinity = affinity.nodeAffinity
        let preferred = self.preferredNodeSelectorTerms
        if !preferred.isEmpty { nodeAffinity.preferred += preferred }
        if let term = self.requiredNodeSelectorTerm {
            var required = nodeAffinity.required ?? NodeSelector()
            var terms = required.nodeSelectorTerms
            if terms.isEmpty {
                terms = [term]
            } else {
                for index in terms.indices {
                    terms[index].matchExpressions += term.matchExpressions
                    terms[index].matchFields += term.matchFields
                }
            }
            required.nodeSelectorTerms = terms
            nodeAffinity.required = required
        }
        affinity.nodeAffinity = nodeAffinity
        result.spec.affinityRules = affinity

        if let patch = self.patch {
            let schema = StrategicMergeSchema.builtIn(apiVersion: "v1", kind: "Pod") ?? .unspecified
            let patched = try StrategicMergePatch.apply(patch: patch, to: result.json, schema: schema)
            if case .object(let object) = patched { result = Pod(object: object) }
        }

        let match = MatchedWorkloadSpread(name: workloadSpreadName, subset: self.name, uid: generatedUID)
        result.metadata.annotations[KruiseKeys.matchedWorkloadSpread] = match.annotationValue
        return result
    }
}
