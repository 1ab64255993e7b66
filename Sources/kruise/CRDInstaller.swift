import KruiseAPI
import KubeJSON
import KubeClient
import KubeModel
import Logging

/// Installs (or updates) the Kruise CRDs in the local cluster and waits until they are Established, so
/// users can `kubectl apply` CloneSets as soon as the cluster is ready.
enum CRDInstaller {
    static func install(client: KubeClient, logger: Logger) async throws {
        for crd in ShippedCRDs.all {
            do {
                let existing = try await client.get(CustomResourceDefinition.self, name: crd.name)
                var updated = crd
                updated.metadata.resourceVersion = existing.metadata.resourceVersion
                if existing.object["spec"] != updated.object["spec"] { _ = try await client.update(updated) }
            } catch {
                guard error.isNotFound else { throw error }
                _ = try await client.create(crd)
            }
        }
        for crd in ShippedCRDs.all {
            for _ in 0..<200 {
                let current = try await client.get(CustomResourceDefinition.self, name: crd.name)
                if current.object["status"]?["conditions"]?.arrayValue?.contains(where: {
                    $0["type"]?.stringValue == "Established" && $0["status"]?.stringValue == "True"
                }) == true { break }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        logger.info("Kruise CRDs installed", metadata: ["crds": "\(ShippedCRDs.all.map(\.name).joined(separator: ","))"])
    }
}
