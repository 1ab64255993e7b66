import KruiseAPI
import KubeJSON
import KubeModel

extension WorkloadSpreadPlanner {
    /// A pod created before the WorkloadSpread (no match annotation), placed by the node it runs on (upstream
    /// `getAndUpdateSuitableSubsetName`): among the subsets whose required term and tolerations admit the node, the
    /// one with the highest score — preferred-term weights × 100, + 10 when the subset's patch would not change the
    /// pod, + 1 when the subset still has room (first wins on ties). The patch adds the match annotation and, unless
    /// the WorkloadSpread is annotated `workloadspread.kruise.io/ignore-patch-existing-pods-metadata: "true"`, the
    /// `metadata` of the subset's patch.
    static func adopt(
        _ pod: Pod, _ workloadSpread: WorkloadSpread, nodes: [String: Node], missing: [String: Int]
    ) -> (subset: String, patch: JSONValue)? {
        guard let nodeName = pod.spec.nodeName, !nodeName.isEmpty, let node = nodes[nodeName] else { return nil }
        var best: (subset: WorkloadSpreadSubset, score: Int64)? = nil
        for subset in workloadSpread.spec.subsets {
            guard let score = self.score(pod, on: node, for: subset, missing: missing[subset.name] ?? 0) else { continue }
            if score > (best?.score ?? -1) { best = (subset, score) }
        }
        guard let subset = best?.subset else { return nil }

        var metadata = JSONObject()
        let ignorePatch = workloadSpread.metadata.annotations[KruiseKeys.ignorePatchExistingPodsMetadata]?.lowercased() == "true"
        if !ignorePatch, case .object(let patchMetadata)? = subset.patch?["metadata"] {
            metadata = patchMetadata
        }
        let match = MatchedWorkloadSpread(name: workloadSpread.name, subset: subset.name).annotationValue
        if case .object(var annotations)? = metadata["annotations"] {
            annotations[KruiseKeys.matchedWorkloadSpread] = .string(match)
            metadata["annotations"] = .object(annotations)
        } else {
            metadata["annotations"] = .object([KruiseKeys.matchedWorkloadSpread: .string(match)])
        }
        return (subset.name, .object(["metadata": .object(metadata)]))
    }

    /// Upstream `matchesSubset`: `nil` when the node does not satisfy the subset, else the preference score.
    static func score(_ pod: Pod, on node: Node, for subset: WorkloadSpreadSubset, missing: Int) -> Int64? {
        let tolerations = pod.spec.tolerations + subset.tolerations
        if tolerations.firstUntolerated(of: node.spec.taints) != nil { return nil }
        if let term = subset.requiredNodeSelectorTerm {
            var terms = pod.spec.affinityRules.nodeAffinity.required?.nodeSelectorTerms ?? []
            if terms.isEmpty {
                terms = [term]
            } else {
                for index in terms.indices {
                    terms[index].matchExpressions += term.matchExpressions
                    terms[index].matchFields += term.matchFields
                }
            }
            guard NodeSelector(terms: terms).matches(node: node) else { return nil }
        }
        var nodeScore: Int64 = 0
        for preferred in subset.preferredNodeSelectorTerms where preferred.weight != 0 {
            if preferred.preference.matches(node: node) { nodeScore += Int64(preferred.weight) }
        }
        var podScore: Int64 = 0
        if let patch = subset.patch {
            let schema = StrategicMergeSchema.builtIn(apiVersion: "v1", kind: "Pod") ?? .unspecified
            if case .object(let object)? = try? StrategicMergePatch.apply(patch: patch, to: pod.json, schema: schema) {
                var patched = Pod(object: object)
                patched.metadata.object["annotations"] = pod.metadata.object["annotations"]
                if self.semanticallyEqual(patched.json, pod.json) { podScore = 1 }
            }
        }
        let quotaScore: Int64 = missing > 0 ? 1 : 0
        return nodeScore * 100 + podScore * 10 + quotaScore
    }
}
