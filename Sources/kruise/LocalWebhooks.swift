import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import KubeTLS
import KruiseWebhooks
import Logging

/// Kruise's admission webhooks in `kruise local`: the webhook server on 127.0.0.1 (a free port), its CA and
/// serving certificate in `DATA_DIR/webhook-certs`, and the webhook configurations registered by URL
/// (upstream's WEBHOOK_HOST mode) with the CA as `caBundle`.
struct LocalWebhooks {
    let client: KubeClient
    let registrations: KruiseWebhookRegistrations
    let certificates: WebhookCertificateManager
    let server: WebhookServer
    let customResources: CustomResourceIndex
    let logger: Logger

    /// Prepares the webhooks on `manager`'s informers; call before the manager runs.
    static func prepare(manager: Manager, gates: FeatureGates, dataDirectory: String, logger: Logger) async throws -> LocalWebhooks {
        let client = manager.client
        let registrations = KruiseWebhookRegistrations.all.enabled(by: gates)
        let certificates = WebhookCertificateManager(
            options: WebhookCertificateOptions(
                hosts: ["127.0.0.1"],
                directory: dataDirectory + "/webhook-certs",
                mutatingConfigurations: [registrations.mutatingConfigurationName],
                validatingConfigurations: [registrations.validatingConfigurationName]
            ),
            client: client,
            logger: logger
        )
        let (_, serving) = try await certificates.ensure()
        let pods = manager.informer(Pod.self)
        let claims = manager.informer(PersistentVolumeClaim.self)
        let customResources = CustomResourceIndex(client: client, definitions: manager.informer(CustomResourceDefinition.self))
        let protection = DeletionProtection(
            lookups: DeletionProtectionLookups(
                pods: { namespace in pods.store.list(namespace: namespace) },
                persistentVolumeClaims: { namespace in claims.store.list(namespace: namespace) },
                customResources: { resource in customResources.objects(of: resource) }
            ),
            gates: gates
        )
        let server = WebhookServer(
            dispatcher: AdmissionDispatcher(handlers: protection.handlers),
            identity: serving,
            host: "127.0.0.1",
            port: 0,
            logger: logger
        )
        return LocalWebhooks(
            client: client, registrations: registrations, certificates: certificates, server: server,
            customResources: customResources, logger: logger
        )
    }

    /// Serves until cancelled: the server, the configurations (written once it listens), certificate upkeep.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { await self.customResources.run() }
            group.addTask {
                while self.server.listeningPort == nil { try await Task.sleep(for: .milliseconds(20)) }
                try await self.register(port: self.server.listeningPort ?? 0)
                await self.certificates.run(server: self.server)
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Creates or replaces both webhook configurations, pointing at `https://127.0.0.1:PORT/...`.
    private func register(port: Int) async throws {
        let (authority, _) = try await self.certificates.ensure()
        let bundle = Base64.encode(Array(authority.identity.certificatePEM.utf8))
        let config = WebhookClientConfig.url(host: "127.0.0.1", port: port)
        try await Self.createOrReplace(
            MutatingWebhookConfiguration.self,
            self.registrations.mutatingConfiguration(clientConfig: config, caBundle: bundle),
            client: self.client
        )
        try await Self.createOrReplace(
            ValidatingWebhookConfiguration.self,
            self.registrations.validatingConfiguration(clientConfig: config, caBundle: bundle),
            client: self.client
        )
        self.logger.info("Kruise webhooks registered", metadata: ["url": "https://127.0.0.1:\(port)"])
    }

    private static func createOrReplace<T: KubeObject>(_ type: T.Type, _ json: JSONValue, client: KubeClient) async throws {
        var object = try T.decode(json)
        // A configuration without webhooks is refused by nothing, but is noise: skip it.
        if (object.object["webhooks"]?.arrayValue ?? []).isEmpty { return }
        do {
            let existing = try await client.get(T.self, name: object.name)
            object.metadata.resourceVersion = existing.metadata.resourceVersion
            _ = try await client.update(object)
        } catch {
            guard error.isNotFound else { throw error }
            _ = try await client.create(object)
        }
    }
}
