public import KubeJSON
public import KubeModel

/// The objects the scheduler writes: the `PodScheduled` condition of a pod it cannot place and the Binding
/// that places it.
public enum SchedulingObjects {
    /// `PodScheduled=False`, reason `Unschedulable`, with kube-scheduler's message; `lastProbeTime` is null
    /// and `lastTransitionTime` is `now`.
    public static func unschedulableCondition(message: String, now: KubeTime) -> Condition {
        var condition = Condition(type: "PodScheduled", status: "False", reason: "Unschedulable", message: message)
        condition.object["lastProbeTime"] = .null
        condition.lastTransitionTime = now
        return condition
    }

    /// The status patch (strategic merge) setting the unschedulable condition on `pod`; the transition time
    /// is kept when the pod already had `PodScheduled=False`.
    public static func unschedulableStatusPatch(for pod: Pod, message: String, now: KubeTime) -> JSONValue {
        var condition = self.unschedulableCondition(message: message, now: now)
        if let existing = pod.status.conditions[type: "PodScheduled"], existing.status == "False",
            let since = existing.lastTransitionTime
        {
            condition.lastTransitionTime = since
        }
        return ["status": ["conditions": [condition.json]]]
    }

    /// The `v1 Binding` body POSTed to `pods/<name>/binding` to bind `pod` to `nodeName`.
    public static func binding(for pod: Pod, nodeName: String) -> JSONValue {
        var metadata = JSONObject()
        metadata.appendUnchecked(key: "name", value: .string(pod.name))
        metadata.appendUnchecked(key: "namespace", value: .string(pod.namespace))
        if let uid = pod.metadata.uid { metadata.appendUnchecked(key: "uid", value: .string(uid)) }
        return [
            "apiVersion": "v1",
            "kind": "Binding",
            "metadata": .object(metadata),
            "target": ["apiVersion": "v1", "kind": "Node", "name": .string(nodeName)],
        ]
    }
}
