import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// Which webhooks apply to which requests: rules, scopes, subresources, selectors, match policy.
@Suite struct AdmissionMatcherTests {
    typealias F = AdmissionFixtures

    static func matches(_ webhook: Webhook, _ attributes: AdmissionAttributes, namespaceLabels: [String: String]? = [:]) -> Bool {
        AdmissionWebhookMatcher(namespaceLabels: namespaceLabels).matchedVersion(of: webhook, for: attributes) != nil
    }

    @Test(arguments: [
        // (rule resources, request resource, subresource, expected)
        (["pods"], "pods", "", true),
        (["pods"], "pods", "status", false),
        (["*"], "pods", "", true),
        (["*"], "pods", "eviction", false),
        (["*/*"], "pods", "eviction", true),
        (["pods/*"], "pods", "eviction", true),
        (["pods/*"], "pods", "", true),
        (["pods/eviction"], "pods", "eviction", true),
        (["pods/eviction"], "pods", "", false),
        (["pods/eviction"], "pods", "status", false),
        (["*/scale"], "deployments", "scale", true),
        (["*/scale"], "deployments", "", false),
        (["configmaps"], "pods", "", false),
    ])
    func resources(rule: [String], resource: String, subresource: String, expected: Bool) {
        let webhook = F.webhook("w", rules: [F.rule(resources: rule.map { .string($0) })])
        #expect(Self.matches(webhook, F.attributes(resource: resource, subresource: subresource)) == expected)
    }

    @Test(arguments: [
        (["CREATE"], AdmissionOperation.create, true),
        (["CREATE"], .update, false),
        (["UPDATE", "DELETE"], .delete, true),
        (["*"], .connect, true),
        (["CONNECT"], .create, false),
    ])
    func operations(rule: [String], operation: AdmissionOperation, expected: Bool) {
        let webhook = F.webhook("w", rules: [F.rule(operations: rule.map { .string($0) })])
        #expect(Self.matches(webhook, F.attributes(operation)) == expected)
    }

    @Test func groupsAndVersions() {
        let apps = F.webhook("w", rules: [F.rule(groups: ["apps"], versions: ["v1"], resources: ["deployments"])])
        #expect(Self.matches(apps, F.attributes(group: "apps", resource: "deployments", kind: "Deployment")))
        #expect(!Self.matches(apps, F.attributes(group: "batch", resource: "deployments", kind: "Deployment")))
        #expect(!Self.matches(apps, F.attributes(group: "apps", version: "v2", resource: "deployments", kind: "Deployment")))
        let core = F.webhook("w", rules: [F.rule(groups: [""], resources: ["pods"])])
        #expect(Self.matches(core, F.attributes()))
    }

    @Test(arguments: [
        ("Namespaced", "pods", "default", true),
        ("Namespaced", "nodes", "", false),
        ("Namespaced", "namespaces", "team", false),
        ("Cluster", "nodes", "", true),
        ("Cluster", "namespaces", "team", true),
        ("Cluster", "pods", "default", false),
        ("*", "pods", "default", true),
        ("*", "nodes", "", true),
    ])
    func scopes(scope: String, resource: String, namespace: String, expected: Bool) {
        let webhook = F.webhook("w", rules: [F.rule(scope: scope)])
        #expect(Self.matches(webhook, F.attributes(resource: resource, namespace: namespace)) == expected)
    }

    @Test func namespaceSelector() {
        let webhook = F.webhook("w", extra: ["namespaceSelector": ["matchLabels": ["env": "prod"]]])
        #expect(Self.matches(webhook, F.attributes(), namespaceLabels: ["env": "prod"]))
        #expect(!Self.matches(webhook, F.attributes(), namespaceLabels: ["env": "dev"]))
        #expect(!Self.matches(webhook, F.attributes(), namespaceLabels: nil))
        // Cluster-scoped objects always match, except Namespaces, which are matched by their own labels.
        #expect(Self.matches(webhook, F.attributes(resource: "nodes", kind: "Node", namespace: ""), namespaceLabels: nil))
        let namespace = F.attributes(resource: "namespaces", kind: "Namespace", namespace: "team", name: "team", labels: ["env": "prod"])
        #expect(Self.matches(webhook, namespace, namespaceLabels: nil))
        let other = F.attributes(resource: "namespaces", kind: "Namespace", namespace: "team", name: "team", labels: ["env": "dev"])
        #expect(!Self.matches(webhook, other, namespaceLabels: nil))
        let deleted = F.attributes(.delete, resource: "namespaces", kind: "Namespace", namespace: "team", name: "team", oldLabels: ["env": "prod"])
        #expect(Self.matches(webhook, deleted, namespaceLabels: nil))
    }

