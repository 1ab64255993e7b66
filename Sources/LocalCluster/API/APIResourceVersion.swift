public import KubeJSON

/// One served version of a resource, with what may differ between versions.
public struct APIResourceVersion: Sendable, Hashable {
    /// The version name (`v1`, `v1alpha1`).
    public var name: String
    /// The subresources this version serves, in discovery order.
    public var subresources: [APISubresource]
    /// A custom resource's `additionalPrinterColumns` for this version; empty for built-ins.
    public var printerColumns: [PrinterColumn]
    /// A custom resource's `schema.openAPIV3Schema` for this version; `nil` for built-ins.
    public var schema: JSONValue?

    public init(
        name: String,
        subresources: [APISubresource] = [],
        printerColumns: [PrinterColumn] = [],
        schema: JSONValue? = nil
    ) {
        self.name = name
        self.subresources = subresources
        self.printerColumns = printerColumns
        self.schema = schema
    }

    /// The subresource called `name`, if this version serves it.
    public func subresource(named name: String) -> APISubresource? {
        self.subresources.first { $0.name == name }
    }
}
