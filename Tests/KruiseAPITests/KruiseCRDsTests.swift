import KruiseAPI
import KubeJSON
import KubeModel
import Testing

/// A small structural-schema checker: types, int-or-string, preserve-unknown-fields, additionalProperties,
/// required members and unknown members (which a real API server would prune).
enum SchemaCheck {
    static func problems(_ value: JSONValue, schema: JSONValue, path: String = "") -> [String] {
        if schema["x-kubernetes-int-or-string"] == true {
            switch value {
            case .int, .string: return []
            default: return ["\(path): expected int or string, got \(value.typeName)"]
            }
        }
        let preserve = schema["x-kubernetes-preserve-unknown-fields"] == true
        guard let type = schema["type"]?.stringValue else {
            return preserve ? [] : ["\(path): schema has no type"]
        }
        var problems: [String] = []
        switch (type, value) {
        case ("object", .object(let object)):
            let properties = schema["properties"]?.objectValue
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                problems.append("\(path).\(name): required")
            }
            for member in object {
                let childPath = "\(path).\(member.key)"
                if let child = properties?[member.key] {
                    problems += self.problems(member.value, schema: child, path: childPath)
                } else if let additional = schema["additionalProperties"], additional.objectValue != nil {
                    problems += self.problems(member.value, schema: additional, path: childPath)
                } else if !preserve && properties != nil {
                    problems.append("\(childPath): unknown field")
                }
            }
        case ("array", .array(let elements)):
            for (index, element) in elements.enumerated() {
                problems += self.problems(element, schema: schema["items"] ?? .emptyObject, path: "\(path)[\(index)]")
            }
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .number):
            break
        default:
            problems.append("\(path): expected \(type), got \(value.typeName)")
        }
        return problems
    }
}

@Suite struct KruiseCRDsTests {
    let crd = KruiseCRDs.cloneSet

    @Test func namesScopeAndVersions() throws {
        #expect(crd.name == "clonesets.apps.kruise.io")
        let spec = crd.object["spec"]
        #expect(spec?["group"] == "apps.kruise.io")
        #expect(spec?["scope"] == "Namespaced")
        #expect(spec?["names"]?["kind"] == "CloneSet")
        #expect(spec?["names"]?["listKind"] == "CloneSetList")
        #expect(spec?["names"]?["plural"] == "clonesets")
        #expect(spec?["names"]?["singular"] == "cloneset")
        #expect(spec?["names"]?["shortNames"] == ["clone"])
        let versions = try #require(spec?["versions"]?.arrayValue)
        #expect(versions.count == 1)
        let version = versions[0]
        #expect(version["name"] == "v1alpha1")
        #expect(version["served"] == true)
        #expect(version["storage"] == true)
        #expect(version["subresources"]?["status"] == .emptyObject)
        #expect(version["subresources"]?["scale"] == [
            "labelSelectorPath": ".status.labelSelector",
            "specReplicasPath": ".spec.replicas",
            "statusReplicasPath": ".status.replicas",
        ])
        #expect(KruiseCRDs.all.map(\.name) == [
            "clonesets.apps.kruise.io", "workloadspreads.apps.kruise.io", "imagepulljobs.apps.kruise.io",
            "imagelistpulljobs.apps.kruise.io", "nodeimages.apps.kruise.io",
        ])
    }

    @Test func printerColumns() throws {
        let version = try #require(crd.object["spec"]?["versions"]?[0])
        let columns = try #require(version["additionalPrinterColumns"]?.arrayValue)
        #expect(columns.map { $0["name"]?.stringValue ?? "" }
            == ["DESIRED", "UPDATED", "UPDATED_READY", "READY", "TOTAL", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
        #expect(columns.map { $0["jsonPath"]?.stringValue ?? "" } == [
            ".spec.replicas", ".status.updatedReplicas", ".status.updatedReadyReplicas", ".status.readyReplicas",
            ".status.replicas", ".metadata.creationTimestamp", ".spec.template.spec.containers[*].name",
            ".spec.template.spec.containers[*].image", ".status.labelSelector",
        ])
        #expect(columns.map { $0["priority"]?.intValue ?? 0 } == [0, 0, 0, 0, 0, 0, 1, 1, 1])
        #expect(columns.map { $0["type"]?.stringValue ?? "" }
            == ["integer", "integer", "integer", "integer", "integer", "date", "string", "string", "string"])
    }

    var schema: JSONValue {
        crd.object["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"] ?? .null
    }

    @Test func schemaIsStructuralWhereUpstreamIs() {
        let spec = schema["properties"]?["spec"]
        #expect(spec?["required"] == ["selector", "template"])
        #expect(spec?["properties"]?["template"]?["x-kubernetes-preserve-unknown-fields"] == true)
        #expect(spec?["properties"]?["volumeClaimTemplates"]?["x-kubernetes-preserve-unknown-fields"] == true)
        let strategy = spec?["properties"]?["updateStrategy"]?["properties"]
        for field in ["partition", "maxUnavailable", "maxSurge"] {
            #expect(strategy?[field]?["x-kubernetes-int-or-string"] == true)
        }
        #expect(spec?["properties"]?["scaleStrategy"]?["properties"]?["maxUnavailable"]?["x-kubernetes-int-or-string"] == true)
        #expect(schema["properties"]?["status"]?["required"]
            == ["availableReplicas", "readyReplicas", "replicas", "updatedReadyReplicas", "updatedReplicas"])
    }

    @Test func upstreamSampleValidatesAgainstTheSchema() {
        #expect(SchemaCheck.problems(Fixtures.sample().json, schema: schema) == [])
        let defaulted = CloneSetDefaults.defaulted(Fixtures.sample(), injectTemplateDefaults: true)
        #expect(SchemaCheck.problems(defaulted.json, schema: schema) == [])
    }

    @Test func schemaRejectsWrongTypes() {
        var cloneSet = Fixtures.sample()
        cloneSet.spec.object["replicas"] = "five"
        cloneSet.spec.updateStrategy.object["paused"] = "yes"
        cloneSet.spec.updateStrategy.object["maxSurge"] = true
        #expect(SchemaCheck.problems(cloneSet.json, schema: schema) == [
            ".spec.replicas: expected integer, got string",
            ".spec.updateStrategy.maxSurge: expected int or string, got boolean",
            ".spec.updateStrategy.paused: expected boolean, got string",
        ])
    }
}
