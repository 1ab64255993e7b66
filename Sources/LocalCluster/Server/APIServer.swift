public import KubeJSON
public import KubeModel
import Synchronization

/// The Kubernetes API, served from an ``ObjectStore``: discovery, CRUD, list, watch and patch with the
/// semantics kube-apiserver gives them. Transport-free: the HTTPS layer turns requests into ``APIRequest``s and
/// writes back the ``APIResponse``, so every behaviour here is testable in-process.
public final class APIServer: Sendable {
    /// The objects.
    public let store: ObjectStore
    /// The resources served now; CRDs add and remove entries as they come and go.
    let registryBox: Mutex<ResourceRegistry>
    /// `host:port` as clients reach the server (for discovery's `serverAddressByClientCIDRs`).
    let serverAddress: Mutex<String>
    /// The version `/version` reports.
    public let version: ServerVersion
    /// The OpenAPI documents of the registry they were built from.
    let openAPICache: Mutex<(registry: ResourceRegistry, documents: OpenAPIDocuments)?>
    /// How admission reviews reach webhooks (HTTPS; tests may substitute a fake).
    let admissionTransport: any AdmissionWebhookTransport
    /// Objects whose clean-up (namespace drain, CRD removal, foreground deletion) is running, so that a
    /// repeated DELETE does not start a second loop.
    let cleanupsInFlight: Mutex<Set<ObjectKey>>
    /// The admission webhook configurations, parsed, by resource (`mutatingwebhookconfigurations`, ...).
    let webhookConfigurationCache: Mutex<[String: WebhookConfigurationCache]>
    /// Which request shapes the webhook rules cover (see `webhooksMayApply(_:to:mutating:validating:)`).
    let webhookCoverage: Mutex<WebhookCoverage>

    /// Creates a server over `store`. Resources of CRDs already in the store are served straight away.
    public init(
        store: ObjectStore,
        serverAddress: String = "127.0.0.1:6443",
        version: ServerVersion = ServerVersion(),
        admissionTransport: any AdmissionWebhookTransport = HTTPSAdmissionWebhookTransport()
    ) {
        self.store = store
        self.admissionTransport = admissionTransport
        self.registryBox = Mutex(.builtin)
        self.serverAddress = Mutex(serverAddress)
        self.version = version
        self.openAPICache = Mutex(nil)
        self.cleanupsInFlight = Mutex([])
        self.webhookConfigurationCache = Mutex([:])
        self.webhookCoverage = Mutex(WebhookCoverage())
        self.reloadCustomResourceDefinitions()
    }

    /// The resources currently served.
    public var registry: ResourceRegistry { self.registryBox.withLock { $0 } }

    /// Sets the address reported by discovery, once the listener knows its port.
    public func setServerAddress(_ address: String) {
        self.serverAddress.withLock { $0 = address }
    }

    /// Creates the namespaces every cluster has (`default`, `kube-system`, `kube-public`, `kube-node-lease`),
    /// and resumes what a restart interrupted: deletions waiting on clean-up, CRDs not yet established.
    public func bootstrap() async {
        await self.resumeInterruptedWork()
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let key = ObjectKey(group: "", resource: "namespaces", namespace: "", name: name)
            if self.store.get(key) != nil { continue }
            _ = await self.handle(
                APIRequest(
                    method: "POST",
                    target: "/api/v1/namespaces",
                    headers: [("Content-Type", "application/json")],
                    body: Self.namespaceManifest(name).serialized()
                )
            )
        }
    }

    private static func namespaceManifest(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
    }

    /// Answers one request.
    public func handle(_ request: APIRequest) async -> APIResponse {
        let registry = self.registry
        let path: RequestPath
        do {
            path = try RequestPath(parsing: request.path, registry: registry)
        } catch {
            return .status(error.status)
        }
        switch path {
        case .root:
            return .json(["paths": .array(["/api", "/apis", "/healthz", "/livez", "/openapi/v3", "/readyz", "/version"])])
        case .version:
            return .json(self.version.json)
        case .health:
            return .text("ok")
        case .openAPIV2, .openAPIV3Index, .openAPIV3:
            return self.openAPI(request, registry: registry)
        case .coreAPIVersions:
            return self.discoveryResponse(.core, registry: registry, accept: request.header("Accept"))
        case .apiGroupList:
            return self.discoveryResponse(.groups, registry: registry, accept: request.header("Accept"))
        case .apiGroup(let group):
            guard let document = self.discovery(registry).apiGroup(group) else { return .status(.pathNotFound()) }
            return .json(document)
        case .apiResourceList(let groupVersion):
            guard let document = self.discovery(registry).apiResourceList(groupVersion) else {
                return .status(.pathNotFound())
            }
            return .json(document)
        case .resource(let resourceRequest):
            do {
                return try await self.handleResource(request, resourceRequest)
            } catch {
                return .status(error)
            }
        }
    }

    private func discovery(_ registry: ResourceRegistry) -> Discovery {
        Discovery(registry: registry, serverAddress: self.serverAddress.withLock { $0 })
    }

    private func discoveryResponse(_ root: Discovery.Root, registry: ResourceRegistry, accept: String?) -> APIResponse {
        let response = self.discovery(registry).response(for: root, accept: accept)
        return .json(response.body, contentType: response.contentType)
    }
}
