import KubeJSON
public import KubeModel

/// Deployment conditions as `deploymentutil.SetDeploymentCondition` keeps them.
public enum DeploymentConditions {
    /// Sets a condition stamped `now`: nothing changes when one of the type has the same status and reason;
    /// a status change moves the condition to the end with new times; a reason change with the same status
    /// keeps `lastTransitionTime`.
    public static func set(
        _ conditions: inout [Condition], type: String, status: String, reason: String, message: String, now: KubeTime
    ) {
        var condition = Condition(type: type, status: status, reason: reason, message: message)
        condition.lastUpdateTime = now
        condition.lastTransitionTime = now
        if let index = conditions.firstIndex(where: { $0.type == type }) {
            let current = conditions[index]
            if current.status == status && current.reason == reason { return }
            if current.status == status, let kept = current.lastTransitionTime { condition.lastTransitionTime = kept }
            conditions.remove(at: index)
        }
        conditions.append(condition)
    }

    /// Replaces the condition of `condition.type` as it is (no stamping), or appends it.
    public static func replace(_ conditions: inout [Condition], with condition: Condition) {
        conditions.removeAll { $0.type == condition.type }
        conditions.append(condition)
    }
}
