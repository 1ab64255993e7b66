public import ContainerRuntime
public import KruiseAPI
public import KubeClient
import KubeModel
public import Logging

/// Reads the pull secrets a NodeImage image names (upstream `secretManager.GetSecrets`): each referenced Secret
/// is read by namespace and name (normally the copies in `kruise-daemon-config`). The daemon never lists
/// Secrets nor reads any it was not pointed at. A Secret that cannot be read is logged and skipped: the pull
/// goes on without it (and fails with the registry's message if it needed it).
public struct ImagePullSecretReader: Sendable {
    /// The client the Secrets are read with.
    public let client: KubeClient
    /// Where unreadable Secrets are reported.
    public let logger: Logger

    /// A reader.
    public init(client: KubeClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The registry credentials of the Secrets `references` names, in order (the first naming a registry wins).
    public func credentials(_ references: [NodeImageSecretReference]) async -> PullSecretCredentials {
        var credentials = PullSecretCredentials()
        for reference in references {
            do {
                let secret = try await self.client.get(
                    Secret.self, namespace: reference.namespace, name: reference.name)
                credentials.add(secret)
            } catch {
                self.logger.warning(
                    "cannot read pull secret; pulling without it",
                    metadata: ["secret": "\(reference)", "error": "\(error)"])
            }
        }
        return credentials
    }
}
