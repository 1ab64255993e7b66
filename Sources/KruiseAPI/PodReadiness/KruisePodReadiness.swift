public import KubeJSON
public import KubeModel

/// The `KruisePodReady` readiness gate (`pkg/util/podreadiness`): Kruise injects it into the pods its workloads
/// own, the pod-readiness controller sets it True once, and lifecycle hooks with `markPodNotReady` turn it False
/// while a pod prepares for deletion or an in-place update, so Services stop sending it traffic first.
///
/// The condition's message lists who holds the pod not ready, as upstream writes it: a JSON array of
/// `{"userAgent": …, "key": …}` sorted by user agent, then key. The pod is ready again when the list is empty.
public enum KruisePodReadiness {
    /// The readiness gate and condition type.
    public static let conditionType = "KruisePodReady"
    /// The user agent upstream's lifecycle code records its keys under.
    public static let lifecycleUserAgent = "ContainerRecreateRequest"
    /// The key held while a pod is PreparingDelete.
    public static let preparingDeleteKey = "preparingDelete"
    /// The key held while a pod is PreparingUpdate (until Updated).
    public static let preparingUpdateKey = "preparingUpdate"

    /// `true` when a controller in `apps.kruise.io` owns the pod (upstream `IsPodOwnedByKruise`).
    public static func isOwnedByKruise(_ pod: Pod) -> Bool {
        pod.metadata.ownerReferences.contains { reference in
            reference.controller == true && reference.apiVersion.split(separator: "/").first == "apps.kruise.io"
        }
    }

    /// `true` when the pod has the `KruisePodReady` readiness gate.
    public static func hasGate(_ pod: Pod) -> Bool {
        pod.spec.readinessGates.contains(conditionType)
    }

    /// The pod with the readiness gate added (unchanged when it has it).
    public static func injectingGate(into pod: Pod) -> Pod {
        guard !hasGate(pod) else { return pod }
        var updated = pod
        updated.spec.readinessGates = pod.spec.readinessGates + [conditionType]
        return updated
    }

    /// The pod-readiness controller's one change: a pod with the gate and no condition gets the condition True.
    /// `nil` when there is nothing to do (no gate, a condition already, or being deleted).
    public static func initialized(_ pod: Pod, now: KubeTime) -> Pod? {
        guard hasGate(pod), pod.status.conditions[type: conditionType] == nil, !pod.metadata.isBeingDeleted else { return nil }
        var condition = Condition(type: conditionType, status: "True")
        condition.lastTransitionTime = now.truncatedToSeconds
        var updated = pod
        var status = pod.status
        var conditions = status.conditions
        conditions.append(condition)
        status.conditions = conditions
        updated.status = status
        return updated
    }

    /// `AddNotReadyKey`: the pod with `key` held in the condition (status False); `nil` when the pod has no gate or
    /// already holds the key.
    public static func addingNotReadyKey(_ key: String, to pod: Pod, now: KubeTime) -> Pod? {
        guard hasGate(pod) else { return nil }
        let existing = pod.status.conditions[type: conditionType]
        var keys = messages(existing?.message)
        if existing?.status == "False" && keys.contains(where: { $0.key == key && $0.userAgent == lifecycleUserAgent }) {
            return nil
        }
        if !keys.contains(where: { $0.key == key && $0.userAgent == lifecycleUserAgent }) {
            keys.append((lifecycleUserAgent, key))
        }
        return setting(pod, status: "False", keys: keys, now: now)
    }

    /// `RemoveNotReadyKey`: the pod with `key` released (status True once no key is left); `nil` when there is no
    /// such key or no gate.
    public static func removingNotReadyKey(_ key: String, from pod: Pod, now: KubeTime) -> Pod? {
        guard hasGate(pod), let existing = pod.status.conditions[type: conditionType] else { return nil }
        let keys = messages(existing.message)
        let remaining = keys.filter { !($0.key == key && $0.userAgent == lifecycleUserAgent) }
        guard remaining.count != keys.count else { return nil }
        return setting(pod, status: remaining.isEmpty ? "True" : existing.status, keys: remaining, now: now)
    }

    /// The keys of a condition message (an unreadable message holds none, as Go's ignored Unmarshal error).
    static func messages(_ message: String?) -> [(userAgent: String, key: String)] {
        guard let message, !message.isEmpty, let json = try? JSONValue(parsing: message), case .array(let items) = json else {
            return []
        }
        return items.map { ($0["userAgent"]?.stringValue ?? "", $0["key"]?.stringValue ?? "") }
    }

    private static func setting(_ pod: Pod, status value: String, keys: [(userAgent: String, key: String)], now: KubeTime) -> Pod {
        let sorted = keys.sorted { $0.userAgent == $1.userAgent ? $0.key < $1.key : $0.userAgent < $1.userAgent }
        let message = JSONValue.array(sorted.map { ["userAgent": .string($0.userAgent), "key": .string($0.key)] })
        var condition = Condition(type: conditionType, status: value)
        condition.message = sorted.isEmpty ? "[]" : message.serializedString()
        condition.lastTransitionTime = now.truncatedToSeconds
        var updated = pod
        var status = pod.status
        var conditions = status.conditions
        if let index = conditions.firstIndex(where: { $0.type == conditionType }) {
            conditions[index] = condition
        } else {
            conditions.append(condition)
        }
        status.conditions = conditions
        updated.status = status
        return updated
    }
}
