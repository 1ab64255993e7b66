public import KubeJSON

/// apiextensions.k8s.io/v1 CustomResourceDefinitionSpec.
public struct CustomResourceDefinitionSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var group: String {
        get { self.value("group") ?? "" }
        set { self.setValue("group", newValue) }
    }

    public var names: CustomResourceDefinitionNames {
        get { self.view("names") }
        set { self.setView("names", newValue) }
    }

    /// `Namespaced` or `Cluster`.
    public var scope: String {
        get { self.value("scope") ?? "" }
        set { self.setValue("scope", newValue) }
    }

    public var versions: [CustomResourceDefinitionVersion] {
        get { self.views("versions") }
        set { self.setViews("versions", newValue) }
    }
}
