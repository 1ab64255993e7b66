import Foundation
import KubeJSON
import KubeModel
import Testing

/// Real manifests (the recorded kubectl fixtures and OpenKruise examples) go YAML → JSONValue → typed model →
/// JSON bytes and back with no field lost.
@Suite struct ManifestRoundTripTests {
    static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("KubeJSONTests/Fixtures")

    static func documents() throws -> [(file: String, document: JSONValue)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
        return try files.flatMap { file in
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
            return try YAMLReader().readAll(text).map { (file, $0) }
        }
    }

    /// Decodes with the typed model for the document's kind (any object for kinds without one), changes one
    /// typed field, encodes, and expects exactly the original plus that change.
    @Test func everyFixtureSurvivesATypedEdit() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 10)
        for (file, document) in documents {
            let edited = try Self.typedEdit(document)
            var expected = document
            expected["metadata"]!["labels"] = .object(
                JSONObject(
                    (document["metadata"]?["labels"]?.objectValue?.members.map { ($0.key, $0.value) } ?? [])
                        + [("swiftkruise.test/edited", "true")]
                )
            )
            let reparsed = try JSONValue(parsing: edited)
            #expect(reparsed == expected, "\(file): \(TypeMeta(of: document).kind)")
            // Key order survives too.
            #expect(reparsed.objectValue?.keys == expected.objectValue?.keys, "\(file)")
        }
    }

    static func typedEdit(_ document: JSONValue) throws -> [UInt8] {
        func edit<Object: KubeObject>(_ type: Object.Type) throws -> [UInt8] {
            var object = try Object.decode(document)
            object.metadata.labels["swiftkruise.test/edited"] = "true"
            return object.encoded()
        }
        switch TypeMeta(of: document).kind {
        case "Deployment": return try edit(Deployment.self)
        case "ConfigMap": return try edit(ConfigMap.self)
        case "CustomResourceDefinition": return try edit(CustomResourceDefinition.self)
        default: return try edit(UnstructuredObject.self)
        }
    }

    @Test func typedReadsOfTheFixtures() throws {
        let documents = try Self.documents().map(\.document)
        let deployment = try Deployment.decode(try #require(documents.first { $0["kind"] == "Deployment" }))
        #expect(deployment.spec.replicas == 2)
        #expect(deployment.spec.template.spec.containers.first?.ports.first?.containerPort == 80)
        #expect(deployment.spec.selector?.matchLabels == ["app": "web"])

        let crd = try CustomResourceDefinition.decode(try #require(documents.first { $0["kind"] == "CustomResourceDefinition" }))
        #expect(crd.spec.names.plural == "clonesets")
        #expect(crd.spec.names.shortNames == ["clone"])
        #expect(crd.spec.versions.first?.hasStatusSubresource == true)
        #expect(crd.spec.versions.first?.scaleSubresource?["labelSelectorPath"] == ".status.labelSelector")

        let configMap = try ConfigMap.decode(try #require(documents.first { $0["kind"] == "ConfigMap" }))
        #expect(configMap.metadata.finalizers == ["example.com/hold"])
        #expect(configMap.data == ["a": "b"])
    }

    @Test func kruiseExamplesKeepTheirScalarTypes() throws {
        let documents = try Self.documents().filter { $0.file == "kruise-examples.yaml" }.map(\.document)
        #expect(documents.map { $0["kind"]?.stringValue ?? "" } == [
            "CloneSet", "WorkloadSpread", "ImagePullJob", "StatefulSet", "PodUnavailableBudget", "AdvancedCronJob",
        ])
        let cloneSet = documents[0]
        #expect(cloneSet["metadata"]?["annotations"]?["note"] == "yes")
        #expect(cloneSet["metadata"]?["annotations"]?["rollout.note"] == "on")
        #expect(cloneSet["spec"]?["updateStrategy"]?["partition"] == "99%")
        #expect(cloneSet["spec"]?["updateStrategy"]?["maxUnavailable"] == "50%")
        #expect(cloneSet["spec"]?["updateStrategy"]?["maxSurge"] == 1)
        #expect(cloneSet["spec"]?["scaleStrategy"]?["disablePVCReuse"] == false)
        // The alias repeats the anchored selector labels in the template.
        #expect(cloneSet["spec"]?["template"]?["metadata"]?["labels"] == ["app": "sample"])
        #expect(cloneSet["spec"]?["template"]?["spec"]?["containers"]?[0]?["env"]?[1]?["value"] == "true")
        #expect(cloneSet["spec"]?["template"]?["spec"]?["containers"]?[0]?["resources"]?["limits"]?["cpu"] == "1")
        let statefulSet = documents[3]
        #expect(statefulSet["spec"]?["reserveOrdinals"] == [1, 3])
        let cronJob = documents[5]
        #expect(cronJob["spec"]?["schedule"] == "*/1 * * * *")
        #expect(cronJob["spec"]?["startingDeadlineSeconds"] == 16)  // YAML 1.1 hex, as kubectl reads it
    }
}
