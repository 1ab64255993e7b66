public import KubeModel

/// The node lifecycle controller and taint manager of `kruise local`, over plain values.
///
/// - A node whose kubelet posted nothing (condition heartbeat nor Lease renewal) for longer than
///   ``gracePeriod`` gets its conditions set `Unknown` (`NodeStatusUnknown`, "Kubelet stopped posting node
///   status.").
/// - A node whose Ready condition is `Unknown` is tainted `node.kubernetes.io/unreachable` (NoSchedule and
///   NoExecute), one whose Ready is `False` `node.kubernetes.io/not-ready`; the taints go when Ready is True.
/// - Pods on a node that is not Ready get `Ready=False` (`MarkPodsNotReady`: only the status and transition
///   time change).
/// - Pods that do not tolerate a NoExecute taint are evicted at once; pods that tolerate it for
///   `tolerationSeconds` are evicted when that expires (counted from the taint's `timeAdded`). With
///   ``assumeDefaultTolerations``, pods lacking tolerations for the two taints are treated as having the
///   ones the `DefaultTolerationSeconds` admission plugin adds (``defaultTolerationSeconds``, 300 s).
public struct NodeLifecyclePlanner: Sendable {
    public static let unreachableTaintKey = "node.kubernetes.io/unreachable"
    public static let notReadyTaintKey = "node.kubernetes.io/not-ready"

    /// `node-monitor-grace-period`: how long without heartbeats before a node's status is Unknown.
    public var gracePeriod: Duration
    /// The `tolerationSeconds` of the default tolerations.
    public var defaultTolerationSeconds: Int64
    /// Whether pods lacking tolerations for the not-ready/unreachable taints get the default ones.
    public var assumeDefaultTolerations: Bool

    public init(gracePeriod: Duration = .seconds(40), defaultTolerationSeconds: Int64 = 300, assumeDefaultTolerations: Bool = true) {
        self.gracePeriod = gracePeriod
        self.defaultTolerationSeconds = defaultTolerationSeconds
        self.assumeDefaultTolerations = assumeDefaultTolerations
    }

    /// The tolerations `DefaultTolerationSeconds` adds to `pod`: NoExecute tolerations of the not-ready and
    /// unreachable taints for `seconds`, for each the pod does not tolerate already.
    public static func defaultTolerations(for pod: Pod, seconds: Int64 = 300) -> [Toleration] {
        let existing = pod.spec.tolerations
        var added: [Toleration] = []
        for key in [Self.notReadyTaintKey, Self.unreachableTaintKey] {
            let taint = Taint(key: key, effect: "NoExecute")
            if existing.tolerates(taint) { continue }
            var toleration = Toleration()
            toleration.key = key
            toleration.operator = "Exists"
            toleration.effect = "NoExecute"
            toleration.tolerationSeconds = seconds
            added.append(toleration)
        }
        return added
    }

    /// The plan for `node`, its Lease (if any) and the pods bound to it, at `now`.
    public func plan(node: Node, lease: Lease?, pods: [Pod], now: KubeTime) -> NodeLifecyclePlan {
        var plan = NodeLifecyclePlan()
        var node = node

        // 1. Heartbeats.
        let ready = node.status.conditions[type: "Ready"]
        var lastHeartbeat = ready?.lastHeartbeatTime ?? node.metadata.creationTimestamp
        if let renewed = lease?.spec.renewTime?.time, lastHeartbeat.map({ renewed > $0 }) ?? true { lastHeartbeat = renewed }
        let deadline = (lastHeartbeat ?? now).adding(self.gracePeriod)
        if now > deadline {
            if ready?.status != "Unknown" {
                node = NodeStatusUpdates.markedStatusUnknown(node, now: now)
                plan.nodeStatus = node.status
            }
        } else if ready?.status != "Unknown" {
            plan.recheckAt = deadline.adding(.milliseconds(1))
        }

        // 2. Taints.
        let readyStatus = node.status.conditions[type: "Ready"]?.status ?? "Unknown"
        var taints = node.spec.taints.filter { $0.key != Self.unreachableTaintKey && $0.key != Self.notReadyTaintKey }
        let conditionKey: String? = switch readyStatus {
        case "True": nil
        case "False": Self.notReadyTaintKey
        default: Self.unreachableTaintKey
        }
        if let conditionKey {
            let existing = node.spec.taints.filter { $0.key == conditionKey }
            let noSchedule = existing.first { $0.effect == "NoSchedule" } ?? Taint(key: conditionKey, effect: "NoSchedule")
            var noExecute = existing.first { $0.effect == "NoExecute" } ?? Taint(key: conditionKey, effect: "NoExecute")
            if noExecute.timeAdded == nil { noExecute.timeAdded = now }
            taints.append(noSchedule)
            taints.append(noExecute)
        }
        if taints != node.spec.taints { plan.taints = taints }

        // 3. Pods not ready, 4. evictions.
        let noExecuteTaints = taints.filter { $0.effect == "NoExecute" }
        for pod in pods where pod.spec.nodeName == node.name && !pod.isTerminated {
            if readyStatus != "True", var readyCondition = pod.status.conditions[type: "Ready"], readyCondition.status != "False" {
                var updated = pod
                var status = updated.status
                var conditions = status.conditions
                readyCondition.status = "False"
                readyCondition.lastTransitionTime = now
                if let index = conditions.firstIndex(where: { $0.type == "Ready" }) { conditions[index] = readyCondition }
                status.conditions = conditions
                updated.status = status
                plan.podsMarkedNotReady.append(updated)
            }
            guard !noExecuteTaints.isEmpty, !pod.metadata.isBeingDeleted else { continue }
            switch self.evictionTime(pod: pod, taints: noExecuteTaints, now: now) {
            case .some(let evictAt) where evictAt <= now:
                var condition = Condition(
                    type: "DisruptionTarget",
                    status: "True",
                    reason: "DeletionByTaintManager",
                    message: "Taint manager: deleting due to NoExecute taint"
                )
                condition.lastTransitionTime = now
                plan.evictions.append(PodEviction(namespace: pod.namespace, name: pod.name, uid: pod.metadata.uid, disruptionCondition: condition))
            case .some(let evictAt):
                if plan.recheckAt.map({ evictAt < $0 }) ?? true { plan.recheckAt = evictAt }
            case .none:
                continue
            }
        }
        return plan
    }

    /// When `pod` must go because of `taints` (NoExecute), as the taint manager's `getMinTolerationTime`: now
    /// when a taint is not tolerated or a matching toleration has `tolerationSeconds <= 0`; otherwise the
    /// smallest `tolerationSeconds` among the matching tolerations after the taint was added; `nil` (never)
    /// when no matching toleration is bounded.
    private func evictionTime(pod: Pod, taints: [Taint], now: KubeTime) -> KubeTime? {
        var tolerations = pod.spec.tolerations
        if self.assumeDefaultTolerations {
            tolerations += Self.defaultTolerations(for: pod, seconds: self.defaultTolerationSeconds)
        }
        var minimumSeconds: Int64?
        var since: KubeTime?
        for taint in taints {
            let matching = tolerations.filter { $0.tolerates(taint) }
            if matching.isEmpty { return now }
            for seconds in matching.compactMap(\.tolerationSeconds) {
                if seconds <= 0 { return now }
                if minimumSeconds.map({ seconds < $0 }) ?? true { minimumSeconds = seconds }
            }
            let added = taint.timeAdded ?? now
            if since.map({ added > $0 }) ?? true { since = added }
        }
        guard let minimumSeconds, let since else { return nil }
        return since.adding(seconds: minimumSeconds)
    }
}
