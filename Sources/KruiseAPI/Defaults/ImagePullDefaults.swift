public import KubeJSON
public import KubeModel

/// The defaulting webhooks of ImagePullJob, ImageListPullJob and NodeImage (upstream's `SetDefaultsImagePullJob`,
/// `SetDefaultsImageListPullJob`, `SetDefaultsNodeImage` and their mutating handlers), as pure functions.
public enum ImagePullDefaults {
    /// The finalizer the ImagePullJob webhook adds on create, so the controller can release the job's copied
    /// pull secrets before the job goes.
    public static let protectionFinalizer = "apps.kruise.io/deletion-protection"

    /// `job` with upstream's defaults: `completionPolicy.type` `Always`, `pullPolicy` {600 s, 3 retries},
    /// `imagePullPolicy` `IfNotPresent`, and on create (`isCreate`) the protection finalizer. `parallelism` is
    /// left alone (the controller reads absent as 1).
    public static func defaulted(_ job: ImagePullJob, isCreate: Bool) -> ImagePullJob {
        var result = job
        var spec = result.spec
        Self.defaultTemplate(&spec)
        if spec.imagePullPolicyValue?.isEmpty ?? true { spec.imagePullPolicy = .ifNotPresent }
        result.object["spec"] = .object(spec.object)
        if isCreate, !result.metadata.finalizers.contains(Self.protectionFinalizer) {
            result.metadata.finalizers.append(Self.protectionFinalizer)
        }
        return result
    }

    /// `job` with upstream's defaults: `completionPolicy.type` `Always` and `pullPolicy` {600 s, 3 retries}
    /// (its children get the rest from the ImagePullJob webhook).
    public static func defaulted(_ job: ImageListPullJob) -> ImageListPullJob {
        var result = job
        var spec = result.spec
        Self.defaultTemplate(&spec)
        result.object["spec"] = .object(spec.object)
        return result
    }

    /// `nodeImage` with upstream's defaults: each tag gets `createdAt` (`now`) and a `pullPolicy` {600 s,
    /// 3 retries}; the tags of every image, in spec and status, are sorted by name.
    public static func defaulted(_ nodeImage: NodeImage, now: KubeTime) -> NodeImage {
        var result = nodeImage
        var images = result.images
        for (name, var image) in images {
            image.tags = image.tags.map { tag in
                var tag = tag
                if tag.createdAt == nil { tag.createdAt = now }
                var policy = tag.pullPolicy ?? ImageTagPullPolicy()
                if policy.timeoutSeconds == nil { policy.timeoutSeconds = ImagePullJobPullPolicy.defaultTimeoutSeconds }
                if policy.backoffLimit == nil { policy.backoffLimit = ImagePullJobPullPolicy.defaultBackoffLimit }
                tag.pullPolicy = policy
                return tag
            }.sorted { $0.tag < $1.tag }
            images[name] = image
        }
        if !images.isEmpty { result.images = images }
        var status = result.status
        let statuses = status.imageStatuses
        if !statuses.isEmpty {
            status.imageStatuses = statuses.mapValues { $0.sorted { $0.tag < $1.tag } }
            result.status = status
        }
        return result
    }

    /// The JSON patch the ImagePullJob mutating webhook answers with (empty when nothing changes).
    public static func patch(for job: ImagePullJob, isCreate: Bool) -> JSONPatch {
        JSONPatch(JSONDiff.operations(from: job.json, to: self.defaulted(job, isCreate: isCreate).json))
    }

    /// The JSON patch the ImageListPullJob mutating webhook answers with.
    public static func patch(for job: ImageListPullJob) -> JSONPatch {
        JSONPatch(JSONDiff.operations(from: job.json, to: self.defaulted(job).json))
    }

    /// The JSON patch the NodeImage mutating webhook answers with.
    public static func patch(for nodeImage: NodeImage, now: KubeTime) -> JSONPatch {
        JSONPatch(JSONDiff.operations(from: nodeImage.json, to: self.defaulted(nodeImage, now: now).json))
    }

    private static func defaultTemplate<Template: ImagePullJobTemplateFields>(_ spec: inout Template) {
        var completion = spec.completionPolicy
        if completion.typeValue?.isEmpty ?? true { completion.type = .always }
        spec.object["completionPolicy"] = .object(completion.object)
        var policy = spec.pullPolicy ?? ImagePullJobPullPolicy()
        if policy.timeoutSeconds == nil { policy.timeoutSeconds = ImagePullJobPullPolicy.defaultTimeoutSeconds }
        if policy.backoffLimit == nil { policy.backoffLimit = ImagePullJobPullPolicy.defaultBackoffLimit }
        spec.pullPolicy = policy
    }
}
