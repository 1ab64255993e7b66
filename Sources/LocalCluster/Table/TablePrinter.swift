internal import KubeJSON
internal import KubeModel

/// How one resource is printed: its columns and how an object fills them.
///
/// Built-in resources have kube-apiserver's printers (the columns `kubectl get` shows against a real cluster,
/// wide columns at priority 1, every cell always filled as the server generates wide tables); custom resources
/// get `Name` plus their `additionalPrinterColumns` (or `Age` when they define none); anything else gets
/// kube-apiserver's default `Name` / `Created At`.
struct TablePrinter: Sendable {
    var columns: [TableColumnDefinition]
    var cells: @Sendable (TableSource) -> [JSONValue]
    /// Row conditions (`Completed` for finished pods); `nil` for none.
    var conditions: (@Sendable (TableSource) -> JSONValue?)? = nil

    /// The printer for `resource` served at `version`.
    static func printer(for resource: APIResource, version: String) -> TablePrinter {
        if resource.isCustomResource {
            return Self.customResource(columns: resource.version(named: version)?.printerColumns ?? [])
        }
        return Self.builtin[BuiltinKey(group: resource.group, plural: resource.plural)] ?? Self.fallback
    }

    struct BuiltinKey: Hashable {
        var group: String
        var plural: String
    }

    static let builtin: [BuiltinKey: TablePrinter] = [
        BuiltinKey(group: "", plural: "pods"): .pods,
        BuiltinKey(group: "", plural: "nodes"): .nodes,
        BuiltinKey(group: "", plural: "namespaces"): .namespaces,
        BuiltinKey(group: "", plural: "services"): .services,
        BuiltinKey(group: "", plural: "configmaps"): .configMaps,
        BuiltinKey(group: "", plural: "secrets"): .secrets,
        BuiltinKey(group: "", plural: "persistentvolumeclaims"): .persistentVolumeClaims,
        BuiltinKey(group: "", plural: "events"): .events,
        BuiltinKey(group: "apps", plural: "deployments"): .deployments,
        BuiltinKey(group: "apps", plural: "replicasets"): .replicaSets,
        BuiltinKey(group: "apps", plural: "statefulsets"): .statefulSets,
        BuiltinKey(group: "apps", plural: "daemonsets"): .daemonSets,
        BuiltinKey(group: "apps", plural: "controllerrevisions"): .controllerRevisions,
        BuiltinKey(group: "batch", plural: "jobs"): .jobs,
        BuiltinKey(group: "coordination.k8s.io", plural: "leases"): .leases,
        BuiltinKey(group: "networking.k8s.io", plural: "ingresses"): .ingresses,
        BuiltinKey(group: "admissionregistration.k8s.io", plural: "mutatingwebhookconfigurations"): .webhookConfigurations,
        BuiltinKey(group: "admissionregistration.k8s.io", plural: "validatingwebhookconfigurations"): .webhookConfigurations,
    ]

    /// kube-apiserver's default table (`rest.NewDefaultTableConvertor`), also used for
    /// CustomResourceDefinitions: `Name` and `Created At`, a `date` column holding the RFC 3339 creation time,
    /// which kubectl prints as is.
    static let fallback = TablePrinter(
        columns: [
            TableColumnDefinition(
                name: "Name",
                format: "name",
                description: TableColumnDefinition.name.description
            ),
            TableColumnDefinition(
                name: "Created At",
                type: "date",
                description: "CreationTimestamp is a timestamp representing the server time when this object was created."
            ),
        ],
        cells: { object in
            [.string(object.name), object.time("metadata", "creationTimestamp").map { .string($0.rfc3339) } ?? .null]
        }
    )

    /// A custom resource's table: `Name`, then each printer column, or `Age` (a `date` column on
    /// `.metadata.creationTimestamp`) when the version defines none.
    static func customResource(columns: [PrinterColumn]) -> TablePrinter {
        let effective =
            columns.isEmpty
            ? [
                PrinterColumn(
                    name: "Age",
                    type: "date",
                    jsonPath: ".metadata.creationTimestamp",
                    description: TableColumnDefinition.age.description
                )
            ]
            : columns
        let paths = effective.map { try? JSONPath(parsing: $0.jsonPath) }
        let types = effective.map(\.type)
        return TablePrinter(
            columns: [TableColumnDefinition.name]
                + effective.map {
                    TableColumnDefinition(
                        name: $0.name,
                        type: $0.type,
                        format: $0.format,
                        description: $0.description,
                        priority: $0.priority
                    )
                },
            cells: { object in
                var cells: [JSONValue] = [.string(object.name)]
                for (path, type) in zip(paths, types) {
                    guard let path, let value = path.firstValue(in: object.json) else {
                        cells.append(.null)
                        continue
                    }
                    cells.append(Self.cell(value, type: type, now: object.now))
                }
                return cells
            }
        )
    }

    /// A printer column's cell for `value` (kube-apiserver's rules): `integer` truncates numbers, `number`
    /// keeps them, `boolean` keeps booleans, `string` prints any value (numbers and booleans as their JSON
    /// text, objects and arrays as compact JSON), `date` renders the age of an RFC 3339 time
    /// (`<invalid>` when unreadable); a value of the wrong type is `null`.
    static func cell(_ value: JSONValue, type: String, now: KubeTime) -> JSONValue {
        switch (type, value) {
        case (_, .null):
            return .null
        case ("integer", .int):
            return value
        case ("integer", .number(let number)):
            let double = number.doubleValue
            guard double.isFinite, double > -9.2e18, double < 9.2e18 else { return .null }
            return .int(Int64(double))
        case ("number", .int), ("number", .number):
            return value
        case ("boolean", .bool):
            return value
        case ("string", .string):
            return value
        case ("string", _):
            return .string(value.serializedString())
        case ("date", .string(let text)):
            guard let time = try? KubeTime(parsing: text) else { return "<invalid>" }
            return .string(HumanDuration.age(of: time, now: now))
        default:
            return .null
        }
    }
}
