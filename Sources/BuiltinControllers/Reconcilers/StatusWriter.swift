import KubeJSON
public import KubeClient
public import KubeModel

/// Writes a controller's computed status through the `status` subresource, only when it differs from the
/// observed one (an unchanged status would bump resourceVersion and wake every watcher for nothing).
public struct StatusWriter: Sendable {
    public let client: KubeClient

    public init(client: KubeClient) {
        self.client = client
    }

    /// Writes `status` on `owner`; returns the object the server returned, or `owner` when nothing changed.
    @discardableResult
    public func write<Owner: KubeObject, Status: JSONObjectView>(_ status: Status, on owner: Owner) async throws(KubeAPIError) -> Owner {
        let current = owner.object["status"]?.objectValue ?? [:]
        if current == status.object { return owner }
        var updated = owner
        updated.object["status"] = .object(status.object)
        return try await self.client.updateStatus(updated)
    }
}
