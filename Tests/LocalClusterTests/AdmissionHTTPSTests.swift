import Hummingbird
import HummingbirdTLS
import KubeClient
import KubeJSON
import KubeModel
import LocalCluster
import NIOCore
import NIOSSL
import Synchronization
import Testing

/// The HTTPS webhook client against a real Hummingbird HTTPS webhook on 127.0.0.1, and the whole path
/// through `APIServer.handle`.
@Suite struct AdmissionHTTPSTests {
    typealias F = AdmissionFixtures

    /// The test webhook: adds `admitted: "true"` to pods, denies ConfigMaps named `forbidden`.
    static func answer(_ body: [UInt8]) -> JSONValue {
        let review = (try? JSONValue(parsing: body)) ?? .null
        let request = review["request"]
        if request?["kind"]?["kind"] == "ConfigMap" && request?["name"] == "forbidden" {
            return FakeAdmissionTransport.deny(review, message: "the name forbidden is forbidden")
        }
        if request?["kind"]?["kind"] == "Pod" {
            let patch: JSONValue = [["op": "add", "path": "/metadata/labels", "value": ["admitted": "true"]]]
            return FakeAdmissionTransport.allow(review, patch: patch)
        }
        return FakeAdmissionTransport.allow(review)
    }

    /// Runs `body` with a webhook serving on a free port of 127.0.0.1 with a certificate for `hosts`,
    /// passing the port and the base64 CA bundle.
    static func withWebhook(
        hosts: [String],
        handshakes: HandshakeCounter? = nil,
        _ body: @Sendable (_ port: Int, _ caBundle: String) async throws -> Void
    ) async throws {
        try await StoreTestSupport.withTemporaryDirectory { path in
            let certificates = try ServingCertificates.loadOrCreate(in: try DataDirectory(path: path), hosts: hosts)
            var tls = try TLSConfiguration.makeServerConfiguration(
                certificateChain: [.certificate(NIOSSLCertificate(bytes: Array(certificates.certificatePEM.utf8), format: .pem))],
                privateKey: .privateKey(NIOSSLPrivateKey(bytes: Array(certificates.privateKeyPEM.utf8), format: .pem))
            )
            if let handshakes {
                tls.sslContextCallback = { _, promise in
                    handshakes.count.add(1, ordering: .relaxed)
                    promise.succeed(NIOSSLContextConfigurationOverride())
                }
            }
            let responder = CallbackResponder<BasicRequestContext> { request, _ in
                var request = request
                let bytes = try await request.collectBody(upTo: 1 << 20)
                let answer = Self.answer(Array(buffer: bytes))
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.serialized()))
                )
            }
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let application = Application(
                responder: responder,
                server: try .tls(.http1(), tlsConfiguration: tls),
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }
            )
            let caBundle = Base64.encode(Array(certificates.caCertificatePEM.utf8))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.runService() }
                var iterator = ports.makeAsyncIterator()
                let port = await iterator.next() ?? 0
                defer { group.cancelAll() }
                try await body(port, caBundle)
            }
        }
    }

    /// The certificate carries names only: NIOSSL also accepts a certificate for the connected IP address,
    /// which would hide a name mismatch.
    @Test func clientVerifiesTheServerAndPosts() async throws {
        try await Self.withWebhook(hosts: ["localhost", "hooks.default.svc"]) { port, caBundle in
            let transport = HTTPSAdmissionWebhookTransport()
            let review: JSONValue = ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["uid": "u", "kind": ["kind": "Secret"]]]
            let byURL = try Self.endpoint(port: port, caBundle: caBundle)
            let answer = try await transport.post(review.serialized(), to: byURL)
            #expect(answer.status == 200)
            #expect(try JSONValue(parsing: answer.body)["response"]?["allowed"] == true)

            var service = F.webhook("w", extra: ["clientConfig": ["caBundle": .string(caBundle)]])
            service.service = ["namespace": "default", "name": "hooks", "port": .int(Int64(port)), "path": "/mutate"]
            let byService = try AdmissionWebhookEndpoint.resolve(service) { _, _ in "127.0.0.1" }
            #expect(try await transport.post(review.serialized(), to: byService).status == 200)

            // A certificate not valid for the service's name, or no trust in its CA, fails the call.
            var wrongName = service
            wrongName.service = ["namespace": "other", "name": "hooks", "port": .int(Int64(port))]
            let misnamed = try AdmissionWebhookEndpoint.resolve(wrongName) { _, _ in "127.0.0.1" }
            await #expect(throws: AdmissionWebhookError.self) { try await transport.post(review.serialized(), to: misnamed) }
            let untrusted = try await Self.endpoint(port: port, caBundle: Self.otherCABundle())
            await #expect(throws: AdmissionWebhookError.self) { try await transport.post(review.serialized(), to: untrusted) }
        }
    }

    /// The `/validate` endpoint of the test webhook on `port`, by URL, trusting `caBundle`.
    static func endpoint(port: Int, caBundle: String) throws -> AdmissionWebhookEndpoint {
        try AdmissionWebhookEndpoint.resolve(
            F.webhook("w", extra: ["clientConfig": ["url": .string("https://localhost:\(port)/validate"), "caBundle": .string(caBundle)]])
        ) { _, _ in "" }
    }

    /// The base64 bundle of a CA that did not sign the test webhook's certificate.
    static func otherCABundle() async throws -> String {
        try await StoreTestSupport.withTemporaryDirectory { other in
            Base64.encode(Array(try ServingCertificates.loadOrCreate(in: try DataDirectory(path: other)).caCertificatePEM.utf8))
        }
    }

    /// Counts the TLS handshakes a test webhook serves.
    final class HandshakeCounter: Sendable {
        let count = Atomic<Int>(0)
    }

    /// Reviews to one endpoint share a kept-alive connection, as kube-apiserver's do, instead of a TLS handshake
    /// each; a review to an endpoint that trusts another CA does not get that connection.
    @Test func reviewsReuseTheWebhooksConnection() async throws {
        let handshakes = HandshakeCounter()
        try await Self.withWebhook(hosts: ["localhost"], handshakes: handshakes) { port, caBundle in
            let transport = HTTPSAdmissionWebhookTransport()
            let review: JSONValue = ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["uid": "u", "kind": ["kind": "Secret"]]]
            let endpoint = try Self.endpoint(port: port, caBundle: caBundle)
            for _ in 0..<5 {
                let answer = try await transport.post(review.serialized(), to: endpoint)
                #expect(try JSONValue(parsing: answer.body)["response"]?["allowed"] == true)
            }
            #expect(handshakes.count.load(ordering: .relaxed) == 1)
            let untrusted = try await Self.endpoint(port: port, caBundle: Self.otherCABundle())
            await #expect(throws: AdmissionWebhookError.self) { try await transport.post(review.serialized(), to: untrusted) }
            #expect(try await transport.post(review.serialized(), to: endpoint).status == 200)
        }
    }

    /// A burst of concurrent reviews shares at most `connectionsPerEndpoint` connections: the reviews past the
    /// limit wait for a connection instead of opening (and then closing) one each.
    @Test func concurrentReviewsShareLimitedConnections() async throws {
        let handshakes = HandshakeCounter()
        try await Self.withWebhook(hosts: ["localhost"], handshakes: handshakes) { port, caBundle in
            let transport = HTTPSAdmissionWebhookTransport(connectionsPerEndpoint: 3)
            let review: JSONValue = ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["uid": "u", "kind": ["kind": "Secret"]]]
            let endpoint = try Self.endpoint(port: port, caBundle: caBundle)
            for _ in 0..<2 {
                let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<40 {
                        group.addTask {
                            let answer = try await transport.post(review.serialized(), to: endpoint)
                            return try JSONValue(parsing: answer.body)["response"]?["allowed"] == true
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(allowed == 40)
            }
            #expect(handshakes.count.load(ordering: .relaxed) <= 3)
        }
    }

    /// KubeClient's transport against the same server: a burst of requests opens at most `connectionsPerHost`
    /// connections (TLS handshakes), and `tlsServerName` names the certificate when the URL is an address.
    @Test func kubeTransportSharesLimitedConnections() async throws {
        let handshakes = HandshakeCounter()
        try await Self.withWebhook(hosts: ["localhost"], handshakes: handshakes) { port, caBundle in
            var configuration = ClientConfiguration(server: "https://127.0.0.1:\(port)")
            configuration.certificateAuthorityPEM = Base64.decode(caBundle)
            configuration.connectionsPerHost = 3
            // The certificate names localhost only: by address alone the server is not verified.
            let byAddress = try HTTPSKubeTransport(configuration: configuration)
            let review: JSONValue = ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["uid": "u", "kind": ["kind": "Secret"]]]
            let request = KubeTransportRequest(method: "POST", path: "/validate", query: [], headers: [], body: review.serialized())
            await #expect(throws: (any Error).self) { try await byAddress.send(request, timeout: .seconds(5)) }
            await byAddress.shutdown()
            let before = handshakes.count.load(ordering: .relaxed)

            configuration.tlsServerName = "localhost"
            let transport = try HTTPSKubeTransport(configuration: configuration)
            for _ in 0..<2 {
                let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<40 {
                        group.addTask {
                            let answer = try await transport.send(request, timeout: .seconds(10))
                            return try answer.code == 200 && JSONValue(parsing: answer.body)["response"]?["allowed"] == true
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(allowed == 40)
            }
            #expect(handshakes.count.load(ordering: .relaxed) - before <= 3)
            await transport.shutdown()
        }
    }

    @Test func unreachableWebhookHonoursFailurePolicy() async throws {
        let server = APIServer(store: ObjectStore())
        await server.bootstrap()
        // Port 1 on loopback: nothing listens there.
        let configuration: JSONValue = [
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
            "metadata": ["name": "down"],
            "webhooks": [
                F.webhook("down.example.com", rules: [F.rule(resources: ["configmaps"])], extra: [
                    "clientConfig": ["url": "https://127.0.0.1:1/validate"], "failurePolicy": "Fail", "timeoutSeconds": 2,
                ]).json
            ],
        ]
        #expect(await APIServerTests.send(server, "POST", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", configuration).status == 201)
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a"]]
        let rejected = await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/configmaps", configMap)
        #expect(rejected.status == 500)
        let message = rejected.body["message"]?.stringValue ?? ""
        #expect(message.hasPrefix(#"Internal error occurred: failed calling webhook "down.example.com": failed to call webhook: Post "https://127.0.0.1:1/validate?timeout=2s": "#))

        let replaced = await APIServerTests.send(
            server, "PATCH", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/down",
            [["op": "replace", "path": "/webhooks/0/failurePolicy", "value": "Ignore"]],
            contentType: "application/json-patch+json"
        )
        #expect(replaced.status == 200)
        #expect(await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/configmaps", configMap).status == 201)
    }

    @Test func endToEndThroughTheAPIServer() async throws {
        try await Self.withWebhook(hosts: ["127.0.0.1", "hooks.default.svc"]) { port, caBundle in
            let server = APIServer(store: ObjectStore())
            await server.bootstrap()
            let mutating: JSONValue = [
                "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
                "metadata": ["name": "label-pods"],
                "webhooks": [
                    F.webhook("label.example.com", rules: [F.rule(operations: ["CREATE"], groups: [""], versions: ["v1"], resources: ["pods"])], extra: [
                        "clientConfig": [
                            "service": ["namespace": "default", "name": "hooks", "port": .int(Int64(port)), "path": "/mutate"],
                            "caBundle": .string(caBundle),
                        ]
                    ]).json
                ],
            ]
            let validating: JSONValue = [
                "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
                "metadata": ["name": "configmaps"],
                "webhooks": [
                    F.webhook("deny.example.com", rules: [F.rule(groups: [""], resources: ["configmaps"])], extra: [
                        "clientConfig": ["url": .string("https://127.0.0.1:\(port)/validate"), "caBundle": .string(caBundle)]
                    ]).json
                ],
            ]
            #expect(await APIServerTests.send(server, "POST", "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", mutating).status == 201)
            #expect(await APIServerTests.send(server, "POST", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", validating).status == 201)

            let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["containers": [["name": "c", "image": "nginx"]]]]
            let created = await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/pods", pod)
            #expect(created.status == 201)
            #expect(created.body["metadata"]?["labels"]?["admitted"] == "true")

            let denied = await APIServerTests.send(
                server, "POST", "/api/v1/namespaces/default/configmaps",
                ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "forbidden"]]
            )
            #expect(denied.status == 403)
            #expect(denied.body["message"] == #"admission webhook "deny.example.com" denied the request: the name forbidden is forbidden"#)
            let allowed = await APIServerTests.send(
                server, "POST", "/api/v1/namespaces/default/configmaps",
                ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "fine"]]
            )
            #expect(allowed.status == 201)
        }
    }
}