    @Test func objectSelector() {
        let webhook = F.webhook(
            "w",
            extra: ["objectSelector": ["matchExpressions": [["key": "app", "operator": "In", "values": ["web"]]]]]
        )
        #expect(Self.matches(webhook, F.attributes(labels: ["app": "web"])))
        #expect(!Self.matches(webhook, F.attributes(labels: ["app": "db"])))
        // On UPDATE either the old or the new object may match.
        #expect(Self.matches(webhook, F.attributes(.update, labels: ["app": "db"], oldLabels: ["app": "web"])))
        #expect(Self.matches(webhook, F.attributes(.delete, oldLabels: ["app": "web"])))
        #expect(!Self.matches(webhook, F.attributes(.delete, oldLabels: [:])))
    }

    @Test func matchPolicy() {
        let rules = [F.rule(groups: ["example.com"], versions: ["v1"], resources: ["widgets"])]
        let request = F.attributes(group: "example.com", version: "v1beta1", resource: "widgets", kind: "Widget", equivalentVersions: ["v1", "v1beta1"])
        let equivalent = F.webhook("w", rules: rules)
        #expect(AdmissionWebhookMatcher(namespaceLabels: [:]).matchedVersion(of: equivalent, for: request) == "v1")
        let exact = F.webhook("w", rules: rules, extra: ["matchPolicy": "Exact"])
        #expect(!Self.matches(exact, request))
    }

    @Test func orderAndExemptions() {
        let matcher = AdmissionWebhookMatcher(namespaceLabels: [:])
        let configurations = [
            AdmissionWebhookConfiguration(name: "b-config", webhooks: [F.webhook("b1"), F.webhook("b2")]),
            AdmissionWebhookConfiguration(name: "a-config", webhooks: [F.webhook("a2"), F.webhook("a1")]),
        ]
        let names = matcher.matchingWebhooks(in: configurations, for: F.attributes()).map(\.webhook.name)
        #expect(names == ["a2", "a1", "b1", "b2"])
        let own = F.attributes(group: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations", kind: "ValidatingWebhookConfiguration", namespace: "")
        #expect(matcher.matchingWebhooks(in: configurations, for: own).isEmpty)
    }

    @Test func reviewRequest() throws {
        var attributes = F.attributes(.update, group: "apps", resource: "deployments", subresource: "status", kind: "Deployment", name: "web", oldLabels: [:])
        attributes.options = ["apiVersion": "meta.k8s.io/v1", "kind": "UpdateOptions"]
        let review = AdmissionReview.request(uid: "u-1", attributes: attributes, version: "v1")
        #expect(review["apiVersion"] == "admission.k8s.io/v1")
        #expect(review["kind"] == "AdmissionReview")
        let request = try #require(review["request"])
        #expect(request["uid"] == "u-1")
        #expect(request["kind"] == ["group": "apps", "version": "v1", "kind": "Deployment"])
        #expect(request["resource"] == ["group": "apps", "version": "v1", "resource": "deployments"])
        #expect(request["subResource"] == "status")
        #expect(request["requestResource"] == ["group": "apps", "version": "v1", "resource": "deployments"])
        #expect(request["name"] == "web")
        #expect(request["namespace"] == "default")
        #expect(request["operation"] == "UPDATE")
        #expect(request["userInfo"] == ["username": "kruise-local-admin", "groups": ["system:masters", "system:authenticated"]])
        #expect(request["object"]?["metadata"]?["name"] == "web")
        #expect(request["oldObject"]?["kind"] == "Deployment")
        #expect(request["dryRun"] == false)
        #expect(request["options"]?["kind"] == "UpdateOptions")
    }

    @Test func endpoints() throws {
        let byURL = try AdmissionWebhookEndpoint.resolve(F.webhook("w", extra: ["timeoutSeconds": 3])) { _, _ in "unused" }
        #expect(byURL.host == "hooks.test" && byURL.port == 443 && byURL.target == "/w?timeout=3s")
        #expect(byURL.url == "https://hooks.test/w?timeout=3s")
        var service = F.webhook("w")
        service.url = nil
        service.service = ["namespace": "kruise-system", "name": "hooks", "path": "/mutate", "port": 9443]
        let byService = try AdmissionWebhookEndpoint.resolve(service) { namespace, name in
            namespace == "kruise-system" && name == "hooks" ? "127.0.0.2" : "?"
        }
        #expect(byService.host == "127.0.0.2" && byService.port == 9443)
        #expect(byService.serverName == "hooks.kruise-system.svc")
        #expect(byService.target == "/mutate?timeout=10s")
        let ipv6 = try AdmissionWebhookEndpoint.resolve(F.webhook("w", extra: ["clientConfig": ["url": "https://[::1]:8443/v?x=1"]])) { _, _ in "" }
        #expect(ipv6.host == "::1" && ipv6.port == 8443 && ipv6.target == "/v?x=1&timeout=10s")
        #expect(throws: AdmissionWebhookError.self) {
            try AdmissionWebhookEndpoint.resolve(F.webhook("w", extra: ["clientConfig": ["url": "http://x/"]])) { _, _ in "" }
        }
    }
}
