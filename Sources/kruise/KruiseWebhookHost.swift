import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import KubeTLS
import KruiseWebhooks
import Logging

/// Kruise's admission webhooks as the manager serves them: the HTTPS webhook server, its CA and serving
/// certificate (kept in a directory or in Secret `kruise-webhook-certs`, renewed before expiry), and the
/// webhook configurations' `caBundle`.
///
/// Two ways the API server reaches it, as upstream: in a cluster through the `kruise-webhook-service`
/// Service (the configurations come from `deploy/webhooks.yaml`; the manager only fills in `caBundle`), or
/// by URL (`kruise local`, `kruise manager --webhook-host`: upstream's WEBHOOK_HOST mode), when the
/// manager writes the configurations itself, pointing at `https://HOST:PORT/...`.
struct KruiseWebhookHost {
    /// How the API server reaches the webhook server.
    enum Reachability {
        /// Through the in-cluster Service; the certificate is valid for its DNS names.
        case service(namespace: String, name: String)
        /// At `https://host:port`; the port is the one the server binds (0 picks one).
        case url(host: String)
    }

    let client: KubeClient
    let registrations: KruiseWebhookRegistrations
    let certificates: WebhookCertificateManager
    let server: WebhookServer
    let reachability: Reachability
    let customResources: CustomResourceIndex
    let logger: Logger
    /// In URL mode, delete the configurations this host registered when it stops (`kruise manager`), so that a
    /// manager gone from outside the cluster does not leave `failurePolicy: Fail` webhooks refusing requests.
    var deregistersOnShutdown = false

    /// The webhook host of `kruise local`: 127.0.0.1 on a free port, certificates in `DATA_DIR/webhook-certs`.
    static func local(manager: Manager, gates: FeatureGates, dataDirectory: String, logger: Logger) async throws -> KruiseWebhookHost {
        try await Self.prepare(
            manager: manager, gates: gates, reachability: .url(host: "127.0.0.1"), bindHost: "127.0.0.1", port: 0,
            certificateDirectory: dataDirectory + "/webhook-certs", secretNamespace: "kruise-system", logger: logger
        )
    }

