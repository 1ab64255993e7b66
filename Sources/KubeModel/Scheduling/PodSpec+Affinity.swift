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
        Self.requiredNodeAffinityMatches(
            nodeSelector: self.nodeSelector, required: self.affinityRules.nodeAffinity.required,
            labels: node.metadata.labels, nodeName: node.name)
    }

    /// ``requiredNodeAffinityMatches(_:)`` for a pod's `nodeSelector` and required node affinity, and a node's
    /// labels and name, each read already (a scheduler reads the pod's once per decision and the node's once per
    /// node version).
    public static func requiredNodeAffinityMatches(
        nodeSelector: [String: String], required: NodeSelector?, labels: [String: String], nodeName: String
    ) -> Bool {
        for (key, value) in nodeSelector where labels[key] != value { return false }
        return required?.matches(labels: labels, nodeName: nodeName) ?? true
    }
}
