public import KubeJSON

/// One column of a `meta.k8s.io/v1` `Table` (`TableColumnDefinition`).
public struct TableColumnDefinition: Sendable, Hashable {
    /// The header (`Name`, `Ready`); kubectl prints it upper-cased.
    public var name: String
    /// The OpenAPI type of the cells: `string`, `integer`, `number`, `boolean` or `date`.
    public var type: String
    /// An OpenAPI format; `name` marks the column kubectl prefixes with `kind/` when it prints several kinds.
    public var format: String
    /// What the column shows.
    public var description: String
    /// 0 for columns kubectl shows by default, 1 or more for `-o wide` only.
    public var priority: Int

    public init(name: String, type: String = "string", format: String = "", description: String = "", priority: Int = 0) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
    }

    /// The JSON form, members in kube-apiserver's order.
    public var json: JSONValue {
        [
            "name": .string(self.name),
            "type": .string(self.type),
            "format": .string(self.format),
            "description": .string(self.description),
            "priority": .int(Int64(self.priority)),
        ]
    }

    /// The `Name` column every table starts with (`format: name`).
    static let name = TableColumnDefinition(
        name: "Name",
        format: "name",
        description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of a name automatically."
    )

    /// The `Age` column of the built-in printers: a `string` cell rendered by the server.
    static let age = TableColumnDefinition(
        name: "Age",
        description: "CreationTimestamp is a timestamp representing the server time when this object was created."
    )

    /// A wide column.
    static func wide(_ name: String, _ description: String, type: String = "string") -> TableColumnDefinition {
        TableColumnDefinition(name: name, type: type, description: description, priority: 1)
    }
}
