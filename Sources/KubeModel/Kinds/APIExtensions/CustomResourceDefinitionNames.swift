public import KubeJSON

/// apiextensions.k8s.io/v1 CustomResourceDefinitionNames.
public struct CustomResourceDefinitionNames: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var plural: String {
        get { self.value("plural") ?? "" }
        set { self.setValue("plural", newValue) }
    }

    public var singular: String? {
        get { self.value("singular") }
        set { self.setValue("singular", newValue) }
    }

    public var kind: String {
        get { self.value("kind") ?? "" }
        set { self.setValue("kind", newValue) }
    }

    public var listKind: String? {
        get { self.value("listKind") }
        set { self.setValue("listKind", newValue) }
    }

    public var shortNames: [String] {
        get { self.value("shortNames") ?? [] }
        set { self.setValue("shortNames", newValue.isEmpty ? nil : newValue) }
    }

    public var categories: [String] {
        get { self.value("categories") ?? [] }
        set { self.setValue("categories", newValue.isEmpty ? nil : newValue) }
    }
}
