public import KubeJSON
public import KubeModel

/// ControllerRevision construction and matching for StatefulSets and DaemonSets.
///
/// A revision's `data` is the patch upstream's `getPatch` stores: `{"spec":{"template":{…,"$patch":"replace"}}}`,
/// the owner's whole template with a strategic-merge directive to replace it. Matching compares that data
/// semantically (JSON objects compare whatever their key order), as `history.EqualRevision` compares bytes of
/// Go's sorted-key encoding.
public enum RevisionHistory {
    /// The label StatefulSet revisions carry their hash in.
    public static let hashLabel = "controller.kubernetes.io/hash"
    /// The label DaemonSet revisions and pods, and StatefulSet pods, carry their revision in.
    public static let revisionLabel = "controller-revision-hash"

    /// The patch stored as a revision's `data` for `template`.
    public static func templatePatch(_ template: PodTemplateSpec) -> JSONValue {
        var templateObject = template.object
        templateObject["$patch"] = "replace"
        var spec = JSONObject()
        spec.appendUnchecked(key: "template", value: .object(templateObject))
        var data = JSONObject()
        data.appendUnchecked(key: "spec", value: .object(spec))
        return .object(data)
    }

    /// The template a revision snapshots (`ApplyRevision` of a template-replacing patch), or `nil` when its data
    /// holds none.
    public static func template(of revision: ControllerRevision) -> PodTemplateSpec? {
        guard case .object(var template)? = revision.data?["spec"]?["template"] else { return nil }
        _ = template.removeValue(forKey: "$patch")
        return PodTemplateSpec(object: template)
    }

    /// `true` when `revision` snapshots `template`.
    public static func matches(_ revision: ControllerRevision, template: PodTemplateSpec) -> Bool {
        revision.data == templatePatch(template)
    }

    /// `history.SortControllerRevisions`: by revision number, then creation time, then name.
    public static func sorted(_ revisions: [ControllerRevision]) -> [ControllerRevision] {
        revisions.sorted { lhs, rhs in
            if lhs.revision != rhs.revision { return lhs.revision < rhs.revision }
            let lhsTime = lhs.metadata.creationTimestamp, rhsTime = rhs.metadata.creationTimestamp
            if lhsTime != rhsTime, let lhsTime, let rhsTime { return lhsTime < rhsTime }
            return lhs.name < rhs.name
        }
    }

    /// The number the next revision gets: one more than the highest, 1 for none.
    public static func nextRevisionNumber(_ revisions: [ControllerRevision]) -> Int64 {
        (revisions.map(\.revision).max() ?? 0) + 1
    }

    /// `ControllerRevisionName`: `prefix-hash`, the prefix cut to 223 characters.
    public static func revisionName(prefix: String, hash: String) -> String {
        String(prefix.prefix(223)) + "-" + hash
    }

    /// A new revision of `owner` snapshotting `template`, named `name`, with `labels`, the owner's annotations
    /// and a controller reference.
    public static func make<Owner: KubeObject>(
        owner: Owner, template: PodTemplateSpec, name: String, labels: [String: String], revision: Int64
    ) -> ControllerRevision {
        var metadata = ObjectMeta(name: name, namespace: owner.namespace.isEmpty ? nil : owner.namespace)
        metadata.labels = labels
        metadata.annotations = owner.metadata.annotations
        metadata.ownerReferences = [ControllerReferences.controllerReference(to: owner)]
        var created = ControllerRevision(metadata: metadata)
        created.data = templatePatch(template)
        created.revision = revision
        return created
    }
}
