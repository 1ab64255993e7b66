import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// Custom resources are pruned, defaulted and validated against their CRD's openAPIV3Schema.
@Suite struct APIServerSchemaTests {
    static let definition: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": [
            "group": "example.com",
            "names": ["kind": "Widget", "plural": "widgets", "singular": "widget"],
            "scope": "Namespaced",
            "versions": [[
                "name": "v1", "served": true, "storage": true,
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": [
                        "spec": [
                            "type": "object",
                            "required": ["size"],
                            "properties": [
                                "size": ["type": "integer", "minimum": 1, "maximum": 10],
                                "color": ["type": "string", "enum": ["red", "blue"], "default": "red"],
                                "name": ["type": "string", "pattern": "^[a-z]+$", "maxLength": 8],
                                "tags": ["type": "array", "items": ["type": "string"], "x-kubernetes-list-type": "set"],
                                "extra": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                                "port": ["x-kubernetes-int-or-string": true],
                            ],
                        ],
                    ],
                ]],
            ]],
        ],
    ]

    static func server() async -> APIServer {
        let server = await APIServerTests.server()
        _ = await APIServerTests.send(server, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Self.definition)
        return server
    }

    static func widget(_ spec: JSONValue) -> JSONValue {
        ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": spec]
    }

    static let path = "/apis/example.com/v1/namespaces/default/widgets"

    @Test func prunesUnknownFieldsAndAppliesDefaults() async {
        let server = await Self.server()
        let created = await APIServerTests.send(
            server, "POST", Self.path,
            Self.widget(["size": 3, "unknown": true, "extra": ["anything": ["goes": 1]], "port": "http"])
        )
        #expect(created.status == 201)
        #expect(created.body["spec"]?["unknown"] == nil)
        #expect(created.body["spec"]?["color"] == "red")
        #expect(created.body["spec"]?["extra"]?["anything"]?["goes"] == 1)
        #expect(created.body["spec"]?["port"] == "http")
    }

    @Test func strictFieldValidationRejectsUnknownFields() async {
        let server = await Self.server()
        let rejected = await APIServerTests.send(
            server, "POST", Self.path + "?fieldValidation=Strict", Self.widget(["size": 3, "unknown": true])
        )
        #expect(rejected.status == 400)
        #expect(rejected.body["message"]?.stringValue?.contains("spec.unknown") == true)
        #expect(await APIServerTests.send(server, "GET", Self.path + "/w").status == 404)
    }

    @Test(arguments: [
        (["color": "red"] as JSONValue, "spec.size", "Required value"),
        (["size": "three"] as JSONValue, "spec.size", "Invalid value: \"string\": spec.size in body must be of type integer: \"string\""),
        (["size": 11] as JSONValue, "spec.size", "Invalid value: 11: spec.size in body should be less than or equal to 10"),
        (["size": 0] as JSONValue, "spec.size", "Invalid value: 0: spec.size in body should be greater than or equal to 1"),
        (["size": 1, "color": "green"] as JSONValue, "spec.color", "Unsupported value: \"green\": supported values: \"red\", \"blue\""),
        (["size": 1, "name": "Abc"] as JSONValue, "spec.name", "Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'"),
        (["size": 1, "name": "abcdefghij"] as JSONValue, "spec.name", "Too long: may not be more than 8 bytes"),
        (["size": 1, "tags": ["a", "a"]] as JSONValue, "spec.tags[1]", "Duplicate value: \"a\""),
        (["size": 1, "port": true] as JSONValue, "spec.port", "Invalid value: \"boolean\": spec.port in body must be of type integer-or-string: \"boolean\""),
    ])
    func invalidObjectsAreRejectedNamingTheField(spec: JSONValue, field: String, message: String) async {
        let server = await Self.server()
        let rejected = await APIServerTests.send(server, "POST", Self.path, Self.widget(spec))
        #expect(rejected.status == 422)
        #expect(rejected.body["reason"] == "Invalid")
        let causes = rejected.body["details"]?["causes"]?.arrayValue ?? []
        #expect(causes.contains { $0["field"]?.stringValue == field && $0["message"]?.stringValue == message }, "\(causes)")
        #expect(await APIServerTests.send(server, "GET", Self.path + "/w").status == 404)
    }
}
