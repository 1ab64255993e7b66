public import KubeJSON

/// apiextensions.k8s.io/v1 CustomResourceDefinitionStatus; its fields are read through
/// ``CustomResourceDefinition`` (`conditions`, `acceptedNames`, `storedVersions`).
public struct CustomResourceDefinitionStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }
}
