import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing

@testable import LocalCluster

/// The one-pass FieldsV1 of a create against the general path it replaces (compare with nothing, subtract the
/// unowned fields, encode the set), over built-in and CRD schemas and random documents shaped like objects.
@Suite struct CreationFieldsTests {
    static let crdSchema = try! JSONValue(
        parsing: #"""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","port"],
                     "items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},
            "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
            "selector":{"type":"object","x-kubernetes-map-type":"atomic"},
            "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
            "limits":{"type":"object","additionalProperties":{"type":"string"}}}},
          "status":{"type":"object"}}}
        """#)

    static let schemas: [(String, ApplySchema)] = [
        ("Pod", ApplySchema.forKind(apiVersion: "v1", kind: "Pod")),
        ("Deployment", ApplySchema.forKind(apiVersion: "apps/v1", kind: "Deployment")),
        ("ConfigMap", ApplySchema.forKind(apiVersion: "v1", kind: "ConfigMap")),
        ("Service", ApplySchema.forKind(apiVersion: "v1", kind: "Service")),
        ("CRD", ApplySchema.forKind(apiVersion: "example.io/v1", kind: "Widget", openAPIV3Schema: Self.crdSchema)),
        ("untyped", ApplySchema.untyped),
    ]

    /// What `recordUpdate` computed for every create before the one-pass writer.
    static func generalFieldsV1(_ object: JSONValue, schema: ApplySchema) -> JSONValue {
        FieldComparison(old: nil, new: object, schema: schema).changed.subtracting(ServerSideApply.unownedFields).fieldsV1
    }

    static func expectSame(_ object: JSONValue, schema: ApplySchema, _ comment: String) {
        let fast = (CreationFields.fieldsV1(of: object, schema: schema) ?? .emptyObject).serializedString()
        let general = Self.generalFieldsV1(object, schema: schema).serializedString()
        #expect(fast == general, "\(comment): \(object.serializedString())")
    }

    @Test func aPodsCreateEntryIsKubes() throws {
        let pod = try JSONValue(
            parsing: #"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","uid":"u","labels":{"app":"web"},
             "finalizers":["example.io/a","example.io/a"],"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r","uid":"1","controller":true}]},
             "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],
                                    "env":[{"name":"A","value":"1"},{"name":"A","value":"2"}],"resources":{}}],
                     "tolerations":[{"key":"k","operator":"Exists"}],"nodeSelector":{},"volumes":[]},
             "status":{"phase":"Pending","conditions":null}}
            """#)
        for (name, schema) in Self.schemas { Self.expectSame(pod, schema: schema, name) }
        let fields = try #require(CreationFields.fieldsV1(of: pod, schema: Self.schemas[0].1))
        #expect(fields["f:metadata"]?["f:uid"] == nil)
        #expect(fields["f:metadata"]?["f:labels"]?["."] != nil)
        #expect(fields["f:apiVersion"] == nil && fields["f:metadata"]?["."] == nil)
    }

    @Test func recordUpdateOfACreateMatchesTheGeneralPath() throws {
        let now = KubeTime(seconds: 1_800_000_000)
        var random = SplitMix64(seed: 7)
        for round in 0..<300 {
            let (name, schema) = Self.schemas[round % Self.schemas.count]
            let object = Self.randomObject(&random)
            let recorded = ServerSideApply.recordUpdate(
                old: nil, new: object, manager: "m", apiVersion: "v1", subresource: round % 3 == 0 ? "status" : "",
                schema: schema, now: now)
            let entries = ServerSideApply.updatedEntries(
                [], old: nil, new: ManagedFields.removing(from: object), manager: "m", operation: .update, apiVersion: "v1",
                subresource: round % 3 == 0 ? "status" : "", schema: schema, now: now)
            let general = ManagedFields.setting(entries, on: ManagedFields.removing(from: object))
            #expect(recorded.serializedString() == general.serializedString(), "\(name) round \(round)")
            // The packed FieldsV1 text reads back as the same field sets.
            #expect(try ManagedFields.entries(of: recorded) == ManagedFields.entries(of: general), "\(name) round \(round)")
        }
    }

    @Test func randomDocumentsMatchTheGeneralPath() {
        var random = SplitMix64(seed: 42)
        for round in 0..<2_000 {
            let object = Self.randomObject(&random)
            for (name, schema) in Self.schemas { Self.expectSame(object, schema: schema, "\(name) round \(round)") }
        }
    }

    // MARK: - Random objects

    /// Keys of the schemas above, so random documents reach their lists, sets, atomic maps and always-present
    /// fields, plus keys no schema knows.
    static let keys = [
        "apiVersion", "kind", "metadata", "name", "namespace", "uid", "labels", "annotations", "finalizers",
        "ownerReferences", "generation", "spec", "status", "containers", "initContainers", "image", "ports",
        "containerPort", "protocol", "port", "env", "value", "resources", "requests", "tolerations", "key",
        "volumes", "template", "selector", "matchLabels", "replicas", "data", "tags", "extra", "limits", "conditions",
        "type", "nodeSelector", "strategy", "x", "y",
    ]

    static func randomObject(_ random: inout SplitMix64) -> JSONValue {
        var root = JSONObject()
        root["apiVersion"] = "v1"
        root["kind"] = "Thing"
        var metadata = JSONObject()
        metadata["name"] = "n"
        if random.next() % 2 == 0 { metadata["labels"] = .object(["app": "a", "tier": .string(random.hex(2))]) }
        if random.next() % 3 == 0 { metadata["finalizers"] = ["a/b", .string("c/\(random.next() % 2)")] }
        root["metadata"] = .object(metadata)
        for _ in 0..<Int(random.next() % 4) {
            root[Self.keys[Int(random.next() % UInt64(Self.keys.count))]] = Self.randomValue(&random, depth: 0)
        }
        return .object(root)
    }

    static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch random.next() % (depth > 4 ? 4 : 9) {
        case 0: return .null
        case 1: return .int(Int64(random.next() % 3))
        case 2: return .string(random.hex(1))
        case 3: return .bool(random.next() % 2 == 0)
        case 4, 5:
            var object = JSONObject()
            for _ in 0..<Int(random.next() % 4) {
                object[Self.keys[Int(random.next() % UInt64(Self.keys.count))]] = Self.randomValue(&random, depth: depth + 1)
            }
            return .object(object)
        case 6:
            // List items named by key fields, some missing them, some repeating them.
            var items: [JSONValue] = []
            for _ in 0..<Int(random.next() % 4) {
                var item = JSONObject()
                if random.next() % 4 != 0 { item["name"] = .string(random.hex(1)) }
                if random.next() % 2 == 0 { item["port"] = .int(Int64(random.next() % 2)) }
                if random.next() % 2 == 0 { item["containerPort"] = .int(80) }
                if random.next() % 2 == 0 { item["key"] = .string(random.hex(1)) }
                if random.next() % 2 == 0 { item["image"] = Self.randomValue(&random, depth: depth + 1) }
                items.append(.object(item))
            }
            return .array(items)
        case 7:
            return .array((0..<Int(random.next() % 4)).map { _ in .string(random.hex(1)) })
        default:
            return random.next() % 2 == 0 ? .emptyObject : .array([])
        }
    }
}
