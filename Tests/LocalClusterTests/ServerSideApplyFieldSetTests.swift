import KubeJSON
import KubeModel
import LocalCluster
import Testing

@Suite struct ServerSideApplyFieldSetTests {
    static let deploymentSchema = ApplySchema.forKind(apiVersion: "apps/v1", kind: "Deployment")

    static func json(_ text: String) -> JSONValue {
        try! JSONValue(parsing: text)
    }

    @Test func applyEntryOfADeploymentHasKubesShape() throws {
        let config = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}"#
        )
        let result = try ServerSideApply.apply(
            config: config,
            to: nil,
            manager: "kubectl",
            force: false,
            apiVersion: "apps/v1",
            schema: Self.deploymentSchema,
            now: KubeTime(seconds: 1_800_000_000)
        )
        #expect(result.created)
        #expect(result.managedFields.count == 1)
        let entry = try #require(result.managedFields.first)
        #expect(entry.manager == "kubectl")
        #expect(entry.operation == .apply)
        #expect(
            entry.fields.description
                == #"{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}}"#
        )
        let written = try #require(result.object["metadata"]?["managedFields"]?[0])
        #expect(
            written.serializedString()
                == #"{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2027-01-15T08:00:00Z","fieldsType":"FieldsV1","fieldsV1":\#(entry.fields.description)}"#
        )
    }

    @Test func updateEntryOfACreatedDeploymentHasKubesShape() throws {
        let created = Self.json(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}"#
        )
        let stored = ServerSideApply.recordUpdate(
            old: nil,
            new: created,
            manager: "kubectl-create",
            apiVersion: "apps/v1",
            schema: Self.deploymentSchema,
            now: KubeTime(seconds: 1_800_000_000)
        )
        let entries = try ManagedFields.entries(of: stored)
        #expect(entries.count == 1)
        #expect(entries[0].operation == .update)
        #expect(entries[0].manager == "kubectl-create")
        #expect(
            entries[0].fields.description
                == #"{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}}"#
        )
    }

    @Test func configMapFromTheDocumentation() throws {
        let config = Self.json(
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"test-cm","namespace":"default","labels":{"test-label":"test"}},"data":{"key":"some value"}}"#
        )
        let result = try ServerSideApply.apply(
            config: config,
            to: nil,
            manager: "kubectl",
            force: false,
            apiVersion: "v1",
            schema: ApplySchema.forKind(apiVersion: "v1", kind: "ConfigMap"),
            now: KubeTime(seconds: 0)
        )
        #expect(result.managedFields[0].fields.description == #"{"f:data":{"f:key":{}},"f:metadata":{"f:labels":{"f:test-label":{}}}}"#)
    }

    @Test func fieldsV1RoundTrips() throws {
        let text =
            #"{"f:metadata":{"f:finalizers":{".":{},"v:\"example.com/a\"":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"u1\"}":{}}},"f:spec":{"f:ports":{"k:{\"name\":\"http\",\"port\":80}":{".":{},"f:name":{}}},"f:x":{"i:0":{}}}}"#
        let set = try FieldSet(fieldsV1: Self.json(text))
        #expect(set.description == text)
        #expect(set.contains(FieldPath([.field("metadata"), .field("finalizers"), .value("example.com/a")])))
        #expect(set.contains(FieldPath(fields: "metadata", "finalizers")))
        #expect(!set.contains(FieldPath(fields: "metadata")))
        #expect(set.containsPrefix(FieldPath(fields: "metadata")))
        #expect(set.count == 7)
    }

    @Test func fieldsV1RejectsUnknownKeys() {
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: Self.json(#"{"x:y":{}}"#)) }
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: Self.json(#"{"f:a":1}"#)) }
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: Self.json(#"{"k:[1]":{}}"#)) }
    }

    @Test func setOperations() {
        let a = FieldSet([FieldPath(fields: "spec", "replicas"), FieldPath(fields: "spec", "paused"), FieldPath(fields: "metadata", "labels", "a")])
        let b = FieldSet([FieldPath(fields: "spec", "replicas"), FieldPath(fields: "metadata", "labels", "b")])
        #expect(a.union(b).count == 4)
        #expect(a.intersection(b) == FieldSet([FieldPath(fields: "spec", "replicas")]))
        #expect(a.subtracting(b) == FieldSet([FieldPath(fields: "spec", "paused"), FieldPath(fields: "metadata", "labels", "a")]))
        #expect(a.subtracting(a).isEmpty)
        #expect(a.paths.map(\.description) == [".metadata.labels.a", ".spec.paused", ".spec.replicas"])
    }

    @Test func keysAreSortedAndDescribed() {
        let element = FieldPathElement.keyed([("protocol", "TCP"), ("containerPort", 80)])
        #expect(element.fieldsV1Key == #"k:{"containerPort":80,"protocol":"TCP"}"#)
        #expect(element.description == #"[containerPort=80,protocol="TCP"]"#)
        #expect(FieldPathElement.value("x").description == #"[="x"]"#)
        #expect(FieldPathElement.field("a") < FieldPathElement.keyed([("name", "a")]))
    }

    @Test func finalizersAreASetAndOwnerReferencesKeyedByUID() throws {
        let object = Self.json(
            #"{"metadata":{"finalizers":["a/b"],"ownerReferences":[{"uid":"u1","name":"o"}]},"data":{"k":"v"}}"#
        )
        let set = try FieldSet(of: object, schema: ApplySchema.forKind(apiVersion: "v1", kind: "ConfigMap"))
        #expect(
            set.description
                == #"{"f:data":{"f:k":{}},"f:metadata":{"f:finalizers":{"v:\"a/b\"":{}},"f:ownerReferences":{"k:{\"uid\":\"u1\"}":{".":{},"f:name":{},"f:uid":{}}}}}"#
        )
    }

    @Test func customResourceListTypesComeFromTheCRDSchema() throws {
        let openAPI = Self.json(
            #"{"type":"object","properties":{"spec":{"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","port"],"items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},"args":{"type":"array","items":{"type":"string"}},"selector":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}}}}}}"#
        )
        let schema = ApplySchema.forKind(apiVersion: "example.com/v1", kind: "Widget", openAPIV3Schema: openAPI)
        let object = Self.json(
            #"{"spec":{"ports":[{"name":"http","port":80}],"tags":["a"],"args":["x","y"],"selector":{"k":"v"},"extra":{"z":1}}}"#
        )
        let set = try FieldSet(of: object, schema: schema, strict: true)
        #expect(
            set.description
                == #"{"f:spec":{"f:args":{},"f:extra":{".":{},"f:z":{}},"f:ports":{"k:{\"name\":\"http\",\"port\":80}":{".":{},"f:name":{},"f:port":{}}},"f:selector":{},"f:tags":{"v:\"a\"":{}}}}"#
        )
    }

    @Test func managerNameDefaultsToTheUserAgentPrefix() {
        #expect(ServerSideApply.managerName(fieldManager: "m", userAgent: "kubectl/v1.32.4") == "m")
        #expect(ServerSideApply.managerName(fieldManager: nil, userAgent: "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd") == "kubectl")
        #expect(ServerSideApply.managerName(fieldManager: "", userAgent: "OpenAPI-Generator/37.0.2/python") == "OpenAPI-Generator")
        #expect(ServerSideApply.managerName(fieldManager: nil, userAgent: nil) == "")
        #expect(ServerSideApply.managerName(fieldManager: nil, userAgent: String(repeating: "a", count: 200)).count == 128)
    }
}
