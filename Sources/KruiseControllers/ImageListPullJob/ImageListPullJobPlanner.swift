public import KruiseAPI
import KubeJSON
public import KubeModel

/// The ImageListPullJob controller (`pkg/controller/imagelistpulljob`, v1.6) as a pure planner: from the observed
/// list job and the ImagePullJobs it controls, the label to set, the children to create and delete and the status.
///
/// In upstream's order:
/// 1. the template hash (``ImageListPullJobTemplateHash``) goes into the job's `controller-revision-hash` label;
/// 2. a completed job is only kept until `completionPolicy.ttlSecondsAfterFinished` has passed since its
///    `completionTime`, then deleted; nothing else is done for it (its children are no longer synced);
/// 3. with unsatisfied expectations nothing more is planned (a stale cache must not create duplicates);
/// 4. the status is computed from the children as observed (before this round's creates and deletes);
/// 5. each listed image without a child gets one; a child whose hash label differs (or, unlabelled, whose template
///    differs) is replaced; children of images no longer listed are deleted.
///
/// Two deliberate departures from upstream: children of images that left the list are not counted in the status
/// (upstream counts them until they are gone, so `completed` could exceed `desired` for a round), and of two
/// children of one image the extra one is deleted (upstream silently ignores one of them).
public enum ImageListPullJobPlanner {
    /// The message of a ``KruiseAPI/FailedImageStatus`` (upstream's wording).
    public static func failedImageMessage(job name: String) -> String {
        "Please check for details which nodes failed by 'kubectl get ImagePullJob \(name)'."
    }

    /// Plans one reconcile.
    ///
    /// - Parameters:
    ///   - job: the ImageListPullJob as observed.
    ///   - children: the ImagePullJobs whose controller is `job` (those being deleted are ignored).
    ///   - expectationsSatisfied: whether every create and delete this controller made for `job` shows in the cache.
    ///   - now: the current time.
    public static func plan(
        _ job: ImageListPullJob, children: [ImagePullJob], expectationsSatisfied: Bool = true, now: KubeTime
    ) -> ImageListPullJobPlan {
        let hash = ImageListPullJobTemplateHash.of(job)
        var plan = ImageListPullJobPlan(templateHash: hash)
        plan.patchHashLabel = job.metadata.labels[KruiseKeys.controllerRevisionHash] != hash

        if let completionTime = job.status.completionTime {
            if let ttl = job.spec.completionPolicy.ttlSecondsAfterFinished {
                let left = Duration.seconds(Int64(ttl)) - now.duration(since: completionTime)
                if left <= .zero {
                    plan.deleteJob = true
                } else {
                    plan.requeueAfter = left
                }
            }
            return plan
        }
        guard expectationsSatisfied else {
            plan.waitsForExpectations = true
            return plan
        }

        let images = job.spec.images
        let listed = Set(images)
        let live = children.filter { !$0.metadata.isBeingDeleted }
        var current: [String: ImagePullJob] = [:]
        for child in Self.preferredFirst(live, hash: hash, template: job.spec.template) {
            let image = child.spec.image
            if !listed.contains(image) || current[image] != nil {
                plan.deletes.append(ImageListPullJobPlan.Deletion(name: child.name, uid: child.metadata.uid, image: image))
            } else {
                current[image] = child
            }
        }

        plan.status = self.status(of: job, children: current, now: now)

        var planned = Set<String>()
        for image in images where planned.insert(image).inserted {
            if let child = current[image] {
                if Self.isConsistent(child, hash: hash, template: job.spec.template) { continue }
                plan.deletes.append(ImageListPullJobPlan.Deletion(name: child.name, uid: child.metadata.uid, image: image))
            }
            plan.creates.append(Self.child(of: job, image: image, hash: hash))
        }
        return plan
    }

