import Foundation
import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// Fixtures and a miniature `kubectl explain` for the OpenAPI tests.
enum OpenAPITestSupport {
    /// The CloneSet CRD of the KubeJSON fixtures, read from disk.
    static func cloneSetDefinition() throws -> CustomResourceDefinition {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("KubeJSONTests/Fixtures/crd.yaml")
        let documents = try YAMLReader().readAll(try String(contentsOf: url, encoding: .utf8))
        return try CustomResourceDefinition.decode(try #require(documents.first))
    }

    /// A CRD with a structural schema (`spec.replicas`, `status.conditions`) and printer columns.
    static func widgetDefinition(replicasDescription: String = "Desired number of widgets.") throws -> CustomResourceDefinition {
        try CustomResourceDefinition.decode(
            try YAMLReader().read(
                """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Widget, plural: widgets}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    additionalPrinterColumns:
                    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
                    - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
                    - {name: App, type: string, jsonPath: .metadata.labels.app, priority: 1}
                    - {name: Paused, type: boolean, jsonPath: .spec.paused}
                    - {name: Ratio, type: number, jsonPath: .status.ratio}
                    - {name: Started, type: date, jsonPath: .status.startTime}
                    schema:
                      openAPIV3Schema:
                        type: object
                        description: A Widget is a test resource.
                        properties:
                          spec:
                            type: object
                            description: What the widget should be.
                            properties:
                              replicas: {type: integer, description: \(replicasDescription)}
                              paused: {type: boolean}
                          status:
                            type: object
                            properties:
                              ratio: {type: number}
                              startTime: {type: string, format: date-time}
                              conditions:
                                type: array
                                items:
                                  type: object
                                  properties:
                                    type: {type: string}
                                    status: {type: string}
                """
            )
        )
    }

    /// What `kubectl explain <resource>.<field path>` finds: the kind from the resource's paths (as its
    /// template does), the schema whose `x-kubernetes-group-version-kind` names it, then each field,
    /// resolving `$ref`, `allOf`, `items` and `additionalProperties`. `nil` when a step fails.
    static func explain(_ document: JSONValue, root: String, plural: String, fields: [String]) -> JSONValue? {
        let paths = document["paths"]
        let candidates = [
            "\(root)/\(plural)", "\(root)/\(plural)/{name}",
            "\(root)/namespaces/{namespace}/\(plural)", "\(root)/namespaces/{namespace}/\(plural)/{name}",
        ]
        var gvk: JSONValue?
        search: for candidate in candidates {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let found = paths?[candidate]?[method]?["x-kubernetes-group-version-kind"] {
                    gvk = found
                    break search
                }
            }
        }
        guard let gvk, let schemas = document["components"]?["schemas"]?.objectValue else { return nil }
        guard
            var schema = schemas.first(where: { member in
                member.value["x-kubernetes-group-version-kind"]?.arrayValue?.contains(gvk) ?? false
            })?.value
        else { return nil }
        for field in fields {
            guard let next = Self.property(field, of: schema, in: document) else { return nil }
            schema = next
        }
        return Self.resolve(schema, in: document)
    }

    private static func property(_ name: String, of schema: JSONValue, in document: JSONValue) -> JSONValue? {
        let resolved = Self.resolve(schema, in: document)
        if let property = resolved["properties"]?[name] { return property }
        if let items = resolved["items"] { return Self.property(name, of: items, in: document) }
        if let additional = resolved["additionalProperties"], additional.objectValue != nil {
            return Self.property(name, of: additional, in: document)
        }
        return nil
    }

    /// The schema behind `$ref` or a single `allOf`, keeping the outer description.
    static func resolve(_ schema: JSONValue, in document: JSONValue) -> JSONValue {
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.dropFirst("#/components/schemas/".count))
            return document["components"]?["schemas"]?[name] ?? .null
        }
        if let all = schema["allOf"]?.arrayValue, all.count == 1 {
            var resolved = Self.resolve(all[0], in: document)
            if let description = schema["description"] { resolved["description"] = description }
            return resolved
        }
        return schema
    }

    /// Every `$ref` target in `value`.
    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            return object.members.flatMap { member -> [String] in
                if member.key == "$ref", let target = member.value.stringValue { return [target] }
                return Self.references(in: member.value)
            }
        case .array(let elements):
            return elements.flatMap(Self.references(in:))
        default:
            return []
        }
    }
}
