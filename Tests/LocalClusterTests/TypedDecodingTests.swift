import KubeJSON
import KubeModel
import Testing

@testable import LocalCluster

/// The decoding check of a patched object skips the parts still held in the stored object's storage: it must
/// report exactly what checking the whole patched object reports.
@Suite struct TypedDecodingTests {
    static let pod: JSONValue = [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": [
            "name": "p", "namespace": "default", "labels": ["app": "a"],
            "creationTimestamp": "2026-01-01T00:00:00Z",
        ],
        "spec": [
            "containers": [
                [
                    "name": "c", "image": "nginx:1",
                    "ports": [["containerPort": 80, "protocol": "TCP"]],
                    "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
                ],
                ["name": "sidecar", "image": "busybox"],
            ],
            "nodeName": "n1",
        ],
        "status": [
            "phase": "Running",
            "conditions": [["type": "Ready", "status": "True", "lastTransitionTime": "2026-01-01T00:00:00Z"]],
        ],
    ]

    /// Merge patches that break the object at every depth, leave it valid, or add members no field takes.
    static let patches: [JSONValue] = [
        ["metadata": ["labels": ["tier": "web"]]],
        ["metadata": ["labels": ["tier": 5]]],
        ["metadata": ["creationTimestamp": "yesterday"]],
        ["spec": ["nodeName": 3]],
        ["spec": ["containers": [["name": "c", "image": 7]]]],
        ["spec": ["containers": [["name": "c", "image": "x", "resources": ["requests": ["cpu": "lots"]]]]]],
        ["spec": ["containers": [["name": "c", "image": "x", "imagePullPolice": "Always"]]]],
        ["spec": ["surprise": true]],
        ["status": ["conditions": [["type": "Ready", "status": "False", "lastTransitionTime": "now"]]]],
        ["status": ["conditions": [["type": "Ready", "status": 1]]]],
        ["status": ["phase": "Succeeded", "extra": ["a": 1]]],
        ["status": ["phase": nil]],
    ]

    @Test func patchedObjectsReportWhatAWholeCheckReports() throws {
        let message = try #require(TypedDecoding.message(apiVersion: "v1", kind: "Pod"))
        // Stored objects are packed: the parts a patch leaves alone stay views of the stored text.
        let base = try #require(PackedJSON(Self.pod).root.objectValue)
        #expect(TypedDecoding(object: base, message: message).error == nil)
        var reported = 0
        for patch in Self.patches {
            let patched = try #require(JSONMergePatch.apply(patch, to: .object(base)).objectValue)
            let whole = TypedDecoding(object: patched, message: message)
            let skipping = TypedDecoding(object: patched, message: message, unchanged: base)
            #expect(skipping.error == whole.error, "\(patch.serializedString())")
            #expect(skipping.unknownFields == whole.unknownFields, "\(patch.serializedString())")
            if whole.error != nil || !whole.unknownFields.isEmpty { reported += 1 }
        }
        // The patches do find errors (the comparison is not between two empty reports).
        #expect(reported == 10)
    }
}

extension TypedDecodingTests {
    /// The shortcut for common quantities accepts only what the parser accepts.
    @Test func plainQuantitiesAreQuantities() throws {
        let accepted = ["0", "1", "100m", "64Mi", "2Gi", "123456789", "5k", "3M", "1G", "7T", "1Ki", "9Ti"]
        let refused = ["", "m", "1.5", "1e3", "1Mi ", " 1", "1mi", "1KI", "1Ki1", "1234567890", "1Pi", "-1", "+1", "1u"]
        for text in accepted {
            #expect(TypedDecoding.isPlainQuantity(text), "\(text)")
            #expect((try? Quantity(parsing: text)) != nil, "\(text)")
        }
        for text in refused { #expect(!TypedDecoding.isPlainQuantity(text), "\(text)") }
    }
}
