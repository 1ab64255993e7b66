import KubeJSON
import LocalCluster
import Testing

/// Protobuf request bodies through the API server.
@Suite("Protobuf request bodies in the API server")
struct ProtobufAPIServerTests {
    static func post(_ server: APIServer, _ target: String, _ body: [UInt8]) async -> (status: Int, body: JSONValue) {
        let response = await server.handle(
            APIRequest(
                method: "POST",
                target: target,
                headers: [
                    ("Content-Type", "application/vnd.kubernetes.protobuf"),
                    ("Accept", "application/vnd.kubernetes.protobuf,application/json"),
                ],
                body: body
            )
        )
        let bytes = response.bodyBytes ?? []
        return (response.status, (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
    }

    @Test("kubectl create bodies create their objects")
    func recordedCreates() async {
        let server = await APIServerTests.server()
        let namespace = await Self.post(server, "/api/v1/namespaces", ProtobufRecordingTests.createNamespace)
        #expect(namespace.status == 201)
        #expect(namespace.body["metadata"]?["name"] == "demo")
        let secret = await Self.post(server, "/api/v1/namespaces/default/secrets", ProtobufRecordingTests.createSecret)
        #expect(secret.status == 201)
        #expect(secret.body["data"]?["a"] == "Yg==")
        let configMapBody = ProtobufTestWriter.object("v1", "ConfigMap") {
            $0.message(1) { $0.string(1, "c") }
            $0.entry(2, "a", "b")
        }
        let configMap = await Self.post(server, "/api/v1/namespaces/default/configmaps", configMapBody)
        #expect(configMap.status == 201)
        #expect(configMap.body["data"] == ["a": "b"])
        let deployment = await Self.post(
            server,
            "/apis/apps/v1/namespaces/default/deployments",
            ProtobufRecordingTests.createDeployment
        )
        #expect(deployment.status == 201)
        #expect(deployment.body["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx")
        let job = await Self.post(server, "/apis/batch/v1/namespaces/default/jobs", ProtobufRecordingTests.createJob)
        #expect(job.status == 201)
        #expect(job.body["spec"]?["template"]?["spec"]?["restartPolicy"] == "Never")
    }

    @Test("malformed protobuf is 400, an unknown kind is 415")
    func errors() async {
        let server = await APIServerTests.server()
        var truncated = ProtobufRecordingTests.createNamespace
        truncated.removeLast(10)
        let bad = await Self.post(server, "/api/v1/namespaces", truncated)
        #expect(bad.status == 400)
        #expect(bad.body["reason"] == "BadRequest")
        let noMagic = await Self.post(server, "/api/v1/namespaces", Array(#"{"kind":"Namespace"}"#.utf8))
        #expect(noMagic.status == 400)
        let widget = ProtobufTestWriter.object("example.com/v1", "Widget") { $0.message(1) { $0.string(1, "w") } }
        let unknown = await Self.post(server, "/api/v1/namespaces", widget)
        #expect(unknown.status == 415)
        #expect(unknown.body["reason"] == "UnsupportedMediaType")
    }
}
