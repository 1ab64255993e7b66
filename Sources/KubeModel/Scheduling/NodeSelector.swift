public import KubeJSON

/// core/v1 NodeSelector: a list of terms, ORed. An empty list matches no node.
public struct NodeSelector: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A selector with the given terms.
    public init(terms: [NodeSelectorTerm]) {
        self.object = JSONObject()
        self.nodeSelectorTerms = terms
    }

    public var nodeSelectorTerms: [NodeSelectorTerm] {
        get { self.views("nodeSelectorTerms") }
        set { self.setViews("nodeSelectorTerms", newValue) }
    }

    /// Whether `node` satisfies at least one term.
    public func matches(node: Node) -> Bool {
        self.matches(labels: node.metadata.labels, nodeName: node.name)
    }

    /// ``matches(node:)`` for a node whose labels and name were read already.
    public func matches(labels: [String: String], nodeName: String) -> Bool {
        self.nodeSelectorTerms.contains { $0.matches(labels: labels, nodeName: nodeName) }
    }
}
