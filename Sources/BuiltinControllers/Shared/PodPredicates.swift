import KubeJSON
public import KubeModel

/// The pod states the controllers branch on.
public enum PodPredicates {
    /// `controller.IsPodActive`: not Succeeded, not Failed, and not being deleted.
    public static func isActive(_ pod: Pod) -> Bool {
        !pod.isTerminated && !pod.metadata.isBeingDeleted
    }

    /// A deletion timestamp is set.
    public static func isTerminating(_ pod: Pod) -> Bool { pod.metadata.isBeingDeleted }

    /// Phase Succeeded or Failed.
    public static func isTerminal(_ pod: Pod) -> Bool { pod.isTerminated }

    /// Phase Running and the Ready condition True (StatefulSet's `isRunningAndReady`).
    public static func isRunningAndReady(_ pod: Pod) -> Bool {
        pod.status.phase == "Running" && PodReadiness.isReady(pod)
    }

    /// The largest `restartCount` among the pod's containers.
    public static func maxContainerRestarts(_ pod: Pod) -> Int32 {
        pod.status.containerStatuses.map(\.restartCount).max() ?? 0
    }

    /// The node a pod runs on or is pinned to: `spec.nodeName`, else the single node named by a required
    /// node-affinity `matchFields metadata.name In [node]` term (DaemonSet pods before scheduling).
    public static func targetNodeName(_ pod: Pod) -> String? {
        if let node = pod.spec.nodeName, !node.isEmpty { return node }
        let required = pod.spec.affinity?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]
        guard let terms = required?["nodeSelectorTerms"]?.arrayValue else { return nil }
        for term in terms {
            guard let fields = term["matchFields"]?.arrayValue else { continue }
            for field in fields {
                guard field["key"]?.stringValue == "metadata.name", field["operator"]?.stringValue == "In",
                      let values = field["values"]?.arrayValue, values.count == 1, let name = values[0].stringValue
                else { continue }
                return name
            }
        }
        return nil
    }
}
