import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// The webhook chain over a fake transport: order, reinvocation, patches, denials, failure policy, dry run.
@Suite struct AdmissionControllerTests {
    typealias F = AdmissionFixtures

    static func run(
        _ transport: FakeAdmissionTransport,
        mutating: [(name: String, webhooks: [Webhook])] = [],
        validating: [(name: String, webhooks: [Webhook])] = [],
        attributes: AdmissionAttributes = F.attributes()
    ) async throws(APIStatus) -> AdmissionOutcome {
        try await AdmissionController(transport: transport).admit(
            attributes,
            mutating: mutating.map { AdmissionWebhookConfiguration(name: $0.name, webhooks: $0.webhooks) },
            validating: validating.map { AdmissionWebhookConfiguration(name: $0.name, webhooks: $0.webhooks) },
            matcher: AdmissionWebhookMatcher(namespaceLabels: [:]),
            serviceAddress: { _, _ in "127.0.0.1" },
            revalidate: { $0 }
        )
    }

    static func webhookName(_ endpoint: AdmissionWebhookEndpoint) -> String {
        String(endpoint.target.dropFirst().prefix { $0 != "?" })
    }

    @Test func mutatingInOrderThenValidating() async throws {
        let transport = FakeAdmissionTransport { endpoint, review throws(AdmissionWebhookError) in
            let name = Self.webhookName(endpoint)
            if name.hasPrefix("v") { return (200, FakeAdmissionTransport.allow(review)) }
            let patch: JSONValue = [["op": "add", "path": .string("/metadata/labels/\(name)"), "value": "yes"]]
            return (200, FakeAdmissionTransport.allow(review, patch: patch))
        }
        let outcome = try await Self.run(
            transport,
            mutating: [("z", [F.webhook("m3")]), ("a", [F.webhook("m1"), F.webhook("m2")])],
            validating: [("v", [F.webhook("v1")])]
        )
        #expect(transport.calls.map { $0.url } == ["m1", "m2", "m3", "v1"].map { "https://hooks.test/\($0)?timeout=10s" })
        #expect(outcome.object?["metadata"]?["labels"] == ["m1": "yes", "m2": "yes", "m3": "yes"])
        // The validating webhook saw the mutated object.
        #expect(transport.calls.last?.review["request"]?["object"]?["metadata"]?["labels"]?["m3"] == "yes")
    }

    @Test func reinvocationIfNeeded() async throws {
        let transport = FakeAdmissionTransport { endpoint, review throws(AdmissionWebhookError) in
            let name = Self.webhookName(endpoint)
            let labels = review["request"]?["object"]?["metadata"]?["labels"]
            // "late" changes the object once; "early" and "never" change nothing.
            if name == "late" && labels?["late"] == nil {
                return (200, FakeAdmissionTransport.allow(review, patch: [["op": "add", "path": "/metadata/labels/late", "value": "1"]]))
            }
            return (200, FakeAdmissionTransport.allow(review))
        }
        _ = try await Self.run(
            transport,
            mutating: [(
                "c",
                [
                    F.webhook("early", extra: ["reinvocationPolicy": "IfNeeded"]),
                    F.webhook("never"),
                    F.webhook("late", extra: ["reinvocationPolicy": "IfNeeded"]),
                ]
            )]
        )
        let order = transport.calls.map { $0.url.split(separator: "/").last.map { String($0.prefix { $0 != "?" }) } ?? "" }
        #expect(order == ["early", "never", "late", "early"])
        #expect(transport.calls.last?.review["request"]?["object"]?["metadata"]?["labels"]?["late"] == "1")
    }

