public import KruiseAPI
import KubeJSON
public import KubeModel

/// New pods and PVCs of a CloneSet (`newVersionedPods`, `GetPersistentVolumeClaims`, `UpdateStorage`,
/// `getOrGenAvailableIDs`).
public enum CloneSetPodFactory {
    /// The length of instance ids.
    public static let instanceIDLength = 5

    /// `rand.String(n)` from `random`: characters of `bcdfghjklmnpqrstvwxz2456789`.
    public static func randomID<R: RandomNumberGenerator>(length: Int = instanceIDLength, using random: inout R) -> String {
        String((0..<length).map { _ in CloneSetRevisions.safeAlphabet.randomElement(using: &random)! })
    }

    /// `getOrGenAvailableIDs`: ids of PVCs no pod uses are reused first, the rest are random and unused;
    /// returned sorted (upstream lists a string set).
    public static func availableIDs<R: RandomNumberGenerator>(
        count: Int, pods: [Pod], pvcs: [PersistentVolumeClaim], using random: inout R
    ) -> [String] {
        var existing = Set<String>()
        var available = Set<String>()
        for pvc in pvcs {
            if let id = pvc.metadata.labels[KruiseKeys.cloneSetInstanceID], !id.isEmpty {
                existing.insert(id)
                available.insert(id)
            }
        }
        for pod in pods {
            if let id = pod.metadata.labels[KruiseKeys.cloneSetInstanceID], !id.isEmpty {
                existing.insert(id)
                available.remove(id)
            }
        }
        var reusable = available.sorted()
        var result = Set<String>()
        for _ in 0..<max(count, 0) {
            if !reusable.isEmpty {
                result.insert(reusable.removeFirst())
                continue
            }
            var id = randomID(using: &random)
            while existing.contains(id) || result.contains(id) { id = randomID(using: &random) }
            result.insert(id)
        }
        return result.sorted()
    }

    /// `getPersistentVolumeClaimName`: `<claim>-<cloneset>-<id>`.
    public static func claimName(template: String, cloneSet: String, instanceID: String) -> String {
        "\(template)-\(cloneSet)-\(instanceID)"
    }

    /// `GetPersistentVolumeClaims`: the PVCs of the pod with `instanceID`, in template order, each labelled
    /// with the selector's matchLabels and the instance id and owned by the CloneSet.
    public static func claims(of cloneSet: CloneSet, instanceID: String) -> [PersistentVolumeClaim] {
        cloneSet.spec.volumeClaimTemplates.map { template in
            var claim = template
            claim.apiVersion = "v1"
            claim.kind = "PersistentVolumeClaim"
            var metadata = claim.metadata
            metadata.name = claimName(template: template.metadata.name ?? "", cloneSet: cloneSet.name, instanceID: instanceID)
            metadata.namespace = cloneSet.namespace
            var labels = metadata.labels
            for (key, value) in cloneSet.spec.selector?.matchLabels ?? [:] { labels[key] = value }
            labels[KruiseKeys.cloneSetInstanceID] = instanceID
            metadata.labels = labels
            metadata.ownerReferences = metadata.ownerReferences + [OwnerReference(to: cloneSet)]
            claim.metadata = metadata
            claim.object["status"] = nil
            return claim
        }
    }

    /// `newVersionedPods` for one pod: the template of `templateSource` (the CloneSet at the wanted revision),
    /// named `<cloneset>-<id>`, labelled with the revision (`controller-revision-hash` = revision name,
    /// `pod-template-hash` = short hash) and the instance id, with the `InPlaceUpdateReady` readiness gate, a
    /// volume per claim template, lifecycle state PreparingNormal, and a controller reference to `owner`.
    public static func pod(
        owner: CloneSet, templateSource: CloneSet, revision: String, instanceID: String, now: KubeTime
    ) -> Pod {
        let template = templateSource.spec.template
        var metadata = ObjectMeta(name: "\(owner.name)-\(instanceID)", namespace: owner.namespace)
        metadata.generateName = owner.name + "-"
        var labels = template.metadata.labels
        labels[KruiseKeys.controllerRevisionHash] = revision
        labels[KruiseKeys.podTemplateHash] = CloneSetPods.shortHash(revision)
        labels[KruiseKeys.cloneSetInstanceID] = instanceID
        metadata.labels = labels
        metadata.annotations = template.metadata.annotations
        metadata.finalizers = template.metadata.finalizers
        metadata.ownerReferences = [OwnerReference(to: owner)]
        var pod = Pod(metadata: metadata)
        var spec = template.spec
        if !spec.readinessGates.contains(KruiseKeys.inPlaceUpdateReady) {
            spec.readinessGates = spec.readinessGates + [KruiseKeys.inPlaceUpdateReady]
        }
        let claims = claims(of: templateSource, instanceID: instanceID)
        if !claims.isEmpty {
            let templateNames = templateSource.spec.volumeClaimTemplates.map { $0.metadata.name ?? "" }
            var volumes: [Volume] = zip(templateNames, claims).map { name, claim in
                Volume(object: [
                    "name": .string(name),
                    "persistentVolumeClaim": ["claimName": .string(claim.name), "readOnly": false],
                ])
            }
            volumes += spec.volumes.filter { !templateNames.contains($0.name) }
            spec.volumes = volumes
        }
        pod.spec = spec
        return CloneSetPods.settingLifecycle(pod, .preparingNormal, now: now)
    }

    /// The CloneSet with the template stored in `revision` (upstream `ApplyRevision`).
    public static func applying(_ revision: ControllerRevision, to cloneSet: CloneSet) -> CloneSet {
        guard let template = CloneSetRevisions.template(of: revision) else { return cloneSet }
        var copy = cloneSet
        copy.spec.template = template
        return copy
    }
}
