public import KubeJSON
public import KubeModel

/// Turns objects of one resource into the `meta.k8s.io` `Table` kubectl's human output asks for
/// (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`, see ``TableNegotiation``).
///
/// Built-in resources get kube-apiserver's columns (pods: `NAME READY STATUS RESTARTS AGE`, wide `IP NODE
/// NOMINATED NODE READINESS GATES`; deployments: `NAME READY UP-TO-DATE AVAILABLE AGE`, wide `CONTAINERS
/// IMAGES SELECTOR`; …). Custom resources get `Name` and the version's `additionalPrinterColumns`, evaluated
/// with ``JSONPath``, or `Age` when it defines none. Like kube-apiserver, the server renders every cell:
/// ages are text (`10s`, `5m3s`), `date` printer columns hold the age of their time, and wide columns
/// (priority 1) are always filled; kubectl prints cells verbatim and hides wide columns without `-o wide`.
/// Resources without a printer (CustomResourceDefinitions, as in kube-apiserver) get `Name` and
/// `Created At` (a `date` column holding the RFC 3339 creation time).
public struct TableConverter: Sendable {
    /// The resource whose objects are converted.
    public let resource: APIResource
    /// The served version whose printer columns apply (custom resources may differ per version).
    public let version: String
    private let printer: TablePrinter

    /// A converter for `resource` at `version` (the preferred version when `nil`).
    public init(resource: APIResource, version: String? = nil) {
        self.resource = resource
        self.version = version ?? resource.preferredVersion
        self.printer = TablePrinter.printer(for: resource, version: self.version)
    }

    /// The columns, in order, wide ones (priority 1) included.
    public var columnDefinitions: [TableColumnDefinition] { self.printer.columns }

    /// The cells of `object`'s row, one per column; ages are measured at `now`.
    public func cells(for object: JSONValue, now: KubeTime) -> [JSONValue] {
        self.printer.cells(TableSource(json: object, now: now))
    }

    /// One row: `cells`, `conditions` when there are some (`Completed` for finished pods), and `object` as
    /// `includeObject` asks (`PartialObjectMetadata` of `version`'s `meta.k8s.io` by default).
    public func row(
        for object: JSONValue,
        now: KubeTime,
        includeObject: IncludeObjectPolicy = .metadata,
        tableVersion: TableVersion = .v1
    ) -> JSONValue {
        let source = TableSource(json: object, now: now)
        var row = JSONObject()
        row.appendUnchecked(key: "cells", value: .array(self.printer.cells(source)))
        if let conditions = self.printer.conditions?(source) {
            row.appendUnchecked(key: "conditions", value: conditions)
        }
        switch includeObject {
        case .none:
            break
        case .metadata:
            row.appendUnchecked(
                key: "object",
                value: [
                    "kind": "PartialObjectMetadata",
                    "apiVersion": .string(tableVersion.apiVersion),
                    "metadata": object["metadata"] ?? .emptyObject,
                ]
            )
        case .object:
            row.appendUnchecked(key: "object", value: object)
        }
        return .object(row)
    }

    /// The `Table` for `objects` (a list's items, or the one object of a GET).
    ///
    /// `metadata` carries `resourceVersion`, `continue` and `remainingItemCount` when given (pass the list's,
    /// or the object's resource version for a single GET). With `includeColumnDefinitions` false the
    /// `columnDefinitions` are empty, as kube-apiserver sends watch events after the first: kubectl keeps the
    /// columns it printed last.
    public func table(
        objects: [JSONValue],
        now: KubeTime,
        resourceVersion: String? = nil,
        continueToken: String? = nil,
        remainingItemCount: Int64? = nil,
        includeObject: IncludeObjectPolicy = .metadata,
        includeColumnDefinitions: Bool = true,
        tableVersion: TableVersion = .v1
    ) -> JSONValue {
        var metadata = JSONObject()
        if let resourceVersion, !resourceVersion.isEmpty {
            metadata.appendUnchecked(key: "resourceVersion", value: .string(resourceVersion))
        }
        if let continueToken, !continueToken.isEmpty {
            metadata.appendUnchecked(key: "continue", value: .string(continueToken))
        }
        if let remainingItemCount {
            metadata.appendUnchecked(key: "remainingItemCount", value: .int(remainingItemCount))
        }
        let columns: [JSONValue] = includeColumnDefinitions ? self.printer.columns.map(\.json) : []
        let rows = objects.map { self.row(for: $0, now: now, includeObject: includeObject, tableVersion: tableVersion) }
        return [
            "kind": "Table",
            "apiVersion": .string(tableVersion.apiVersion),
            "metadata": .object(metadata),
            "columnDefinitions": .array(columns),
            "rows": .array(rows),
        ]
    }
}
