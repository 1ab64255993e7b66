public import KubeJSON

/// apiextensions.k8s.io/v1 CustomResourceDefinition (cluster-scoped).
public struct CustomResourceDefinition: KubeObject {
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition")
    }

    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var spec: CustomResourceDefinitionSpec {
        get { self.view("spec") }
        set { self.setView("spec", newValue) }
    }

    /// `status.conditions` (`NamesAccepted`, `Established`, `Terminating`).
    public var conditions: [Condition] {
        get { self.status.views("conditions") }
        set { self.status.setViews("conditions", newValue) }
    }

    /// `status.acceptedNames`.
    public var acceptedNames: CustomResourceDefinitionNames {
        get { self.status.view("acceptedNames") }
        set { self.status.setView("acceptedNames", newValue) }
    }

    /// `status.storedVersions`.
    public var storedVersions: [String] {
        get { self.status.value("storedVersions") ?? [] }
        set { self.status.setValue("storedVersions", newValue) }
    }

    /// `true` once the `Established` condition is True: the API server serves the resource.
    public var isEstablished: Bool { self.conditions[type: "Established"]?.isTrue ?? false }

    private var status: CustomResourceDefinitionStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}
