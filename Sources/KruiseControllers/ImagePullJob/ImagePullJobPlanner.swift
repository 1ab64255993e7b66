import ContainerRuntime
import KruiseAPI
import KubeModel

/// The ImagePullJob controller's pure core (upstream's `calculateStatus` and `syncNodeImages`): from the job, its
/// target NodeImages (``ImagePullJobTargets``) and the pull secret copies, the job's status and the NodeImages
/// to write the job's tag into.
///
/// Per target node, the job is
/// - *not synced* when the node's tag lacks the job as an owner (or a secret): the node needs the tag;
/// - *pulling* when the daemon has not reported the tag's current version, or reports it Waiting/Pulling;
/// - *succeeded* or *failed* as the daemon reports the current version.
/// A node whose status has no entry for the tag counts as pulling (upstream v1.6 counted it nowhere).
struct ImagePullJobPlanner: Sendable {
    var timings: ImagePullJobTimings
    /// Random integers in `0..<upperBound`, for the TTL jitter (injected so tests are deterministic).
    var random: @Sendable (_ upperBound: Int32) -> Int32

    init(timings: ImagePullJobTimings = ImagePullJobTimings(), random: @escaping @Sendable (Int32) -> Int32 = { Int32.random(in: 0..<max($0, 1)) }) {
        self.timings = timings
        self.random = random
    }

    func plan(_ job: ImagePullJob, targets: [NodeImage], secrets: [NodeImageSecretReference], now: KubeTime) -> ImagePullJobPlan {
        let spec = job.spec
        let (imageName, tag) = Self.nameAndTag(spec.image)
        let old = job.status
        var status = ImagePullJobStatus()
        status.startTime = old.startTime ?? now
        status.desired = Int32(targets.count)
        var notSynced: [String] = []
        var pulling: [String] = []
        var succeeded: [String] = []
        var failed: [String] = []
        for nodeImage in targets {
            let image = nodeImage.images[imageName]
            if let image, secrets.contains(where: { secret in
                !image.pullSecrets.contains { $0.namespace == secret.namespace && $0.name == secret.name }
            }) {
                notSynced.append(nodeImage.name)
                continue
            }
            guard let entry = image?.tags.first(where: { $0.tag == tag }),
                entry.ownerReferences.contains(where: { $0.uid == job.metadata.uid })
            else {
                notSynced.append(nodeImage.name)
                continue
            }
            guard let reported = nodeImage.status.tagStatus(image: imageName, tag: tag), reported.version == entry.version else {
                pulling.append(nodeImage.name)
                continue
            }
            switch reported.phase {
            case .succeeded: succeeded.append(nodeImage.name)
            case .failed: failed.append(nodeImage.name)
            case .waiting, .pulling: pulling.append(nodeImage.name)
            }
        }
        let completion = spec.completionPolicy
        let deadline = completion.type == .always ? completion.activeDeadlineSeconds : nil
        let elapsed = now.seconds - (status.startTime ?? now).seconds
        var requeueAfter: Duration?
        if let deadline, Int(status.desired) != succeeded.count + failed.count, deadline <= elapsed {
            status.completionTime = now
            status.succeeded = Int32(succeeded.count)
            let unfinished = failed + pulling + notSynced
            status.failedNodes = unfinished
            status.failed = Int32(unfinished.count)
            status.active = 0
            status.message = "job exceeds activeDeadlineSeconds"
            return ImagePullJobPlan(status: status, assignments: [], requeueAfter: nil)
        }
        status.active = Int32(pulling.count)
        status.succeeded = Int32(succeeded.count)
        status.failed = Int32(failed.count)
        status.failedNodes = failed.sorted()
        if completion.type == .always, status.desired == status.succeeded + status.failed {
            status.completionTime = old.completionTime ?? now
        }
        status.message = Self.message(status)
        if let deadline, status.completionTime == nil {
            requeueAfter = .seconds(max(1, deadline - elapsed))
        }
        guard status.completionTime == nil else {
            return ImagePullJobPlan(status: status, assignments: [], requeueAfter: nil)
        }
        let parallelism = Self.parallelism(spec)
        let budget = min(max(parallelism - pulling.count, 0), notSynced.count)
        let assignments = notSynced.prefix(budget).map { nodeName in
            ImagePullJobTagAssignment(
                nodeName: nodeName, imageName: imageName, tag: tag, owner: ObjectReference(to: job),
                pullPolicy: self.tagPullPolicy(job), imagePullPolicy: spec.imagePullPolicy, sandboxConfig: spec.sandboxConfig,
                secrets: secrets)
        }
        return ImagePullJobPlan(status: status, assignments: assignments, requeueAfter: requeueAfter)
    }

    /// The tag's limits (upstream's `getImagePullPolicy`): the job's timeout and retries, and a TTL after which
    /// the NodeImage controller drops the tag (see ``ImagePullJobTimings``).
    func tagPullPolicy(_ job: ImagePullJob) -> ImageTagPullPolicy {
        let spec = job.spec
        let pull = spec.pullPolicy
        let timeout = pull?.timeoutSeconds ?? ImagePullJobPullPolicy.defaultTimeoutSeconds
        let backoff = pull?.backoffLimit ?? ImagePullJobPullPolicy.defaultBackoffLimit
        var policy = ImageTagPullPolicy()
        policy.timeoutSeconds = timeout
        policy.backoffLimit = backoff
        let completion = spec.completionPolicy
        switch completion.type {
        case .never:
            let jitter = self.timings.neverRepullJitterSeconds
            policy.ttlSecondsAfterFinished = self.timings.neverRepullSeconds + self.random(2 * jitter) - jitter
            policy.activeDeadlineSeconds = max(1800, Int64(timeout))
        case .always:
            policy.activeDeadlineSeconds = completion.activeDeadlineSeconds
            let base = completion.ttlSecondsAfterFinished.map(Int64.init)
                ?? completion.activeDeadlineSeconds ?? Int64(timeout) * Int64(backoff)
            let extra = Int64(self.timings.alwaysExtraTTLSeconds) + Int64(self.random(self.timings.alwaysExtraTTLJitterSeconds))
            policy.ttlSecondsAfterFinished = Int32(clamping: base + extra)
        }
        return policy
    }

    /// `parallelism` (absent: 1; a string of digits is read as Go's `IntValue` does).
    static func parallelism<Template: ImagePullJobTemplateFields>(_ spec: Template) -> Int {
        switch spec.parallelism {
        case nil: return 1
        case .int(let value)?: return value
        case .string(let text)?: return Int(text) ?? 0
        }
    }

    /// The NodeImage image name and tag of `image` (upstream's `NormalizeImageRefToNameTag`); an unparsable
    /// reference (refused by the webhook) is kept whole with tag `latest`.
    static func nameAndTag(_ image: String) -> (name: String, tag: String) {
        (try? ImageReference(parsing: image))?.nameAndTag ?? (image, "latest")
    }

    /// Upstream's `formatStatusMessage`.
    static func message(_ status: ImagePullJobStatus) -> String {
        if status.completionTime != nil { return "job has completed" }
        if status.desired == 0 { return "job is running, no progress" }
        let progress = 100 * Double(status.succeeded + status.failed) / Double(status.desired)
        return "job is running, progress \(Self.oneDecimal(progress))%"
    }

    /// `%.1f`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
