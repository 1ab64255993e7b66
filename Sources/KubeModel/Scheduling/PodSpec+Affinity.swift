public import KubeJSON

extension PodSpec {
    /// `affinity` as a typed view (``affinity`` keeps the raw JSON); empty when absent.
    public var affinityRules: Affinity {
        get {
            if case .object(let object)? = self.object["affinity"] { return Affinity(object: object) }
            return Affinity()
        }
        set { self.setView("affinity", newValue) }
    }

    /// Whether `node` satisfies `nodeSelector` and the required node affinity, as kube-scheduler's NodeAffinity
    /// filter decides.
    public func requiredNodeAffinityMatches(_ node: Node) -> Bool {
        let labels = node.metadata.labels
        for (key, value) in self.nodeSelector where labels[key] != value { return false }
        if let required = self.affinityRules.nodeAffinity.required {
            return required.matches(node: node)
        }
        return true
    }
}
