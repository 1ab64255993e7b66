public import KruiseAPI
public import KubeClient
import KubeJSON
import KubeModel

/// Writes a NodeImage's status through the `status` subresource as a whole (an update carrying the
/// resourceVersion it was computed on), never when it is unchanged; on a conflict it reads the NodeImage again,
/// recomputes the status on the fresh spec and retries.
public struct NodeImageStatusWriter: Sendable {
    /// The client the writes go through.
    public let client: KubeClient
    /// Tries before a conflict is given up on (the writer comes back later).
    public let attempts: Int

    /// A writer.
    public init(client: KubeClient, attempts: Int = 5) {
        self.client = client
        self.attempts = max(1, attempts)
    }

    /// Writes the status `compute` gives for `base` (and, after a conflict, for the NodeImage read again).
    /// Returns the NodeImage as written, or `nil` when the status was already what `compute` gives.
    /// - Throws: ``KubeAPIError`` from the API server (NotFound when the NodeImage is gone; a conflict after
    ///   ``attempts`` tries).
    public func write(
        on base: NodeImage, compute: @Sendable (NodeImage) async -> NodeImageStatus
    ) async throws(KubeAPIError) -> NodeImage? {
        var current = base
        var attempt = 0
        while true {
            attempt += 1
            let wanted = await compute(current)
            if (current.object["status"]?.objectValue ?? JSONObject()) == wanted.object { return nil }
            var updated = current
            updated.object["status"] = .object(wanted.object)
            do {
                return try await self.client.updateStatus(updated)
            } catch {
                guard error.isConflict, attempt < self.attempts else { throw error }
            }
            current = try await self.client.get(NodeImage.self, name: base.name)
        }
    }
}
