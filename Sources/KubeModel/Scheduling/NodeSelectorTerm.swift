public import KubeJSON

/// core/v1 NodeSelectorTerm: `matchExpressions` on node labels and `matchFields` on node fields, all of
/// which must hold. A term with neither matches no node; a term holding an invalid requirement matches no
/// node (as kube-scheduler's lazy-error node selector).
public struct NodeSelectorTerm: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A term with the given expressions and fields.
    public init(matchExpressions: [NodeSelectorRequirement] = [], matchFields: [NodeSelectorRequirement] = []) {
        self.object = JSONObject()
        self.matchExpressions = matchExpressions
        self.matchFields = matchFields
    }

    public var matchExpressions: [NodeSelectorRequirement] {
        get { self.views("matchExpressions") }
        set { self.setViews("matchExpressions", newValue) }
    }

    /// Requirements on node fields; only `metadata.name` is supported, with `In` or `NotIn` and one value.
    public var matchFields: [NodeSelectorRequirement] {
        get { self.views("matchFields") }
        set { self.setViews("matchFields", newValue) }
    }

    /// Whether `node` satisfies every expression and field requirement of this term.
    public func matches(node: Node) -> Bool {
        self.matches(labels: node.metadata.labels, nodeName: node.name)
    }

    /// ``matches(node:)`` for a node whose labels and name were read already (a scheduler reads them once per
    /// node, not once per pod and term).
    public func matches(labels: [String: String], nodeName: String) -> Bool {
        let expressions = self.matchExpressions
        let fields = self.matchFields
        if expressions.isEmpty && fields.isEmpty { return false }
        for requirement in expressions {
            guard requirement.evaluate(labels[requirement.key]) == true else { return false }
        }
        for requirement in fields {
            guard requirement.key == "metadata.name",
                requirement.operator == "In" || requirement.operator == "NotIn",
                requirement.values.count == 1
            else { return false }
            guard requirement.evaluate(nodeName) == true else { return false }
        }
        return true
    }
}