    /// Prepares the webhooks on `manager`'s informers; call before the manager runs.
    static func prepare(
        manager: Manager,
        gates: FeatureGates,
        reachability: Reachability,
        bindHost: String,
        port: Int,
        certificateDirectory: String?,
        secretNamespace: String,
        logger: Logger
    ) async throws -> KruiseWebhookHost {
        let client = manager.client
        let registrations = KruiseWebhookRegistrations.all.enabled(by: gates)
        let hosts: [String]
        let endpoint: WebhookEndpoint
        switch reachability {
        case .service(let namespace, let name):
            hosts = ["\(name).\(namespace).svc", "localhost"]
            endpoint = .service(namespace: namespace, name: name)
        case .url(let host):
            hosts = [host]
            endpoint = .url(host: host)
        }
        let certificates = WebhookCertificateManager(
            options: WebhookCertificateOptions(
                hosts: hosts,
                directory: certificateDirectory,
                secretNamespace: secretNamespace,
                mutatingConfigurations: [registrations.mutatingConfigurationName],
                validatingConfigurations: [registrations.validatingConfigurationName],
                endpoint: endpoint
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
        let cloneSets = CloneSetAdmission(
            pods: { namespace in
                Dictionary(pods.store.list(namespace: namespace).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            },
            deletionProtection: protection
        )
        // The CloneSet paths also carry deletion protection's DELETE check (CloneSetAdmission delegates).
        var handlers = protection.handlers.merging(cloneSets.handlers) { _, cloneSet in cloneSet }
        let workloadSpreadLookups = gates.isEnabled(KruiseFeatures.workloadSpread) ? Self.workloadSpreadLookups(manager: manager) : nil
        if gates.isEnabled(KruiseFeatures.podWebhook) {
            let pods = KruisePodWebhook(
                workloadSpread: workloadSpreadLookups.map { WorkloadSpreadPodWebhook(lookups: $0) },
                gatesEveryPod: gates.isEnabled(KruiseFeatures.kruisePodReadinessGate)
            )
            handlers.merge(pods.handlers) { _, new in new }
        }
        if let workloadSpreadLookups {
            handlers.merge(WorkloadSpreadAdmission(lookups: workloadSpreadLookups).handlers) { _, new in new }
        }
        handlers.merge(ImagePullAdmission(gates: gates).handlers) { _, new in new }
        let server = WebhookServer(
            dispatcher: AdmissionDispatcher(handlers: handlers),
            identity: serving,
            host: bindHost,
            port: port,
            logger: logger
        )
        return KruiseWebhookHost(
            client: client, registrations: registrations, certificates: certificates, server: server,
            reachability: reachability, customResources: customResources, logger: logger
        )
    }

    /// The WorkloadSpread webhooks' view of the cluster: WorkloadSpreads, Deployments, ReplicaSets and CloneSets
    /// from the manager's shared informers (the WorkloadSpread controller watches them too); other workload kinds
    /// and evicted pods by a GET; status writes through the API.
    static func workloadSpreadLookups(manager: Manager) -> WorkloadSpreadLookups {
        let client = manager.client
        client.register(KruiseControllerSet.workloadSpreadDescriptor)
        let workloadSpreads = manager.informer(WorkloadSpread.self)
        let deployments = manager.informer(Deployment.self)
        let replicaSets = manager.informer(ReplicaSet.self)
        let cloneSets = manager.informer(CloneSet.self)
        let pods = manager.informer(Pod.self)
        return WorkloadSpreadLookups(
            workloadSpreads: { namespace in workloadSpreads.store.list(namespace: namespace) },
            workload: { apiVersion, kind, namespace, name in
                let key = ObjectKey(namespace: namespace, name: name)
                switch (WorkloadSpreadTargetReference.group(ofAPIVersion: apiVersion), kind) {
                case ("apps", "Deployment"): return deployments.store.get(key)?.object
                case ("apps", "ReplicaSet"): return replicaSets.store.get(key)?.object
                case ("apps.kruise.io", "CloneSet"): return cloneSets.store.get(key)?.object
                default:
                    // StatefulSets (both groups) and Jobs: rare targets, read when asked.
                    guard let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind),
                        let descriptor = try? client.descriptor(for: gvk)
                    else { return nil }
                    let location = ResourceLocation(descriptor, namespace: namespace, name: name)
                    return try? await client.request("GET", location).objectValue
                }
            },
            pod: { namespace, name in
                if let cached = pods.store.get(ObjectKey(namespace: namespace, name: name)) { return cached }
                return try? await client.get(Pod.self, namespace: namespace, name: name)
            },
            fetch: { namespace, name throws(KubeAPIError) in
                try await client.get(WorkloadSpread.self, namespace: namespace, name: name)
            },
            writeStatus: { workloadSpread throws(KubeAPIError) in
                _ = try await client.updateStatus(workloadSpread)
            }
        )
    }

    /// Serves until cancelled: the server, the configurations (written once it listens, in URL mode),
    /// certificate upkeep and caBundle publishing. With ``deregistersOnShutdown``, the configurations that
    /// still point at this host are deleted when it stops.
    func run() async throws {
        do {
            try await self.serve()
        } catch {
            await self.deregisterIfAsked()
            throw error
        }
        await self.deregisterIfAsked()
    }

    private func serve() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { await self.customResources.run() }
            group.addTask {
                while self.server.listeningPort == nil { try await Task.sleep(for: .milliseconds(20)) }
                if case .url(let host) = self.reachability {
                    try await self.register(host: host, port: self.server.listeningPort ?? 0)
                }
                await self.certificates.run(server: self.server)
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Deletes the webhook configurations whose webhooks point at this host's URL (another manager may have
    /// registered its own since: then they are left alone). Runs outside the cancelled task, so the deletes are
    /// sent, and gives up after a few seconds.
    private func deregisterIfAsked() async {
        guard self.deregistersOnShutdown, case .url(let host) = self.reachability, let port = self.server.listeningPort else {
            return
        }
        let prefix = WebhookClientConfig.url(host: host, port: port, path: "/")
        let client = self.client
        let logger = self.logger
        let names = (self.registrations.mutatingConfigurationName, self.registrations.validatingConfigurationName)
        await Task {
            await Self.delete(MutatingWebhookConfiguration.self, name: names.0, ifPointingAt: prefix, client: client, logger: logger)
            await Self.delete(ValidatingWebhookConfiguration.self, name: names.1, ifPointingAt: prefix, client: client, logger: logger)
        }.value
    }

    private static func delete<T: KubeObject>(
        _ type: T.Type, name: String, ifPointingAt prefix: String, client: KubeClient, logger: Logger
    ) async {
        do {
            let existing = try await client.get(T.self, name: name)
            let urls = (existing.object["webhooks"]?.arrayValue ?? []).compactMap { $0["clientConfig"]?["url"]?.stringValue }
            guard !urls.isEmpty, urls.allSatisfy({ $0.hasPrefix(prefix) }) else { return }
            _ = try await client.delete(T.self, name: name)
            logger.info("webhook configuration removed on shutdown", metadata: ["name": "\(name)"])
        } catch {
            if !error.isNotFound {
                logger.warning("could not remove webhook configuration", metadata: ["name": "\(name)", "error": "\(error)"])
            }
        }
    }

    /// Creates or replaces both webhook configurations, pointing at `https://HOST:PORT/...`.
    private func register(host: String, port: Int) async throws {
        let (authority, _) = try await self.certificates.ensure()
        let bundle = Base64.encode(Array(authority.identity.certificatePEM.utf8))
        let config = WebhookClientConfig.url(host: host, port: port)
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
        self.logger.info("Kruise webhooks registered", metadata: ["url": "https://\(host):\(port)"])
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
