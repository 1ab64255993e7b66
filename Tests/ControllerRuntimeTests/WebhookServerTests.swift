import LocalClusterTestSupport
import ControllerRuntime
import Foundation
import KubeClient
import KubeJSON
import KubeModel
import KubeTLS
import Testing

@Suite("Webhook server")
struct WebhookServerTests {
    /// Denies config maps labelled `deny=true`, naming the field; adds a label to the others.
    static let handlers: [String: AdmissionHandler] = [
        "/validate-configmap": { request in
            guard let object = request.newObject, object["metadata"]?["labels"]?["deny"]?.stringValue == "true" else {
                return .allow()
            }
            return .deny("metadata.labels.deny: Forbidden: config maps labelled deny are not admitted")
        },
        "/mutate-configmap": { request in
            guard let object = request.newObject, case .object(var map) = object else { return .allow() }
            var metadata = map["metadata"]?.objectValue ?? [:]
            var labels = metadata["labels"]?.objectValue ?? [:]
            labels["mutated"] = "yes"
            metadata["labels"] = .object(labels)
            map["metadata"] = .object(metadata)
            return .patch(from: object, to: .object(map))
        },
    ]

    @Test func admissionThroughTheAPIServerWithCABundleAndRotation() async throws {
        let server = try await TestAPIServer.start()
        let client = try server.client()
        let directory = NSTemporaryDirectoryPath() + "/webhook-certs-\(UInt64.random(in: 0...UInt64.max))"
        let certificates = WebhookCertificateManager(
            options: WebhookCertificateOptions(hosts: ["127.0.0.1"], directory: directory),
            client: client,
            logger: quietLogger()
        )
        let (authority, serving) = try await certificates.ensure()
        // A second look finds the stored certificates current: nothing is reissued.
        #expect(try await certificates.ensure().serving == serving)
        #expect(serving.hosts == ["127.0.0.1"])

        let webhook = WebhookServer(
            dispatcher: AdmissionDispatcher(handlers: Self.handlers),
            identity: serving,
            host: "127.0.0.1",
            port: 0,
            logger: quietLogger()
        )
        let run = Task { try await webhook.run() }
        #expect(await eventually { webhook.listeningPort != nil })
        let port = webhook.listeningPort ?? 0

        func configuration(_ kind: String, path: String) -> JSONValue {
            [
                "apiVersion": "admissionregistration.k8s.io/v1", "kind": .string(kind),
                "metadata": [
                    "name": .string(kind == "ValidatingWebhookConfiguration" ? "kruise-validating-webhook-configuration" : "kruise-mutating-webhook-configuration")
                ],
                "webhooks": [[
                    "name": "configmaps.kruise.io", "admissionReviewVersions": ["v1"], "sideEffects": "None",
                    "failurePolicy": "Fail", "clientConfig": ["url": .string("https://127.0.0.1:\(port)\(path)")],
                    "rules": [["operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["configmaps"]]],
                    "namespaceSelector": ["matchExpressions": [["key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system"]]]],
                ]],
            ]
        }
        _ = try await client.create(try ValidatingWebhookConfiguration.decode(configuration("ValidatingWebhookConfiguration", path: "/validate-configmap")))
        _ = try await client.create(try MutatingWebhookConfiguration.decode(configuration("MutatingWebhookConfiguration", path: "/mutate-configmap")))

        // Without the CA the API server cannot verify the webhook: failurePolicy Fail rejects the write.
        var denied = ConfigMap(metadata: ObjectMeta(name: "denied", namespace: "default"))
        denied.metadata.labels = ["deny": "true"]
        var plain = ConfigMap(metadata: ObjectMeta(name: "plain", namespace: "default"))
        await #expect(throws: KubeAPIError.self) { try await client.create(plain) }

        try await certificates.publishCABundle(authority)
        let validating = try await client.get(ValidatingWebhookConfiguration.self, name: "kruise-validating-webhook-configuration")
        #expect(validating.webhooks.first?.caBundle == Base64.encode(Array(authority.identity.certificatePEM.utf8)))
        // A manager serving through a Service (another CA) leaves the webhooks served by URL alone.
        let elsewhere = WebhookCertificateManager(
            options: WebhookCertificateOptions(
                hosts: ["kruise-webhook-service.kruise-system.svc"], directory: directory + "-service",
                endpoint: .service(namespace: "kruise-system", name: "kruise-webhook-service")),
            client: client,
            logger: quietLogger()
        )
        let (otherAuthority, _) = try await elsewhere.ensure()
        #expect(otherAuthority.identity != authority.identity)
        try await elsewhere.publishCABundle(otherAuthority)
        let untouched = try await client.get(ValidatingWebhookConfiguration.self, name: "kruise-validating-webhook-configuration")
        #expect(untouched.webhooks.first?.caBundle == Base64.encode(Array(authority.identity.certificatePEM.utf8)))

        do {
            _ = try await client.create(denied)
            Issue.record("the validating webhook let a denied config map in")
        } catch {
            #expect(error.code == 403)
            #expect(error.message.contains("metadata.labels.deny: Forbidden"))
        }
        let admitted = try await client.create(plain)
        #expect(admitted.metadata.labels["mutated"] == "yes")

        // Rotation: a new serving certificate is handed to the running server, which keeps serving.
        let rotating = WebhookCertificateManager(
            options: WebhookCertificateOptions(hosts: ["127.0.0.1"], directory: directory, renewBefore: .seconds(400 * 24 * 3600)),
            client: client,
            logger: quietLogger()
        )
        let renewed = try await rotating.ensure()
        #expect(renewed.serving != serving)
        #expect(renewed.authority.identity == authority.identity)
        webhook.rotate(to: renewed.serving)
        plain = ConfigMap(metadata: ObjectMeta(name: "after-rotation", namespace: "default"))
        let afterRotation = try await client.create(plain)
        #expect(afterRotation.metadata.labels["mutated"] == "yes")

        run.cancel()
        _ = try? await run.value
        await client.shutdown()
        await server.stopListening()
    }

    @Test func endpointsMatchTheirOwnWebhooksOnly() {
        let service = WebhookEndpoint.service(namespace: "kruise-system", name: "kruise-webhook-service")
        let url = WebhookEndpoint.url(host: "127.0.0.1")
        let byService: JSONObject = ["service": ["namespace": "kruise-system", "name": "kruise-webhook-service", "path": "/x"]]
        let byURL: JSONObject = ["url": "https://127.0.0.1:9876/x"]
        #expect(service.matches(clientConfig: byService))
        #expect(!service.matches(clientConfig: byURL))
        #expect(!service.matches(clientConfig: ["service": ["namespace": "other", "name": "kruise-webhook-service"]]))
        #expect(url.matches(clientConfig: byURL))
        #expect(!url.matches(clientConfig: byService))
        #expect(!url.matches(clientConfig: ["url": "https://127.0.0.10:9876/x"]))
    }

    @Test func dispatcherAnswersAdmissionReviews() async throws {
        let dispatcher = AdmissionDispatcher(handlers: Self.handlers)
        let review: JSONValue = [
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": [
                "uid": "abc", "operation": "CREATE", "namespace": "default",
                "object": ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"]],
            ],
        ]
        let answer = await dispatcher.respond(path: "/mutate-configmap", body: review.serialized())
        #expect(answer.status == 200)
        let response = try JSONValue(parsing: answer.body)["response"]
        #expect(response?["uid"]?.stringValue == "abc")
        #expect(response?["allowed"] == .bool(true))
        #expect(response?["patchType"]?.stringValue == "JSONPatch")
        let patch = try JSONValue(parsing: Base64.decode(response?["patch"]?.stringValue ?? "") ?? [])
        #expect(patch == [["op": "add", "path": "/metadata/labels", "value": ["mutated": "yes"]]])
        #expect(await dispatcher.respond(path: "/nowhere", body: review.serialized()).status == 404)
        #expect(await dispatcher.respond(path: "/mutate-configmap", body: Array("{".utf8)).status == 400)
    }
}