    /// The new status, or `nil` when it equals the job's (upstream's `calculateStatus` and its DeepEqual check).
    /// `children` are the current children by image.
    static func status(of job: ImageListPullJob, children: [String: ImagePullJob], now: KubeTime) -> ImageListPullJobStatus? {
        let old = job.status
        var status = ImageListPullJobStatus()
        status.startTime = old.startTime ?? now
        status.desired = Int32(job.spec.images.count)
        var active: Int32 = 0
        var completed: Int32 = 0
        var succeeded: Int32 = 0
        var failures: [FailedImageStatus] = []
        for image in job.spec.images {
            guard let child = children[image], child.status.startTime != nil else { continue }
            let childStatus = child.status
            if childStatus.active > 0 { active += 1 }
            if childStatus.failed > 0 {
                failures.append(FailedImageStatus(job: child.name, image: image, message: Self.failedImageMessage(job: child.name)))
            }
            if childStatus.desired == childStatus.failed + childStatus.succeeded { completed += 1 }
            if childStatus.desired == childStatus.succeeded { succeeded += 1 }
        }
        status.active = active
        status.completed = completed
        status.succeeded = succeeded
        status.failedImageStatuses = failures
        if job.spec.completionPolicy.type != .never, status.desired == completed {
            status.completionTime = now
        }
        return Self.sameStatus(status, old) ? nil : status
    }

    /// Whether `lhs` and `rhs` agree on every field this controller writes.
    static func sameStatus(_ lhs: ImageListPullJobStatus, _ rhs: ImageListPullJobStatus) -> Bool {
        lhs.startTime == rhs.startTime && lhs.completionTime == rhs.completionTime && lhs.desired == rhs.desired
            && lhs.active == rhs.active && lhs.completed == rhs.completed && lhs.succeeded == rhs.succeeded
            && lhs.failedImageStatuses.map(\.object) == rhs.failedImageStatuses.map(\.object)
    }

    /// Whether `child` was made from the current template: its hash label matches, or it has none and its spec
    /// (less `image`) equals the template.
    public static func isConsistent(_ child: ImagePullJob, hash: String, template: ImagePullJobTemplate) -> Bool {
        if let label = child.metadata.labels[KruiseKeys.controllerRevisionHash] { return label == hash }
        var spec = child.spec.object
        _ = spec.removeValue(forKey: "image")
        return spec == template.object
    }

    /// The child ImagePullJob of `job` for `image`: named by the server (`<job>-…`), labelled with the template
    /// hash, controlled by `job`, its spec the image plus the template.
    public static func child(of job: ImageListPullJob, image: String, hash: String) -> ImagePullJob {
        var metadata = ObjectMeta(object: JSONObject())
        metadata.generateName = job.name + "-"
        metadata.namespace = job.namespace
        metadata.labels = [KruiseKeys.controllerRevisionHash: hash]
        metadata.ownerReferences = [OwnerReference(to: job, controller: true, blockOwnerDeletion: true)]
        var child = ImagePullJob(metadata: metadata)
        var spec = JSONObject()
        spec["image"] = .string(image)
        for member in job.spec.template.object { spec[member.key] = member.value }
        child.spec = ImagePullJobSpec(object: spec)
        return child
    }

    /// `children` with, for each image, the child to keep first: a consistent one before a stale one, then the
    /// oldest (by creation time, then name), so duplicates resolve the same way every round.
    private static func preferredFirst(_ children: [ImagePullJob], hash: String, template: ImagePullJobTemplate) -> [ImagePullJob] {
        let ranked = children.map { (child: $0, consistent: Self.isConsistent($0, hash: hash, template: template)) }
        return ranked.sorted { lhs, rhs in
            if lhs.consistent != rhs.consistent { return lhs.consistent }
            let left = lhs.child.metadata.creationTimestamp ?? .epoch
            let right = rhs.child.metadata.creationTimestamp ?? .epoch
            if left != right { return left < right }
            return lhs.child.name < rhs.child.name
        }.map(\.child)
    }
}
