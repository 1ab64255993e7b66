import ControllerRuntime
import Foundation
import KruiseWebhooks
import KubeJSON
import KubeModel
import Testing

@Suite struct KruiseWebhookRegistrationsTests {
    static let registrations = KruiseWebhookRegistrations.deletionProtection
    static let builtinNames: Set<String> = [
        "vbuiltindeployment.kb.io", "vbuiltinreplicaset.kb.io", "vbuiltinstatefulset.kb.io",
        "vcustomresourcedefinition.kb.io", "vnamespace.kb.io", "vingress.kb.io", "vservice.kb.io",
    ]

    static func webhooks(_ configuration: JSONValue) -> [JSONValue] { configuration["webhooks"]?.arrayValue ?? [] }

    @Test func everyWebhookIsADeleteRuleWithUpstreamsSettings() {
        let rendered = Self.webhooks(Self.registrations.validatingConfiguration(clientConfig: .inCluster))
        #expect(rendered.count == 10)
        for webhook in rendered {
            #expect(webhook["failurePolicy"] == "Fail")
            #expect(webhook["sideEffects"] == "None")
            #expect(webhook["admissionReviewVersions"] == ["v1"])
            #expect(webhook["timeoutSeconds"] == 30)
            // CloneSet's validating webhook also validates creates and updates (upstream shares the path).
            let expected: JSONValue = webhook["name"] == "vcloneset.kb.io" ? ["CREATE", "UPDATE", "DELETE"] : ["DELETE"]
            for rule in webhook["rules"]?.arrayValue ?? [] { #expect(rule["operations"] == expected) }
        }
        let resources = Set(rendered.flatMap { ($0["rules"]?[0]?["resources"]?.arrayValue ?? []).compactMap(\.stringValue) })
        #expect(resources == [
            "deployments", "replicasets", "statefulsets", "customresourcedefinitions", "namespaces", "ingresses", "services",
            "clonesets", "uniteddeployments",
        ])
    }

    @Test func builtinKindsLeaveKubeSystemAloneAndNeedTheLabel() throws {
        let rendered = Self.webhooks(Self.registrations.validatingConfiguration(clientConfig: .inCluster))
        let kubeSystem: JSONValue = ["key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system"]]
        let labelled: JSONValue = ["key": "policy.kruise.io/delete-protection", "operator": "Exists"]
        for webhook in rendered {
            let name = webhook["name"]?.stringValue ?? ""
            if Self.builtinNames.contains(name) {
                #expect(webhook["namespaceSelector"]?["matchExpressions"] == [kubeSystem], "\(name)")
                #expect(webhook["objectSelector"]?["matchExpressions"] == [labelled], "\(name)")
                // The selector really excludes kube-system and nothing else.
                let selector = try LabelSelector(json: webhook["namespaceSelector"] ?? .null)
                #expect(!selector.matches(["kubernetes.io/metadata.name": "kube-system"]))
                #expect(selector.matches(["kubernetes.io/metadata.name": "default"]))
            } else {
                // Kruise's own kinds are validated in every namespace, as upstream's chart does.
                #expect(webhook["namespaceSelector"] == nil, "\(name)")
                #expect(webhook["objectSelector"] == nil, "\(name)")
            }
        }
    }

    @Test func controlPlaneSelectorForPodWebhooks() {
        let selector = WebhookNamespaceSelectors.excludingControlPlane
        #expect(!selector.matches(["kubernetes.io/metadata.name": "kruise-system", "control-plane": "openkruise"]))
        #expect(!selector.matches(["kubernetes.io/metadata.name": "kube-system"]))
        #expect(selector.matches(["kubernetes.io/metadata.name": "default"]))
    }

    @Test func serviceClientConfig() {
        let webhook = Self.webhooks(Self.registrations.validatingConfiguration(clientConfig: .inCluster, caBundle: "Q0E="))
            .first { $0["name"] == "vnamespace.kb.io" }
        #expect(webhook?["clientConfig"] == [
            "service": ["namespace": "kruise-system", "name": "kruise-webhook-service", "path": "/validate-namespace", "port": 443],
            "caBundle": "Q0E=",
        ])
    }

    @Test func urlClientConfig() {
        let configuration = Self.registrations.validatingConfiguration(clientConfig: .url(host: "127.0.0.1", port: 9876))
        let webhook = Self.webhooks(configuration).first { $0["name"] == "vservice.kb.io" }
        #expect(webhook?["clientConfig"]?["url"] == "https://127.0.0.1:9876/validate-service")
        #expect(webhook?["clientConfig"]?["service"] == nil)
        #expect(WebhookClientConfig.url(host: "::1", port: 9443, path: "/validate-ingress") == "https://[::1]:9443/validate-ingress")
    }

    @Test func configurationsAreNamedAsTheCertificateUpkeepExpects() {
        let options = WebhookCertificateOptions(hosts: ["kruise-webhook-service.kruise-system.svc"])
        let validating = Self.registrations.validatingConfiguration(clientConfig: .inCluster)
        let mutating = Self.registrations.mutatingConfiguration(clientConfig: .inCluster)
        #expect(validating["kind"] == "ValidatingWebhookConfiguration")
        #expect(mutating["kind"] == "MutatingWebhookConfiguration")
        #expect(options.validatingConfigurations == [validating["metadata"]?["name"]?.stringValue ?? ""])
        #expect(options.mutatingConfigurations == [mutating["metadata"]?["name"]?.stringValue ?? ""])
        #expect(Self.webhooks(mutating).map { $0["name"] } == ["mcloneset.kb.io"])
        #expect(Self.webhooks(mutating).first?["rules"]?[0]?["operations"] == ["CREATE", "UPDATE"])
    }

    @Test func gateOffDropsTheDeletionOnlyWebhooks() {
        let off = Self.registrations.enabled(by: DeletionProtectionFixtures.gates(protection: false))
        #expect(Set(off.webhooks.map(\.name)) == ["vcloneset.kb.io", "vstatefulset.kb.io", "vuniteddeployment.kb.io", "mcloneset.kb.io"])
        #expect(Self.registrations.enabled(by: KruiseFeatures.managerDefaults()) == Self.registrations)
    }

    @Test func pathsMatchUpstream() {
        #expect(Self.registrations.paths == [
            "/mutate-apps-kruise-io-v1alpha1-cloneset", "/validate-apps-deployment", "/validate-apps-kruise-io-statefulset", "/validate-apps-kruise-io-v1alpha1-cloneset",
            "/validate-apps-kruise-io-v1alpha1-uniteddeployment", "/validate-apps-replicaset", "/validate-apps-statefulset",
            "/validate-customresourcedefinition", "/validate-ingress", "/validate-namespace", "/validate-service",
        ])
    }

    /// `deploy/webhooks.yaml` is the in-cluster rendering with an empty caBundle. Regenerate it with
    /// `KRUISE_UPDATE_DEPLOY=1 swift test --filter KruiseWebhookRegistrationsTests`.
    @Test func deployManifestIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/webhooks.yaml")
        let expected = [
            KruiseWebhookRegistrations.all.mutatingConfiguration(clientConfig: .inCluster),
            KruiseWebhookRegistrations.all.validatingConfiguration(clientConfig: .inCluster),
        ]
        if ProcessInfo.processInfo.environment["KRUISE_UPDATE_DEPLOY"] == "1" {
            let header = """
                # Generated from KruiseWebhookRegistrations.all (Sources/KruiseWebhooks/Registration): do not edit.
                # Regenerate: KRUISE_UPDATE_DEPLOY=1 swift test --filter KruiseWebhookRegistrationsTests
                # caBundle is empty here; every manager replica fills it in with its CA at start-up.

                """
            let text = header + expected.map { $0.yamlString() }.joined(separator: "---\n")
            try Data(text.utf8).write(to: url)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let documents = try YAMLReader.readAll(text)
        #expect(documents == expected, "deploy/webhooks.yaml is stale: regenerate it (see the test's comment)")
    }
}