    @Test func denialUsesMessageAndCode() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            (200, FakeAdmissionTransport.deny(review, message: "no pods today"))
        }
        let error = await #expect(throws: APIStatus.self) {
            try await Self.run(transport, validating: [("v", [F.webhook("deny.example.com")])])
        }
        #expect(error?.httpStatus == 403)
        #expect(error?.message == #"admission webhook "deny.example.com" denied the request: no pods today"#)
        let coded = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            (200, FakeAdmissionTransport.deny(review, message: "slow down", code: 429))
        }
        let codedError = await #expect(throws: APIStatus.self) {
            try await Self.run(coded, mutating: [("m", [F.webhook("m.example.com")])])
        }
        #expect(codedError?.httpStatus == 429)
    }

    @Test func failurePolicy() async throws {
        let down = FakeAdmissionTransport { endpoint, _ throws(AdmissionWebhookError) in
            throw AdmissionWebhookError("failed to call webhook: Post \"\(endpoint.url)\": connect: connection refused")
        }
        let ignored = try await Self.run(down, validating: [("v", [F.webhook("w", extra: ["failurePolicy": "Ignore"])])])
        #expect(ignored.object != nil)
        let error = await #expect(throws: APIStatus.self) {
            try await Self.run(down, validating: [("v", [F.webhook("w", extra: ["failurePolicy": "Fail"])])])
        }
        #expect(error?.httpStatus == 500)
        #expect(
            error?.message
                == #"Internal error occurred: failed calling webhook "w": failed to call webhook: Post "https://hooks.test/w?timeout=10s": connect: connection refused"#
        )
        // A wrong uid in the answer is a failed call too.
        let wrongUID = FakeAdmissionTransport { _, _ throws(AdmissionWebhookError) in
            (200, ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": ["uid": "other", "allowed": true]])
        }
        let uidError = await #expect(throws: APIStatus.self) {
            try await Self.run(wrongUID, validating: [("v", [F.webhook("w")])])
        }
        #expect(uidError?.message.contains(#"failed calling webhook "w": expected response.uid="#) == true)
    }

    @Test func dryRunNeedsSideEffectsNone() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in (200, FakeAdmissionTransport.allow(review)) }
        let error = await #expect(throws: APIStatus.self) {
            try await Self.run(
                transport,
                validating: [("v", [F.webhook("w", extra: ["sideEffects": "Some"])])],
                attributes: F.attributes(dryRun: true)
            )
        }
        #expect(error?.httpStatus == 400)
        #expect(error?.message == #"admission webhook "w" does not support dry run"#)
        #expect(transport.calls.isEmpty)
        _ = try await Self.run(
            transport,
            validating: [("v", [F.webhook("w", extra: ["sideEffects": "NoneOnDryRun"])])],
            attributes: F.attributes(dryRun: true)
        )
        #expect(transport.calls.first?.review["request"]?["dryRun"] == true)
    }

    @Test func validatingWebhookMayNotPatch() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            (200, FakeAdmissionTransport.allow(review, patch: [["op": "remove", "path": "/metadata"]]))
        }
        let error = await #expect(throws: APIStatus.self) {
            try await Self.run(transport, validating: [("v", [F.webhook("w")])])
        }
        #expect(error?.httpStatus == 500)
    }

    /// Through `APIServer.handle`: configurations are read from the store at request time.
    @Test func wiredIntoTheAPIServer() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            let request = review["request"]
            if request?["kind"]?["kind"] == "ConfigMap" && request?["name"] == "forbidden" {
                return (200, FakeAdmissionTransport.deny(review, message: "forbidden name"))
            }
            if request?["kind"]?["kind"] == "Pod" && request?["operation"] == "CREATE" {
                return (200, FakeAdmissionTransport.allow(review, patch: [["op": "add", "path": "/metadata/labels", "value": ["admitted": "true"]]]))
            }
            return (200, FakeAdmissionTransport.allow(review))
        }
        let server = APIServer(store: ObjectStore(), admissionTransport: transport)
        await server.bootstrap()
        let mutating: JSONValue = [
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
            "metadata": ["name": "pods"],
            "webhooks": [F.webhook("label.example.com", rules: [F.rule(operations: ["CREATE"], groups: [""], versions: ["v1"], resources: ["pods"])]).json],
        ]
        let validating: JSONValue = [
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
            "metadata": ["name": "configmaps"],
            "webhooks": [F.webhook("deny.example.com", rules: [F.rule(groups: [""], resources: ["configmaps", "pods/eviction"])]).json],
        ]
        #expect(await APIServerTests.send(server, "POST", "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", mutating).status == 201)
        #expect(await APIServerTests.send(server, "POST", "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", validating).status == 201)
        #expect(transport.calls.isEmpty)

        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["containers": [["name": "c", "image": "nginx"]]]]
        let created = await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/pods", pod)
        #expect(created.status == 201)
        #expect(created.body["metadata"]?["labels"]?["admitted"] == "true")

        let denied = await APIServerTests.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "forbidden"]]
        )
        #expect(denied.status == 403)
        #expect(denied.body["message"] == #"admission webhook "deny.example.com" denied the request: forbidden name"#)
        #expect(server.store.get(ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "forbidden")) == nil)

        let allowed = await APIServerTests.send(
            server, "POST", "/api/v1/namespaces/default/configmaps",
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "fine"]]
        )
        #expect(allowed.status == 201)
        let updated = await APIServerTests.send(
            server, "PATCH", "/api/v1/namespaces/default/configmaps/fine", ["data": ["k": "v"]],
            contentType: "application/merge-patch+json"
        )
        #expect(updated.status == 200)
        #expect(transport.calls.last?.review["request"]?["operation"] == "UPDATE")
        #expect(transport.calls.last?.review["request"]?["oldObject"]?["metadata"]?["name"] == "fine")

        let eviction = await APIServerTests.send(
            server, "POST", "/api/v1/namespaces/default/pods/p/eviction",
            ["apiVersion": "policy/v1", "kind": "Eviction", "metadata": ["name": "p", "namespace": "default"]]
        )
        #expect(eviction.status == 201)
        let evictionReview = transport.calls.first { $0.review["request"]?["subResource"] == "eviction" }?.review["request"]
        #expect(evictionReview?["kind"] == ["group": "policy", "version": "v1", "kind": "Eviction"])
        #expect(evictionReview?["operation"] == "CREATE")

        let deleted = await APIServerTests.send(server, "DELETE", "/api/v1/namespaces/default/configmaps/fine")
        #expect(deleted.status == 200)
        #expect(transport.calls.last?.review["request"]?["operation"] == "DELETE")
        #expect(transport.calls.last?.review["request"]?["object"] == .null)
    }

    /// The parsed configurations are kept between requests; a changed, added or deleted configuration must
    /// be in force for the very next request.
    @Test func configurationChangesApplyToTheNextRequest() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            (200, FakeAdmissionTransport.deny(review, message: "no"))
        }
        let server = APIServer(store: ObjectStore(), admissionTransport: transport)
        await server.bootstrap()
        func configuration(resources: [String]) -> JSONValue {
            [
                "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
                "metadata": ["name": "deny"],
                "webhooks": [F.webhook("deny.example.com", rules: [F.rule(groups: [""], resources: resources.map { .string($0) })]).json],
            ]
        }
        func createConfigMap(_ name: String) async -> Int {
            await APIServerTests.send(
                server, "POST", "/api/v1/namespaces/default/configmaps",
                ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)]]
            ).status
        }
        let path = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"
        #expect(await createConfigMap("before") == 201)
        #expect(await APIServerTests.send(server, "POST", path, configuration(resources: ["configmaps"])).status == 201)
        #expect(await createConfigMap("denied") == 403)
        #expect(await createConfigMap("denied-again") == 403)
        // Rules changed to other resources: config maps pass again.
        var changed = configuration(resources: ["secrets"])
        changed["metadata"]?["resourceVersion"] = await APIServerTests.send(server, "GET", path + "/deny").body["metadata"]?["resourceVersion"]
        #expect(await APIServerTests.send(server, "PUT", path + "/deny", changed).status == 200)
        #expect(await createConfigMap("allowed") == 201)
        // A second configuration that matches: denied again; deleted: allowed.
        var second = configuration(resources: ["configmaps"])
        second["metadata"]?["name"] = "deny-too"
        #expect(await APIServerTests.send(server, "POST", path, second).status == 201)
        #expect(await createConfigMap("denied-by-second") == 403)
        #expect(await APIServerTests.send(server, "DELETE", path + "/deny-too").status == 200)
        #expect(await createConfigMap("allowed-again") == 201)
        #expect(transport.calls.count == 3)
    }
    /// A write no rule covers skips admission; which shapes are covered is remembered per configuration
    /// version, so a rule added for a subresource applies to its very next write.
    @Test func onlyCoveredRequestShapesReachWebhooks() async throws {
        let transport = FakeAdmissionTransport { _, review throws(AdmissionWebhookError) in
            (200, FakeAdmissionTransport.allow(review))
        }
        let server = APIServer(store: ObjectStore(), admissionTransport: transport)
        await server.bootstrap()
        func configuration(_ name: String, resources: [JSONValue]) -> JSONValue {
            [
                "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
                "metadata": ["name": .string(name)],
                "webhooks": [F.webhook("\(name).example.com", rules: [F.rule(operations: ["CREATE", "UPDATE"], groups: [""], resources: resources)]).json],
            ]
        }
        let path = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"
        #expect(await APIServerTests.send(server, "POST", path, configuration("pods", resources: ["pods"])).status == 201)
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["containers": [["name": "c", "image": "nginx"]]]]
        #expect(await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/pods", pod).status == 201)
        #expect(transport.calls.count == 1)
        func patchStatus(_ phase: String) async -> Int {
            await APIServerTests.send(
                server, "PATCH", "/api/v1/namespaces/default/pods/p/status", ["status": ["phase": .string(phase)]],
                contentType: "application/merge-patch+json"
            ).status
        }
        // `pods` does not cover `pods/status`, nor do config maps reach a pod rule.
        #expect(await patchStatus("Running") == 200)
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"]]
        #expect(await APIServerTests.send(server, "POST", "/api/v1/namespaces/default/configmaps", configMap).status == 201)
        #expect(transport.calls.count == 1)
        #expect(await APIServerTests.send(server, "POST", path, configuration("status", resources: ["pods/status"])).status == 201)
        #expect(await patchStatus("Succeeded") == 200)
        #expect(transport.calls.count == 2)
        #expect(transport.calls.last?.review["request"]?["subResource"] == "status")
    }
}
