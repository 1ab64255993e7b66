import KubeJSON
public import KubeModel

/// The DaemonSet controller's decisions (`pkg/controller/daemon`), as a pure function of what it observes.
///
/// - One pod per node where it should run, created from the template with the `controller-revision-hash` and
///   `pod-template-generation` labels, the default DaemonSet tolerations, and a required node affinity
///   `matchFields metadata.name In [node]` replacing any other required node-selector terms; pods on nodes
///   where they may not continue running are deleted, duplicates beyond the oldest are deleted, failed pods
///   are deleted (and replaced on the next sync).
/// - `RollingUpdate` (only when the plan has nothing else to do, as upstream's expectations gate it):
///   without `maxSurge`, deletes old pods within `maxUnavailable`, unavailable old pods first; with
///   `maxSurge`, creates new pods next to old ones and deletes an old pod once its replacement is available.
///   `OnDelete` replaces pods only when someone deletes them.
/// - History: the template is snapshotted into a ControllerRevision `<ds>-<hash>` labelled
///   `controller-revision-hash: <hash>`; an equal older one gets the next revision number; unused history beyond
///   `revisionHistoryLimit` is deleted.
public struct DaemonSetPlanner: Sendable {
    /// A planner.
    public init() {}

    /// The deprecated label holding the DaemonSet's generation when the pod was created.
    public static let templateGenerationLabel = "pod-template-generation"

    /// The tolerations every DaemonSet pod gets (`AddOrUpdateDaemonPodTolerations`): not-ready and unreachable
    /// (NoExecute, no time limit), disk, memory and PID pressure and unschedulable (NoSchedule).
    public static let defaultTolerations: [Toleration] = [
        toleration("node.kubernetes.io/not-ready", "NoExecute"),
        toleration("node.kubernetes.io/unreachable", "NoExecute"),
        toleration("node.kubernetes.io/disk-pressure", "NoSchedule"),
        toleration("node.kubernetes.io/memory-pressure", "NoSchedule"),
        toleration("node.kubernetes.io/pid-pressure", "NoSchedule"),
        toleration("node.kubernetes.io/unschedulable", "NoSchedule"),
    ]

    /// The default tolerations for a pod template; host-network pods also tolerate `network-unavailable`.
    public static func defaultTolerations(hostNetwork: Bool) -> [Toleration] {
        hostNetwork ? defaultTolerations + [toleration("node.kubernetes.io/network-unavailable", "NoSchedule")] : defaultTolerations
    }

    static func toleration(_ key: String, _ effect: String) -> Toleration {
        var toleration = Toleration()
        toleration.key = key
        toleration.operator = "Exists"
        toleration.effect = effect
        return toleration
    }

    /// The plan for `daemonSet`.
    /// - Parameters:
    ///   - daemonSet: the DaemonSet as observed.
    ///   - nodes: every node, with what the scheduling predicates decided.
    ///   - pods: pods in its namespace; those it controls count.
    ///   - revisions: ControllerRevisions in its namespace; those it controls are its history.
    ///   - now: the time availability is judged at.
    /// - Throws: ``PlanningError`` for an invalid maxSurge/maxUnavailable.
    public func plan(
        daemonSet: DaemonSet, nodes: [DaemonSetNodePlacement], pods: [Pod], revisions: [ControllerRevision],
        now: KubeTime
    ) throws(PlanningError) -> ControllerPlan<DaemonSetStatus> {
        var sync = try DaemonSetSync(
            set: daemonSet, nodes: nodes, pods: ControllerReferences.controlled(pods, by: daemonSet),
            revisions: ControllerReferences.controlled(revisions, by: daemonSet), now: now)
        sync.run()
        return sync.plan()
    }

    /// The daemon pod for `node`, from `template` at revision `hash`.
    public static func pod(for set: DaemonSet, node: String, hash: String) -> Pod {
        var pod = PodFactory.pod(from: set.spec.template, owner: set, naming: .generateName(set.name + "-"))
        var metadata = pod.metadata
        var labels = metadata.labels
        labels[RevisionHistory.revisionLabel] = hash
        if let generation = set.metadata.generation { labels[templateGenerationLabel] = String(generation) }
        metadata.labels = labels
        pod.metadata = metadata
        var spec = pod.spec
        let hostNetwork = spec.object["hostNetwork"]?.boolValue ?? false
        var tolerations = spec.tolerations
        for toleration in defaultTolerations(hostNetwork: hostNetwork)
        where !tolerations.contains(where: { $0.key == toleration.key && $0.effect == toleration.effect }) {
            tolerations.append(toleration)
        }
        spec.tolerations = tolerations
        var affinity = spec.affinity?.objectValue ?? JSONObject()
        var nodeAffinity = affinity["nodeAffinity"]?.objectValue ?? JSONObject()
        nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] = [
            "nodeSelectorTerms": [["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]]
        ]
        affinity["nodeAffinity"] = .object(nodeAffinity)
        spec.affinity = .object(affinity)
        pod.spec = spec
        return pod
    }
}
