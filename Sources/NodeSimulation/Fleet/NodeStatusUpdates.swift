public import KubeJSON
public import KubeModel

/// The node status a kubelet posts (heartbeats), its Lease, and what a stopped kubelet looks like.
public enum NodeStatusUpdates {
    /// The namespace of node Leases.
    public static let leaseNamespace = "kube-node-lease"
    /// `leaseDurationSeconds` of node Leases (the kubelet's default).
    public static let leaseDurationSeconds: Int32 = 40
    /// How often the kubelet renews its Lease: a quarter of the lease duration.
    public static let leaseRenewInterval: Duration = .seconds(10)
    /// How often the kubelet posts its status when nothing changed (`nodeStatusReportFrequency`).
    public static let statusReportInterval: Duration = .seconds(300)
    /// The reason and message the node lifecycle controller writes when the kubelet stopped posting status.
    public static let statusUnknownReason = "NodeStatusUnknown"
    public static let statusUnknownMessage = "Kubelet stopped posting node status."

    /// The four conditions of a healthy kubelet (MemoryPressure, DiskPressure, PIDPressure False; Ready True),
    /// heartbeat `now`, transition times kept from `previous` when the status did not change.
    public static func healthyConditions(now: KubeTime, previous: [Condition]) -> [Condition] {
        let healthy: [(type: String, status: String, reason: String, message: String)] = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ]
        var conditions = previous
        for entry in healthy {
            var condition = Condition(type: entry.type, status: entry.status, reason: entry.reason, message: entry.message)
            condition.lastHeartbeatTime = now
            condition.lastTransitionTime = now
            conditions.set(condition)
        }
        return conditions
    }

    /// The status patch (strategic merge; conditions merge by `type`) of a kubelet heartbeat at `now`.
    public static func heartbeatStatusPatch(for node: Node, now: KubeTime) -> JSONValue {
        let conditions = self.healthyConditions(now: now, previous: node.status.conditions)
        let kubeletTypes: Set<String> = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]
        let posted = conditions.filter { kubeletTypes.contains($0.type) }
        return ["status": ["conditions": .array(posted.map(\.json))]]
    }

    /// The node Lease (`kube-node-lease/<node>`) renewed at `now`; `existing` keeps its other fields
    /// (resourceVersion, acquireTime, transitions).
    public static func lease(for node: Node, now: KubeTime, existing: Lease? = nil) -> Lease {
        var lease = existing ?? Lease(metadata: ObjectMeta(name: node.name, namespace: self.leaseNamespace))
        if existing == nil, let uid = node.metadata.uid {
            var owner = OwnerReference()
            owner.apiVersion = "v1"
            owner.kind = "Node"
            owner.name = node.name
            owner.uid = uid
            var metadata = lease.metadata
            metadata.ownerReferences = [owner]
            lease.metadata = metadata
        }
        var spec = lease.spec
        spec.holderIdentity = node.name
        spec.leaseDurationSeconds = self.leaseDurationSeconds
        spec.renewTime = MicroTime(now).truncatedToMicroseconds
        lease.spec = spec
        return lease
    }

    /// What the node lifecycle controller writes when a kubelet stopped posting status: every condition the
    /// kubelet owns (Ready, MemoryPressure, DiskPressure, PIDPressure) becomes `Unknown` with reason
    /// `NodeStatusUnknown` and message "Kubelet stopped posting node status.", transition time `now`,
    /// heartbeat times kept. A node that never posted gets Ready Unknown `NodeStatusNeverUpdated`.
    public static func markedStatusUnknown(_ node: Node, now: KubeTime) -> Node {
        var node = node
        var status = node.status
        var conditions = status.conditions
        if conditions[type: "Ready"] == nil {
            var ready = Condition(
                type: "Ready",
                status: "Unknown",
                reason: "NodeStatusNeverUpdated",
                message: "Kubelet never posted node status."
            )
            ready.lastHeartbeatTime = node.metadata.creationTimestamp ?? now
            ready.lastTransitionTime = now
            conditions.append(ready)
        }
        for type in ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"] {
            guard let index = conditions.firstIndex(where: { $0.type == type }) else { continue }
            if conditions[index].status == "Unknown" { continue }
            conditions[index].status = "Unknown"
            conditions[index].reason = self.statusUnknownReason
            conditions[index].message = self.statusUnknownMessage
            conditions[index].lastTransitionTime = now
        }
        status.conditions = conditions
        node.status = status
        return node
    }
}
