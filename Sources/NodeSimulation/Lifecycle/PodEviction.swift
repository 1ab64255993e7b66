public import KubeModel

/// A pod the taint manager deletes: set the `DisruptionTarget` condition, then delete it (default grace).
public struct PodEviction: Sendable, Hashable {
    public var namespace: String
    public var name: String
    public var uid: String?
    /// `DisruptionTarget=True`, reason `DeletionByTaintManager`, to add to the pod's status first.
    public var disruptionCondition: Condition

    public init(namespace: String, name: String, uid: String?, disruptionCondition: Condition) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.disruptionCondition = disruptionCondition
    }
}
