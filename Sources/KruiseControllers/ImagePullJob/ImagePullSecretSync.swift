import KruiseAPI
import KubeJSON
import KubeModel

/// Copies an ImagePullJob's pull secrets into the daemon's namespace (`kruise-daemon-config`), the only place the
/// daemon may read Secrets (upstream's CVE fix in v1.4.1/v1.5.2), and releases the copies when no job needs them.
///
/// A copy carries the label `imagepulljobs.kruise.io/source-uid`, the annotation
/// `imagepulljobs.kruise.io/source-key` (`namespace/name` of the source) and `imagepulljobs.kruise.io/references`
/// (the `namespace/name` of every job using it, comma-separated, sorted). One copy per source secret is shared by
/// every job that names it (as upstream's HEAD does; v1.6 made one per job).
enum ImagePullSecretSync {
    static let sourceUIDLabel = "imagepulljobs.kruise.io/source-uid"
    static let sourceKeyAnnotation = "imagepulljobs.kruise.io/source-key"
    static let referencesAnnotation = "imagepulljobs.kruise.io/references"

    /// One write to a copy.
    enum Action: Sendable, Hashable {
        /// Create a copy of source secret `sourceName` (the created name becomes the reference).
        case create(sourceName: String, secret: Secret)
        /// Update a copy (data, or the references list).
        case update(Secret)
        /// Delete a copy no job references any more.
        case delete(name: String)
    }

    /// The writes, and the copies the job's NodeImage tags reference (those to create are referenced once
    /// created, in ``Action/create(sourceName:secret:)`` order).
    struct Plan: Sendable, Hashable {
        var actions: [Action] = []
        var references: [NodeImageSecretReference] = []
    }

    /// - Parameters:
    ///   - job: the job; one being deleted or completed only releases its copies.
    ///   - sources: the job's pull secrets that exist, by name (in the job's namespace).
    ///   - copies: the Secrets in `configNamespace` (those being deleted left out).
    static func plan(_ job: ImagePullJob, sources: [String: Secret], copies: [Secret], configNamespace: String) -> Plan {
        let namespace = job.metadata.namespace ?? ""
        let names = job.spec.pullSecrets
        if namespace == configNamespace {
            return Plan(references: names.map { NodeImageSecretReference(namespace: namespace, name: $0) })
        }
        let jobKey = "\(namespace)/\(job.name)"
        let releasing = job.metadata.isBeingDeleted || job.status.completionTime != nil
        let wanted = releasing ? Set<String>() : Set(names.map { "\(namespace)/\($0)" })
        var plan = Plan()
        var byName = Dictionary(copies.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for copy in copies.sorted(by: { $0.name < $1.name }) {
            var references = Self.references(of: copy)
            guard references.contains(jobKey), !wanted.contains(copy.metadata.annotation(Self.sourceKeyAnnotation) ?? "") else {
                continue
            }
            references.remove(jobKey)
            if references.isEmpty {
                plan.actions.append(.delete(name: copy.name))
                byName[copy.name] = nil
            } else {
                var updated = copy
                Self.setReferences(&updated, references)
                plan.actions.append(.update(updated))
                byName[copy.name] = updated
            }
        }
        if releasing { return plan }
        for name in names {
            guard let source = sources[name] else { continue }
            let sourceKey = "\(namespace)/\(name)"
            let candidates = byName.values.filter { $0.metadata.annotation(Self.sourceKeyAnnotation) == sourceKey }
                .sorted { $0.name < $1.name }
            guard let copy = candidates.first(where: { Self.references(of: $0).contains(jobKey) }) ?? candidates.first else {
                plan.actions.append(.create(sourceName: name, secret: Self.copy(of: source, sourceKey: sourceKey, jobKey: jobKey, configNamespace: configNamespace)))
                continue
            }
            var updated = copy
            var references = Self.references(of: copy)
            references.insert(jobKey)
            Self.setReferences(&updated, references)
            updated.data = source.data
            updated.object["stringData"] = source.object["stringData"]
            updated.object["type"] = source.object["type"]
            if updated != copy { plan.actions.append(.update(updated)) }
            plan.references.append(NodeImageSecretReference(namespace: configNamespace, name: copy.name))
        }
        return plan
    }

    static func references(of copy: Secret) -> Set<String> {
        let text = copy.metadata.annotation(Self.referencesAnnotation) ?? ""
        return Set(text.split(separator: ",").map(String.init).filter { !$0.isEmpty })
    }

    private static func setReferences(_ copy: inout Secret, _ references: Set<String>) {
        var annotations = copy.metadata.annotations
        annotations[Self.referencesAnnotation] = references.sorted().joined(separator: ",")
        copy.metadata.annotations = annotations
    }

    private static func copy(of source: Secret, sourceKey: String, jobKey: String, configNamespace: String) -> Secret {
        var metadata = ObjectMeta()
        metadata.namespace = configNamespace
        metadata.generateName = "\(source.name)-"
        var labels = source.metadata.labels
        labels[Self.sourceUIDLabel] = source.metadata.uid ?? ""
        metadata.labels = labels
        var annotations = source.metadata.annotations
        annotations[Self.sourceKeyAnnotation] = sourceKey
        annotations[Self.referencesAnnotation] = jobKey
        metadata.annotations = annotations
        var copy = Secret(metadata: metadata)
        for key in ["type", "data", "stringData"] {
            if let value = source.object[key] { copy.object[key] = value }
        }
        return copy
    }
}
