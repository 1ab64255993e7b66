import KubeJSON
public import KubeModel

/// The StatefulSet controller's decisions (`pkg/controller/statefulset`), as a pure function of what it observes.
///
/// - Pods are named `<set>-<ordinal>` for ordinals `spec.ordinals.start ..< start + replicas`, labelled with
///   `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and `controller-revision-hash` (the
///   revision's name), with `hostname`/`subdomain` set and one volume per volume claim template pointing at the
///   claim `<claim>-<set>-<ordinal>`, which is created before the pod (retention policy: claims are never
///   deleted; `whenDeleted: Delete` gives them an owner reference to the set).
/// - `OrderedReady` creates one pod at a time and waits until it is Running, Ready and available; it deletes
///   pods beyond the replica count from the highest ordinal down, one at a time. `Parallel` does both at once.
/// - `RollingUpdate` deletes, from the highest ordinal down to the partition, one pod whose revision is not the
///   update revision, and waits for the replacement to be healthy before the next; `OnDelete` only recreates
///   pods someone deleted.
/// - Revisions: the template is snapshotted into a ControllerRevision `<set>-<hash>` whose data is the
///   template-replacing patch (``RevisionHistory``); an earlier equal revision is reused with the next revision
///   number; history beyond `revisionHistoryLimit` that no pod uses is deleted.
public struct StatefulSetPlanner: Sendable {
    /// A planner.
    public init() {}

    /// The label holding a pod's name.
    public static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    /// The label holding a pod's ordinal.
    public static let podIndexLabel = "apps.kubernetes.io/pod-index"

    /// The plan for `statefulSet`.
    /// - Parameters:
    ///   - statefulSet: the set as observed.
    ///   - pods: pods in its namespace; those it controls count.
    ///   - revisions: ControllerRevisions in its namespace; those it controls are its history.
    ///   - claims: PersistentVolumeClaims in its namespace (by name).
    ///   - now: the time availability is judged at.
    public func plan(
        statefulSet: StatefulSet, pods: [Pod], revisions: [ControllerRevision], claims: [PersistentVolumeClaim],
        now: KubeTime
    ) -> ControllerPlan<StatefulSetStatus> {
        var sync = StatefulSetSync(
            set: statefulSet, pods: ControllerReferences.controlled(pods, by: statefulSet),
            revisions: ControllerReferences.controlled(revisions, by: statefulSet), claims: claims, now: now)
        sync.run()
        return sync.plan()
    }

    /// The ordinal of a pod named `<set>-<ordinal>`, or `nil` for another name.
    public static func ordinal(ofPod name: String, setName: String) -> Int? {
        let prefix = setName + "-"
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `<claim>-<set>-<ordinal>`.
    public static func claimName(template: String, setName: String, ordinal: Int) -> String {
        "\(template)-\(setName)-\(ordinal)"
    }

    /// The pod for `ordinal` built from `template` at `revisionName`.
    public static func pod(
        for set: StatefulSet, ordinal: Int, template: PodTemplateSpec, revisionName: String
    ) -> Pod {
        let name = "\(set.name)-\(ordinal)"
        var pod = PodFactory.pod(from: template, owner: set, naming: .name(name))
        var metadata = pod.metadata
        var labels = metadata.labels
        labels[podNameLabel] = name
        labels[podIndexLabel] = String(ordinal)
        labels[RevisionHistory.revisionLabel] = revisionName
        metadata.labels = labels
        pod.metadata = metadata
        var spec = pod.spec
        spec.hostname = name
        if let service = set.spec.serviceName, !service.isEmpty { spec.subdomain = service }
        let claimTemplates = set.spec.volumeClaimTemplates
        if !claimTemplates.isEmpty {
            let claimVolumeNames = Set(claimTemplates.map(\.name))
            var volumes: [JSONValue] = spec.object["volumes"]?.arrayValue?.filter {
                !claimVolumeNames.contains($0["name"]?.stringValue ?? "")
            } ?? []
            for claim in claimTemplates {
                volumes.append([
                    "name": .string(claim.name),
                    "persistentVolumeClaim": ["claimName": .string(claimName(template: claim.name, setName: set.name, ordinal: ordinal))],
                ])
            }
            spec.object["volumes"] = .array(volumes)
        }
        pod.spec = spec
        return pod
    }

    /// The claims pod `ordinal` needs, built from the volume claim templates (their JSON kept).
    public static func claims(for set: StatefulSet, ordinal: Int) -> [PersistentVolumeClaim] {
        let selectorLabels = set.spec.selector?.matchLabels ?? [:]
        let deleteWithSet = set.spec.object["persistentVolumeClaimRetentionPolicy"]?["whenDeleted"]?.stringValue == "Delete"
        return set.spec.volumeClaimTemplates.map { template in
            var claim = PersistentVolumeClaim(object: template.object)
            claim.apiVersion = "v1"
            claim.kind = "PersistentVolumeClaim"
            claim.object["status"] = nil
            var metadata = claim.metadata
            metadata.name = claimName(template: template.name, setName: set.name, ordinal: ordinal)
            metadata.namespace = set.namespace.isEmpty ? nil : set.namespace
            var labels = metadata.labels
            for (key, value) in selectorLabels { labels[key] = value }
            metadata.labels = labels
            if deleteWithSet { metadata.ownerReferences = [OwnerReference(to: set, controller: false, blockOwnerDeletion: true)] }
            claim.metadata = metadata
            return claim
        }
    }
}
