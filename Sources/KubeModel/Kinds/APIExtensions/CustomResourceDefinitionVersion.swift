public import KubeJSON

/// One entry of a CRD's `spec.versions`.
public struct CustomResourceDefinitionVersion: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    public var served: Bool {
        get { self.value("served") ?? false }
        set { self.setValue("served", newValue) }
    }

    public var storage: Bool {
        get { self.value("storage") ?? false }
        set { self.setValue("storage", newValue) }
    }

    /// `schema.openAPIV3Schema`, kept as JSON.
    public var openAPIV3Schema: JSONValue? {
        get { self.object["schema"]?["openAPIV3Schema"] }
        set { self.object["schema"] = newValue.map { ["openAPIV3Schema": $0] } }
    }

    /// `true` when the version has the status subresource.
    public var hasStatusSubresource: Bool { self.object["subresources"]?["status"] != nil }

    /// `subresources.scale` (`specReplicasPath`, `statusReplicasPath`, `labelSelectorPath`), kept as JSON.
    public var scaleSubresource: JSONValue? { self.object["subresources"]?["scale"] }

    /// `additionalPrinterColumns[]`, kept as JSON.
    public var additionalPrinterColumns: [JSONValue] {
        get { self.value("additionalPrinterColumns") ?? [] }
        set { self.setValue("additionalPrinterColumns", newValue.isEmpty ? nil : newValue) }
    }
}
