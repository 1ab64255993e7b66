public import KubeJSON

/// One of a custom resource's `additionalPrinterColumns`: a column `kubectl get` shows in its table.
public struct PrinterColumn: Sendable, Hashable {
    /// The column header (`DESIRED`).
    public var name: String
    /// `integer`, `number`, `string`, `boolean` or `date`.
    public var type: String
    /// An optional OpenAPI format (`int32`, `byte`, ...); empty when not set.
    public var format: String
    /// A human-readable description; empty when not set.
    public var description: String
    /// 0 for columns shown by default, higher for `-o wide` only.
    public var priority: Int
    /// The JSON path whose value fills the column (`.spec.replicas`).
    public var jsonPath: String

    public init(
        name: String,
        type: String,
        jsonPath: String,
        format: String = "",
        description: String = "",
        priority: Int = 0
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
        self.jsonPath = jsonPath
    }

    /// Reads a column from its CRD form; `nil` when `name`, `type` or `jsonPath` is missing.
    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue,
            let type = json["type"]?.stringValue,
            let jsonPath = json["jsonPath"]?.stringValue
        else { return nil }
        self.init(
            name: name,
            type: type,
            jsonPath: jsonPath,
            format: json["format"]?.stringValue ?? "",
            description: json["description"]?.stringValue ?? "",
            priority: json["priority"]?.intValue ?? 0
        )
    }
}
