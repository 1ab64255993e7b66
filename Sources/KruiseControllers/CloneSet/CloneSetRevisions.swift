public import KubeJSON
public import KruiseAPI
public import KubeModel

/// ControllerRevisions of a CloneSet (`pkg/controller/cloneset/revision` and `getActiveRevisions`).
///
/// A revision's `data` is `{"spec":{"template":{…,"$patch":"replace"}}}`; its name is `<cloneset>-<hash>` where
/// the hash is FNV-32 over the data's canonical JSON followed by the decimal collision count, written with
/// apimachinery's `SafeEncodeString` alphabet. Labels are the template's labels plus
/// `controller.kubernetes.io/hash`; annotations are the CloneSet's.
public enum CloneSetRevisions {
    /// The label the revision hash is stored in (`history.ControllerRevisionHashLabel`).
    public static let hashLabel = "controller.kubernetes.io/hash"
    /// The alphabet of apimachinery's `rand.SafeEncodeString` and `rand.String`.
    public static let safeAlphabet: [Character] = Array("bcdfghjklmnpqrstvwxz2456789")

    /// The outcome of choosing the current and update revisions.
    public struct Resolution: Sendable, Hashable {
        /// The revision pods should move to.
        public var updateRevision: ControllerRevision
        /// The revision named by `status.currentRevision` (the update revision when there is none).
        public var currentRevision: ControllerRevision
        /// The collision count to record in status.
        public var collisionCount: Int32
        /// The API call making the update revision exist, if one is needed.
        public var action: CloneSetAction?
        /// Every revision after the action (sorted).
        public var revisions: [ControllerRevision]
    }

    /// The revision data for `template`.
    public static func data(for template: PodTemplateSpec) -> JSONValue {
        var templateObject = template.object
        templateObject["$patch"] = "replace"
        return ["spec": ["template": .object(templateObject)]]
    }

    /// The template a revision snapshots, or `nil`.
    public static func template(of revision: ControllerRevision) -> PodTemplateSpec? {
        guard case .object(var template)? = revision.data?["spec"]?["template"] else { return nil }
        _ = template.removeValue(forKey: "$patch")
        return PodTemplateSpec(object: template)
    }

    /// `history.HashControllerRevision` over our canonical JSON.
    public static func hash(data: JSONValue, collisionCount: Int32) -> String {
        var hash: UInt32 = 2_166_136_261
        func feed(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash = hash &* 16_777_619
                hash ^= UInt32(byte)
            }
        }
        feed(data.serialized(options: JSONWriter.Options(sortedKeys: true)))
        feed(String(collisionCount).utf8)
        return String(String(hash).unicodeScalars.map { safeAlphabet[Int($0.value) % safeAlphabet.count] })
    }

    /// `NewRevision`: the revision of the CloneSet's current template.
    public static func newRevision(of cloneSet: CloneSet, revision: Int64, collisionCount: Int32) -> ControllerRevision {
        let data = data(for: cloneSet.spec.template)
        let hash = hash(data: data, collisionCount: collisionCount)
        var metadata = ObjectMeta(
            name: String(cloneSet.name.prefix(223)) + "-" + hash,
            namespace: cloneSet.namespace.isEmpty ? nil : cloneSet.namespace)
        var labels = cloneSet.spec.template.metadata.labels
        labels[hashLabel] = hash
        metadata.labels = labels
        metadata.annotations = cloneSet.metadata.annotations
        metadata.ownerReferences = [OwnerReference(to: cloneSet)]
        var created = ControllerRevision(metadata: metadata)
        created.data = data
        created.revision = revision
        return created
    }

    /// `history.SortControllerRevisions`: by revision number, then creation time, then name.
    public static func sorted(_ revisions: [ControllerRevision]) -> [ControllerRevision] {
        revisions.sorted { lhs, rhs in
            if lhs.revision != rhs.revision { return lhs.revision < rhs.revision }
            if let left = lhs.metadata.creationTimestamp, let right = rhs.metadata.creationTimestamp, left != right {
                return left < right
            }
            return lhs.name < rhs.name
        }
    }

    /// `history.EqualRevision`: equal data (compared as JSON values).
    public static func equal(_ lhs: ControllerRevision, _ rhs: ControllerRevision) -> Bool {
        lhs.data == rhs.data
    }

    /// `getActiveRevisions`: the update revision (the latest equal revision reused, an older equal one bumped
    /// forward, or a new one created with hash collisions resolved against the listed revisions) and the
    /// current revision.
    public static func resolve(cloneSet: CloneSet, revisions: [ControllerRevision]) -> Resolution {
        var sortedRevisions = sorted(revisions.filter { CloneSetPods.isOwned($0.metadata, by: cloneSet) || $0.metadata.controllerReference == nil })
        var collisionCount = cloneSet.status.collisionCount ?? 0
        let next = (sortedRevisions.last?.revision ?? 0) + 1
        var candidate = newRevision(of: cloneSet, revision: next, collisionCount: collisionCount)
        let equals = sortedRevisions.filter { equal($0, candidate) }
        var action: CloneSetAction?
        let update: ControllerRevision
        if let lastEqual = equals.last, let latest = sortedRevisions.last, equal(latest, lastEqual) {
            update = latest
        } else if var lastEqual = equals.last {
            lastEqual.revision = next
            action = .updateRevision(lastEqual)
            sortedRevisions = sortedRevisions.map { $0.name == lastEqual.name ? lastEqual : $0 }
            update = lastEqual
        } else {
            // CreateControllerRevision: a name taken by a different revision is a hash collision.
            while let existing = revisions.first(where: { $0.name == candidate.name }), !equal(existing, candidate) {
                collisionCount += 1
                candidate = newRevision(of: cloneSet, revision: next, collisionCount: collisionCount)
            }
            if revisions.contains(where: { $0.name == candidate.name }) {
                update = revisions.first { $0.name == candidate.name }!
            } else {
                action = .createRevision(candidate)
                sortedRevisions.append(candidate)
                update = candidate
            }
        }
        let currentName = cloneSet.status.currentRevision
        let current = sortedRevisions.first { $0.name == currentName } ?? update
        return Resolution(
            updateRevision: update, currentRevision: current, collisionCount: collisionCount, action: action,
            revisions: sorted(sortedRevisions))
    }

    /// `truncateHistory`: the oldest revisions beyond `revisionHistoryLimit` that are neither current, update
    /// nor used by a pod.
    public static func revisionsToDelete(
        cloneSet: CloneSet, pods: [Pod], revisions: [ControllerRevision], current: String, update: String
    ) -> [ControllerRevision] {
        let unused = sorted(revisions).filter { revision in
            revision.name != current && revision.name != update
                && !pods.contains { CloneSetPods.isAtRevision($0, revision.name) }
        }
        let limit = Int(cloneSet.spec.revisionHistoryLimit ?? 10)
        guard unused.count > limit else { return [] }
        return Array(unused.prefix(unused.count - limit))
    }
}
