public import KruiseAPI
public import KubeClient
public import KubeJSON
import KubeModel

/// Writes a CloneSet's computed status through the `status` subresource as a merge patch, only when it differs
/// from the observed one (an unchanged status would bump resourceVersion and wake every watcher for nothing).
///
/// A condition whose type, status, reason and message are unchanged keeps its observed `lastTransitionTime`
/// (upstream `SetCloneSetCondition`), so a persisting failure does not rewrite the status on every sync.
public struct CloneSetStatusWriter: Sendable {
    /// The client the patch goes through.
    public let client: KubeClient

    /// A writer.
    public init(client: KubeClient) {
        self.client = client
    }

    /// The status to write: `status` with unchanged conditions' transition times taken from `observed`.
    public static func reconciled(_ status: CloneSetStatus, observed: CloneSetStatus) -> CloneSetStatus {
        var result = status
        let previous = observed.conditions
        result.conditions = status.conditions.map { condition in
            guard let old = previous[type: condition.type], old.status == condition.status, old.reason == condition.reason,
                old.message == condition.message
            else { return condition }
            var kept = condition
            kept.lastTransitionTime = old.lastTransitionTime
            return kept
        }
        return result
    }

    /// The merge patch turning `observed`'s status into `status`; `nil` when they are equal.
    public static func patch(_ status: CloneSetStatus, on observed: CloneSet) -> JSONValue? {
        let current = observed.object["status"]?.objectValue ?? JSONObject()
        let wanted = reconciled(status, observed: observed.status).object
        if current == wanted { return nil }
        return JSONMergePatch.create(from: ["status": .object(current)], to: ["status": .object(wanted)])
    }

    /// Writes `status` on `cloneSet`; returns `true` when a write was made.
    @discardableResult
    public func write(_ status: CloneSetStatus, on cloneSet: CloneSet) async throws(KubeAPIError) -> Bool {
        guard let patch = Self.patch(status, on: cloneSet) else { return false }
        _ = try await self.client.patch(
            CloneSet.self, namespace: cloneSet.namespace, name: cloneSet.name, type: .merge, body: patch.serialized(),
            subresource: "status")
        return true
    }
}
