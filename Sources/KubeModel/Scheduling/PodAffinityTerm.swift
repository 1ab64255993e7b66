public import KubeJSON

/// core/v1 PodAffinityTerm: the pods matching `labelSelector` in `namespaces` (or namespaces selected by
/// `namespaceSelector`), grouped by the node label `topologyKey`.
public struct PodAffinityTerm: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// A term selecting pods by `labelSelector` within the domain named by `topologyKey`.
    public init(labelSelector: LabelSelector?, topologyKey: String, namespaces: [String] = []) {
        self.object = JSONObject()
        self.labelSelector = labelSelector
        self.topologyKey = topologyKey
        self.namespaces = namespaces
    }

    /// The selector; `nil` (absent) selects no pods.
    public var labelSelector: LabelSelector? {
        get { self.value("labelSelector") }
        set { self.setValue("labelSelector", newValue) }
    }

    public var namespaces: [String] {
        get { self.value("namespaces") ?? [] }
        set { self.setValue("namespaces", newValue.isEmpty ? nil : newValue) }
    }

    /// `namespaceSelector`; `nil` when absent. An empty selector (`{}`) selects every namespace.
    public var namespaceSelector: LabelSelector? {
        get { self.value("namespaceSelector") }
        set { self.setValue("namespaceSelector", newValue) }
    }

    public var topologyKey: String {
        get { self.value("topologyKey") ?? "" }
        set { self.setValue("topologyKey", newValue) }
    }

    /// Whether `pod` is selected by this term, for a term written in a pod of namespace `ownNamespace`.
    ///
    /// With neither `namespaces` nor `namespaceSelector`, the term applies to `ownNamespace`. A
    /// `namespaceSelector` is evaluated against `namespaceLabels` (labels of the pod's namespace); an empty one
    /// selects all namespaces.
    public func selects(_ pod: Pod, ownNamespace: String, namespaceLabels: [String: String] = [:]) -> Bool {
        let namespaces = self.namespaces
        let namespaceSelector = self.namespaceSelector
        var namespaceMatches = false
        if namespaces.isEmpty && namespaceSelector == nil {
            namespaceMatches = pod.namespace == ownNamespace
        } else {
            if namespaces.contains(pod.namespace) { namespaceMatches = true }
            if let namespaceSelector, namespaceSelector.isEmpty || namespaceSelector.matches(namespaceLabels) {
                namespaceMatches = true
            }
        }
        guard namespaceMatches, let selector = self.labelSelector else { return false }
        return selector.matches(pod.metadata.labels)
    }
}
