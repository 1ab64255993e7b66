import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Synchronization

/// The custom resources of every CRD, listed every few seconds, for the deletion-protection webhook's
/// `Cascading` check on CRDs (webhook handlers are synchronous and read caches, never the network).
final class CustomResourceIndex: Sendable {
    private let client: KubeClient
    private let definitions: Informer<CustomResourceDefinition>
    private let objects: Mutex<[GroupVersionResource: [ObjectMeta]]> = Mutex([:])

    init(client: KubeClient, definitions: Informer<CustomResourceDefinition>) {
        self.client = client
        self.definitions = definitions
    }

    /// The objects of `resource` as of the last refresh (none when it was never listed).
    func objects(of resource: GroupVersionResource) -> [ObjectMeta] {
        self.objects.withLock { $0[resource] ?? [] }
    }

    /// Lists every CRD's objects every `interval` until cancelled.
    func run(interval: Duration = .seconds(2)) async {
        while !Task.isCancelled {
            var fresh: [GroupVersionResource: [ObjectMeta]] = [:]
            for definition in self.definitions.store.values() {
                let spec = definition.spec
                guard let version = spec.versions.first(where: \.storage)?.name else { continue }
                let descriptor = ResourceDescriptor(
                    GroupVersionKind(group: spec.group, version: version, kind: spec.names.kind),
                    plural: spec.names.plural,
                    namespaced: spec.scope == "Namespaced"
                )
                guard let list = try? await self.client.request("GET", ResourceLocation(descriptor), query: [("limit", "500")]) else { continue }
                fresh[descriptor.groupVersionResource] = (list["items"]?.arrayValue ?? []).map {
                    ObjectMeta(object: $0["metadata"]?.objectValue ?? JSONObject())
                }
            }
            self.objects.withLock { $0 = fresh }
            try? await Task.sleep(for: interval)
        }
    }
}
