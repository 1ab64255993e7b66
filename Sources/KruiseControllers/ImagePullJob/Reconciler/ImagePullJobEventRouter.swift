import ControllerRuntime
import KruiseAPI
import KubeJSON
import KubeModel

/// Which ImagePullJobs an event of another kind concerns (upstream's NodeImage, pod and secret handlers). Only
/// jobs still running are queued: completed and deleted ones no longer follow their nodes.
enum ImagePullJobEventRouter {
    /// A NodeImage came, changed or went: the running jobs that may target it.
    static func keys(for event: InformerEvent<NodeImage>, jobs: [ImagePullJob]) -> [ObjectKey] {
        var nodeImages = [event.object]
        if case .updated(let old, let new) = event {
            if old.images == new.images && old.status == new.status && old.metadata.labels == new.metadata.labels { return [] }
            nodeImages = [old, new]
        }
        return jobs.filter { job in
            Self.isRunning(job) && nodeImages.contains { ImagePullJobTargets.mayTarget(job, nodeImage: $0) }
        }.map(ObjectKey.init)
    }

    /// A pod came, moved, was relabelled or went: the running `podSelector` jobs of its namespace that match it.
    static func keys(for event: InformerEvent<Pod>, jobs: [ImagePullJob]) -> [ObjectKey] {
        // Without jobs in the namespace no pod needs reading (pods change far more often than jobs exist).
        guard !jobs.isEmpty else { return [] }
        var pods = [event.object]
        if case .updated(let old, let new) = event {
            if old.spec.nodeName == new.spec.nodeName && old.metadata.labels == new.metadata.labels
                && old.metadata.isBeingDeleted == new.metadata.isBeingDeleted && old.status.phase == new.status.phase
            {
                return []
            }
            pods = [old, new]
        }
        guard pods.contains(where: { !($0.spec.nodeName ?? "").isEmpty }) else { return [] }
        return jobs.filter { job in
            guard Self.isRunning(job), let selector = job.spec.podSelector else { return false }
            return pods.contains { selector.matches($0.metadata.labels) }
        }.map(ObjectKey.init)
    }

    /// A Secret changed: in a job's namespace, the running jobs that name it; in the daemon's namespace, the
    /// jobs its references list.
    static func keys(for event: InformerEvent<Secret>, jobs: [ImagePullJob], configNamespace: String) -> [ObjectKey] {
        let secret = event.object
        let namespace = secret.metadata.namespace ?? ""
        if namespace == configNamespace {
            return ImagePullSecretSync.references(of: secret).sorted().compactMap { reference in
                let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
                return parts.count == 2 ? ObjectKey(namespace: parts[0], name: parts[1]) : nil
            }
        }
        if case .updated(let old, let new) = event, old.object["data"] == new.object["data"],
            old.object["stringData"] == new.object["stringData"]
        {
            return []
        }
        return jobs.filter { Self.isRunning($0) && $0.spec.pullSecrets.contains(secret.name) }.map(ObjectKey.init)
    }

    private static func isRunning(_ job: ImagePullJob) -> Bool {
        !job.metadata.isBeingDeleted && job.status.completionTime == nil
    }
}
